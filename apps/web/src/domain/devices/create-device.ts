import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { device, match, stand } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { newPairing } from './device-secrets.ts';

export interface NewDevice {
  name: string;
  kind: 'phone' | 'gate';
  /** Only these matches / stands of the club; empty or absent: every one. */
  matchIds?: readonly string[];
  standIds?: readonly string[];
}

/** A new scanner or gate of the club, with a one-time pairing code shown once (15 minutes). */
export async function createDevice(db: Executor, clubId: string, input: NewDevice, now = new Date()) {
  const pairing = newPairing(now);
  const [created] = await db
    .insert(device)
    .values({ clubId, name: input.name, kind: input.kind, ...(await deviceScope(db, clubId, input)), ...pairing.columns })
    .returning({ id: device.id });
  return { deviceId: created!.id, pairingCode: pairing.code };
}

/** The matches and stands a device may admit, each checked to be the club's own. */
export async function deviceScope(db: Executor, clubId: string, input: Pick<NewDevice, 'matchIds' | 'standIds'>) {
  const matchIds = [...new Set(input.matchIds ?? [])];
  const standIds = [...new Set(input.standIds ?? [])];
  const [matches, stands] = await Promise.all([
    matchIds.length
      ? db
          .select({ id: match.id })
          .from(match)
          .where(and(eq(match.clubId, clubId), inArray(match.id, matchIds)))
      : [],
    standIds.length
      ? db
          .select({ id: stand.id })
          .from(stand)
          .where(and(eq(stand.clubId, clubId), inArray(stand.id, standIds)))
      : [],
  ]);
  if (matches.length !== matchIds.length || stands.length !== standIds.length) throw new DomainError('not_found');
  return { matchIds: matchIds.length ? matchIds : null, standIds: standIds.length ? standIds : null };
}
