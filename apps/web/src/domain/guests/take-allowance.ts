import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { guestListStand, matchStand, stand } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';

/**
 * Moves a guest list's allowance in one stand by `delta` seats (invariant 1). Growing takes seats from
 * the stand row with the one guarded statement every channel uses (held += n while sold + held + n <=
 * cap); shrinking gives seats back, only down to what the list's guests use. The list's row is changed
 * first, then the stand's: every guest-list operation locks in that order.
 */
export async function moveAllowance(tx: Tx, clubId: string, listStand: { id: string; matchStandId: string }, delta: number) {
  if (delta === 0) return;
  const [changed] = await tx
    .update(guestListStand)
    .set({ allowance: sql`${guestListStand.allowance} + ${delta}` })
    .where(
      and(
        eq(guestListStand.id, listStand.id),
        eq(guestListStand.clubId, clubId),
        sql`${guestListStand.used} <= ${guestListStand.allowance} + ${delta}`,
      ),
    )
    .returning({ id: guestListStand.id });
  if (!changed) {
    const [row] = await tx.select({ used: guestListStand.used }).from(guestListStand).where(eq(guestListStand.id, listStand.id));
    throw new DomainError('guest_allowance_below_used', { used: row?.used ?? 0 });
  }
  const [taken] = await tx
    .update(matchStand)
    .set({ held: sql`${matchStand.held} + ${delta}` })
    .where(
      and(
        eq(matchStand.id, listStand.matchStandId),
        eq(matchStand.clubId, clubId),
        sql`${matchStand.sold} + ${matchStand.held} + ${delta} <= ${matchStand.cap}`,
      ),
    )
    .returning({ id: matchStand.id });
  if (!taken) throw await notEnoughSeats(tx, listStand.matchStandId);
}

/** The refusal of a stand that has fewer seats left than asked: its name and how many are left. */
export async function notEnoughSeats(tx: Tx, matchStandId: string) {
  const [left] = await tx
    .select({ name: stand.name, left: sql<number>`greatest(${matchStand.cap} - ${matchStand.sold} - ${matchStand.held}, 0)::int` })
    .from(matchStand)
    .innerJoin(stand, eq(stand.id, matchStand.standId))
    .where(eq(matchStand.id, matchStandId));
  return new DomainError('not_enough_seats', { stand: left?.name ?? '', left: left?.left ?? 0 });
}
