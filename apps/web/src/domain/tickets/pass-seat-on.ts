import { randomUUID } from 'node:crypto';
import { sign } from '@footarena/ticket-code';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { ticket, user } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { insertTickets } from './insert-tickets.ts';

/**
 * A seat's code goes to someone else (a transfer, a season seat lent for one match): the given code
 * is revoked and the same seat gets a new code naming its new holder. The revocation is one guarded
 * UPDATE (valid and not used) that waits on the row lock a scan's UPDATE takes, so of a scan and a
 * pass-on at the same moment exactly one wins (decision 010); the new code inherits the seat's entry
 * state from the database (trigger ticket_inherit_entry). The holder's account, when one has that
 * verified e-mail, is named so the ticket shows in its "My tickets".
 */
export async function passSeatOn(
  tx: Tx,
  /** holder: null fields give the seat back to the order's buyer (a loan undone). */
  input: { ticketId: string; holder: { email: string | null; name: string | null }; seasonPassId?: string | null },
  key: { keyId: string; privateKey: string },
) {
  const [old] = await tx
    .update(ticket)
    .set({ status: 'revoked', revokedAt: new Date() })
    .where(and(eq(ticket.id, input.ticketId), eq(ticket.status, 'valid'), isNull(ticket.usedAt)))
    .returning();
  if (!old) {
    const [now] = await tx.select({ usedAt: ticket.usedAt }).from(ticket).where(eq(ticket.id, input.ticketId));
    throw new DomainError(now?.usedAt ? 'ticket_used' : 'not_found');
  }
  const email = input.holder.email?.trim().toLowerCase() ?? null;
  const [account] = email
    ? await tx
        .select({ id: user.id })
        .from(user)
        .where(and(sql`lower(${user.email}) = ${email}`, eq(user.emailVerified, true)))
        .limit(1)
    : [];
  const id = randomUUID();
  const [created] = await insertTickets(tx, [
    {
      id,
      seatId: old.seatId,
      clubId: old.clubId,
      matchId: old.matchId,
      orderId: old.orderId,
      orderItemId: old.orderItemId,
      seasonPassId: input.seasonPassId === undefined ? old.seasonPassId : input.seasonPassId,
      keyId: key.keyId,
      code: sign({ keyId: key.keyId, ticketId: id, matchId: old.matchId }, key.privateKey),
      holderName: input.holder.name?.trim() || null,
      holderEmail: email,
      holderUserId: account?.id ?? null,
    },
  ]);
  return { ...created!, previous: old };
}
