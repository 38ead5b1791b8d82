import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { boxOfficeQuota, matchStand } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';

/**
 * Seats for a sale at the gate, stand by stand (the caller goes in sorted stand order), each by guarded
 * statements (invariant 1). A cash sale is ticketed at once: the device's own quota is used first (the
 * quota row `used + n <= reserved`, then the stand's held → sold), else the stand's free seats
 * (`sold + held + n <= cap`). An offline sale comes only from the quota (`quota_exceeded` otherwise). A
 * sale paid on the buyer's phone holds its seats (held += n) until paid, as an online order does.
 */
export async function takeGateSeats(
  tx: Tx,
  input: {
    deviceId: string;
    matchId: string;
    matchStandId: string;
    standName: string;
    quantity: number;
    mode: 'sell' | 'offline' | 'hold';
  },
): Promise<'quota' | 'stand'> {
  const { deviceId, matchStandId, quantity: n } = input;
  if (input.mode !== 'hold') {
    const fromQuota = await tx
      .update(boxOfficeQuota)
      .set({ used: sql`${boxOfficeQuota.used} + ${n}` })
      .where(
        and(
          eq(boxOfficeQuota.deviceId, deviceId),
          eq(boxOfficeQuota.matchStandId, matchStandId),
          isNull(boxOfficeQuota.releasedAt),
          sql`${boxOfficeQuota.used} + ${n} <= ${boxOfficeQuota.reserved}`,
        ),
      )
      .returning({ id: boxOfficeQuota.id });
    if (fromQuota.length > 0) {
      await tx
        .update(matchStand)
        .set({ held: sql`${matchStand.held} - ${n}`, sold: sql`${matchStand.sold} + ${n}` })
        .where(eq(matchStand.id, matchStandId));
      return 'quota';
    }
    if (input.mode === 'offline') throw new DomainError('quota_exceeded', { stand: input.standName });
  }
  const taken = await tx
    .update(matchStand)
    .set(input.mode === 'hold' ? { held: sql`${matchStand.held} + ${n}` } : { sold: sql`${matchStand.sold} + ${n}` })
    .where(
      and(
        eq(matchStand.id, matchStandId),
        eq(matchStand.matchId, input.matchId),
        sql`${matchStand.sold} + ${matchStand.held} + ${n} <= ${matchStand.cap}`,
      ),
    )
    .returning({ left: sql<number>`(${matchStand.cap} - ${matchStand.sold} - ${matchStand.held})::int` });
  if (taken.length === 0) {
    const [row] = await tx
      .select({ left: sql<number>`greatest(${matchStand.cap} - ${matchStand.sold} - ${matchStand.held}, 0)::int` })
      .from(matchStand)
      .where(eq(matchStand.id, matchStandId));
    throw new DomainError('not_enough_seats', { stand: input.standName, left: row?.left ?? 0 });
  }
  return 'stand';
}
