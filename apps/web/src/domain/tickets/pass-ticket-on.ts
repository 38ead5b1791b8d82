import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { match, order, ticket, user } from '../../db/schema/index.ts';
import { type Person, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { QUEUES } from '../outbox.ts';
import { passSeatOn } from './pass-seat-on.ts';
import { activeSigningKey } from './signing-key.ts';

/**
 * A holder passes a single ticket on to someone else until it is used: the old code is revoked at
 * once, the new holder gets a new code for the same seat by e-mail (and in their "My tickets" when
 * an account has that verified address). The holder is the buyer until the ticket was passed on,
 * then whoever it was passed to. Off when the club switched transfers off for the match, and once
 * the match has kicked off.
 */
export async function passTicketOn(
  tx: Tx,
  { outbox, config, now = new Date() }: Ctx<'outbox' | 'config' | 'now'>,
  input: { actor: Person; ticketId: string; holder: { email: string; name: string } },
) {
  const { actor, ticketId } = input;
  if (!isUuid(ticketId)) throw new DomainError('not_found');
  const [me] = await tx.select({ email: user.email, verified: user.emailVerified }).from(user).where(eq(user.id, actor.userId));
  const myEmail = me?.verified ? me.email.toLowerCase() : null;
  const [found] = await tx
    .select({
      ticket,
      kickoffAt: match.kickoffAt,
      matchStatus: match.status,
      allowTransfers: match.allowTransfers,
    })
    .from(ticket)
    .innerJoin(order, eq(order.id, ticket.orderId))
    .innerJoin(match, eq(match.id, ticket.matchId))
    .where(
      and(
        eq(ticket.id, ticketId),
        eq(ticket.status, 'valid'),
        // Season seats are lent per match, not passed on here.
        isNull(ticket.seasonPassId),
        or(
          and(isNull(ticket.holderEmail), eq(order.userId, actor.userId)),
          eq(ticket.holderUserId, actor.userId),
          myEmail ? eq(ticket.holderEmail, myEmail) : sql`false`,
        ),
      ),
    );
  if (!found) throw new DomainError('not_found');
  if (found.ticket.usedAt) throw new DomainError('ticket_used');
  if (!found.allowTransfers) throw new DomainError('transfers_off');
  if (found.kickoffAt <= now || found.matchStatus === 'played' || found.matchStatus === 'cancelled') throw new DomainError('match_started');
  const key = await activeSigningKey(tx, found.ticket.clubId, config.ticketSealingKey);
  const passed = await passSeatOn(tx, { ticketId, holder: input.holder }, key);
  // The new holder's ticket by e-mail, rendered like the buyer's (one ticket, addressed to them).
  await outbox.send(tx, QUEUES.ticketsMail, { orderId: found.ticket.orderId, ticketId: passed.id });
  await recordActivity(tx, {
    clubId: found.ticket.clubId,
    actor,
    action: 'ticket.passed_on',
    subject: { orderId: found.ticket.orderId, matchId: found.ticket.matchId },
    details: { name: passed.holderName ?? '', email: passed.holderEmail ?? '' },
  });
  return passed;
}
