import { and, eq, inArray } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.ts';
import { device, match, stand } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
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
export async function createDevice(
  tx: Tx,
  { now = new Date() }: Ctx<'now'>,
  { actor, clubId, device: input }: { actor: Actor; clubId: string; device: NewDevice },
) {
  const pairing = newPairing(now);
  const scope = await deviceScope(tx, clubId, input);
  const [created] = await tx
    .insert(device)
    .values({ clubId, name: input.name, kind: input.kind, ...scope, ...pairing.columns })
    .returning({ id: device.id });
  await recordActivity(tx, {
    clubId,
    actor,
    action: 'device.created',
    subject: { deviceId: created!.id },
    details: { device: input.name, kind: input.kind, matches: scope.matchIds?.length ?? 0, stands: scope.standIds?.length ?? 0 },
  });
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
