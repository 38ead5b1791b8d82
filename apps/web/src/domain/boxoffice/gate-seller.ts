import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { boxOfficeSeller, device, member, organization } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';

/** A device as the device API authenticated it: what selling at the gate needs of it. */
export interface GateDevice {
  id: string;
  clubId: string;
  name: string;
  matchIds: readonly string[] | null;
  standIds: readonly string[] | null;
}

/**
 * Whether a device may sell at the gate: the club allowed the device itself (devices page), or the
 * staff member whose own browser scanner it is (staff page) — owners and admins may always.
 */
export async function maySell(db: Executor, dev: Pick<GateDevice, 'id' | 'clubId'>): Promise<boolean> {
  const [row] = await db
    .select({
      may: sql<boolean>`(${device.canSell}
        or exists (select 1 from ${boxOfficeSeller} s where s.club_id = ${device.clubId} and s.user_id = ${device.userId})
        or exists (select 1 from ${member} m where m.organization_id = ${device.clubId} and m.user_id = ${device.userId}
          and m.role in ('owner', 'admin')))`,
    })
    .from(device)
    // (A join: drizzle then names every column with its table, as the subqueries need.)
    .innerJoin(organization, eq(organization.id, device.clubId))
    .where(and(eq(device.id, dev.id), eq(device.clubId, dev.clubId)));
  return row?.may === true;
}

/** Refuses (forbidden) a device the club has not let sell. */
export async function requireSeller(db: Executor, dev: Pick<GateDevice, 'id' | 'clubId'>): Promise<void> {
  if (!(await maySell(db, dev))) throw new DomainError('forbidden');
}
