import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { matchStand, seasonGiveBack, ticket } from '../../db/schema/index.ts';
import { type Person, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { ownPassSeat } from './own-pass-seat.ts';
import { quoteGiveBack } from './quote-give-back.ts';

/**
 * A holder frees their seat for one match ("free your seat", decision 021, point 5): the pass's row
 * there is revoked (the season code is refused at that match from now on) by a guarded UPDATE (valid,
 * not entered), and the seat goes back on sale (`sold - 1`). The credit shown before confirming is
 * fixed on the give-back and paid once the stand sells past the seats that were free anyway
 * (creditGiveBacks).
 */
export async function giveBackSeasonSeat(
  tx: Tx,
  { now = new Date() }: Ctx<'now'>,
  input: { actor: Person; passId: string; matchId: string },
) {
  const { pass, seat } = await ownPassSeat(tx, input.actor, input.passId, input.matchId, now);
  if (seat.row.status !== 'valid') throw new DomainError('seat_passed');
  const revoked = await tx
    .update(ticket)
    .set({ status: 'revoked', revokedAt: now })
    .where(and(eq(ticket.id, seat.row.id), eq(ticket.status, 'valid'), isNull(ticket.usedAt)))
    .returning({ id: ticket.id });
  if (revoked.length === 0) throw new DomainError('ticket_used');
  await tx
    .update(matchStand)
    .set({ sold: sql`${matchStand.sold} - 1` })
    .where(and(eq(matchStand.id, seat.matchStandId), sql`${matchStand.sold} > 0`));
  const creditCents = await quoteGiveBack(tx, pass);
  const [given] = await tx
    .insert(seasonGiveBack)
    .values({ clubId: pass.clubId, passId: pass.id, matchStandId: seat.matchStandId, creditCents })
    .returning({ id: seasonGiveBack.id });
  await recordActivity(tx, {
    clubId: pass.clubId,
    actor: input.actor,
    action: 'season.seat_given_back',
    subject: { orderId: pass.orderId, matchId: input.matchId },
  });
  return { giveBackId: given!.id, creditCents };
}
