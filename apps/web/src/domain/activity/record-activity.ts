import type { Tx } from '../../db/client.ts';
import { type ActivityAction, type ActivityDetails, activity } from '../../db/schema/index.ts';

export type { ActivityAction, ActivityDetails };

/**
 * Who asks for an operation: a person (staff, a supporter, a platform admin), named as they are at
 * that moment, a guest buyer (no account: the name they gave), or FootArena itself (a job, the clock)
 * or the payment provider (a webhook).
 */
export type Actor = { userId: string; name: string } | { kind: 'guest'; name: string } | { kind: 'system' | 'provider' };
/** A person as an actor: what acts only on one's own account, orders or tickets takes. */
export type Person = Extract<Actor, { userId: string }>;

/** What a line is about: the pages of these subjects show it in their history. */
export interface ActivitySubject {
  matchId?: string | null;
  orderId?: string | null;
  deviceId?: string | null;
  memberId?: string | null;
}

/**
 * Writes one line of the club's activity log. It takes the transaction, never the database: the
 * line commits with the change it describes, or neither does (decision 013).
 */
export async function recordActivity(
  tx: Tx,
  entry: { clubId: string; actor: Actor; action: ActivityAction; subject?: ActivitySubject; details?: ActivityDetails },
): Promise<void> {
  const { actor, subject = {} } = entry;
  await tx.insert(activity).values({
    clubId: entry.clubId,
    ...('kind' in actor
      ? { actorKind: actor.kind, actorName: 'name' in actor ? actor.name : null }
      : { actorKind: 'user' as const, actorUserId: actor.userId, actorName: actor.name }),
    action: entry.action,
    matchId: subject.matchId ?? null,
    orderId: subject.orderId ?? null,
    deviceId: subject.deviceId ?? null,
    memberId: subject.memberId ?? null,
    details: entry.details ?? {},
  });
}
