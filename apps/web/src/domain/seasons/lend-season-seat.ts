import type { Tx } from '../../db/client.ts';
import { seasonLoan } from '../../db/schema/index.ts';
import { type Person, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { passSeatOn } from '../tickets/pass-seat-on.ts';
import { activeSigningKey } from '../tickets/signing-key.ts';
import { ownPassSeat } from './own-pass-seat.ts';
import { sendLoanMail } from './send-loan-mail.ts';

/**
 * A holder lends one match of their pass to a friend (decision 021, point 5): the pass's row of that
 * match is revoked — the season code is refused there from now on — and the same seat gets a ticket
 * made out to the friend, who is mailed it. Only before kick-off, and only a seat still theirs and
 * not entered.
 */
export async function lendSeasonSeat(
  tx: Tx,
  { config, outbox, now = new Date() }: Ctx<'config' | 'outbox' | 'now'>,
  input: { actor: Person; passId: string; matchId: string; email: string; name: string | null },
) {
  const { pass, seat } = await ownPassSeat(tx, input.actor, input.passId, input.matchId, now);
  if (seat.row.status !== 'valid') throw new DomainError('seat_passed');
  if (seat.row.usedAt) throw new DomainError('ticket_used');
  const email = input.email.trim().toLowerCase();
  const name = input.name?.trim() || null;
  const key = await activeSigningKey(tx, pass.clubId, config.ticketSealingKey);
  // The friend's ticket is no pass row: the season code stays refused at this match while it is lent.
  const lent = await passSeatOn(tx, { ticketId: seat.row.id, holder: { email, name }, seasonPassId: null }, key);
  const [loan] = await tx
    .insert(seasonLoan)
    .values({ clubId: pass.clubId, passId: pass.id, matchId: input.matchId, email, name, ticketId: lent.id })
    .returning({ id: seasonLoan.id });
  await sendLoanMail(tx, outbox, { orderId: lent.orderId, ticketId: lent.id });
  await recordActivity(tx, {
    clubId: pass.clubId,
    actor: input.actor,
    action: 'season.seat_lent',
    subject: { orderId: pass.orderId, matchId: input.matchId },
  });
  return { loanId: loan!.id, ticketId: lent.id };
}
