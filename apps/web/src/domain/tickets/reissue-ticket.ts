import { randomUUID } from 'node:crypto';
import { sign } from '@footarena/ticket-code';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { order, ticket } from '../../db/schema/index.ts';
import { type Person, recordActivity } from '../activity/record-activity.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import type { SalesConfig } from '../sales/fees.ts';
import { insertTickets } from './insert-tickets.ts';
import { activeSigningKey } from './signing-key.ts';

/**
 * A holder says their code leaked (a screenshot went round): the old code is revoked at once and the
 * same seat gets a new code. Only the holder's own valid ticket, and only before it entered: a seat
 * that entered cannot enter again (invariant 3), so its new code would be of no use. The row lock
 * orders this against a scan of the old code at the same moment.
 */
export async function reissueTicket(
  tx: Tx,
  { config }: { config: Pick<SalesConfig, 'ticketSealingKey'> },
  input: { actor: Person; ticketId: string },
) {
  const { ticketId } = input;
  if (!isUuid(ticketId)) throw new DomainError('not_found');
  const [old] = await tx
    .select({ ticket })
    .from(ticket)
    .innerJoin(order, eq(order.id, ticket.orderId))
    .where(and(eq(ticket.id, ticketId), eq(order.userId, input.actor.userId), eq(ticket.status, 'valid')))
    .for('update', { of: ticket });
  if (!old) throw new DomainError('not_found');
  if (old.ticket.usedAt) throw new DomainError('ticket_used');
  await tx.update(ticket).set({ status: 'revoked', revokedAt: new Date() }).where(eq(ticket.id, ticketId));
  const key = await activeSigningKey(tx, old.ticket.clubId, config.ticketSealingKey);
  const id = randomUUID();
  // Same seat: the database gives the new code the seat's entry state (trigger ticket_inherit_entry).
  await insertTickets(tx, [
    {
      id,
      seatId: old.ticket.seatId,
      clubId: old.ticket.clubId,
      matchId: old.ticket.matchId,
      orderId: old.ticket.orderId,
      orderItemId: old.ticket.orderItemId,
      keyId: key.keyId,
      code: sign({ keyId: key.keyId, ticketId: id, matchId: old.ticket.matchId }, key.privateKey),
    },
  ]);
  await recordActivity(tx, {
    clubId: old.ticket.clubId,
    actor: input.actor,
    action: 'ticket.reissued',
    subject: { orderId: old.ticket.orderId, matchId: old.ticket.matchId },
  });
  return id;
}
