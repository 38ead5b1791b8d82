import { randomUUID } from 'node:crypto';
import { sign } from '@footarena/ticket-code';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { ticket } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { insertTickets } from './insert-tickets.ts';

/**
 * A seat's code made out to someone else (a loan of a season match, its undo, a transfer): the given
 * ticket is revoked by one guarded UPDATE — only while it is valid and has not entered, so a scan of
 * it at the same moment either admits it first (then `ticket_used`) or finds it revoked — and the same
 * seat gets a new code for `holder` (decision 010: the seat id is kept, one valid code per seat).
 * `seasonPassId` marks the new code as a pass's row on that match (the holder's again, after an undo).
 */
export async function passSeatOn(
  tx: Tx,
  input: { ticketId: string; holder: { email: string | null; name: string | null }; seasonPassId?: string | null },
  key: { keyId: string; privateKey: string },
) {
  const [old] = await tx
    .update(ticket)
    .set({ status: 'revoked', revokedAt: new Date() })
    .where(and(eq(ticket.id, input.ticketId), eq(ticket.status, 'valid'), isNull(ticket.usedAt)))
    .returning();
  if (!old) throw new DomainError('ticket_used');
  const id = randomUUID();
  const [made] = await insertTickets(tx, [
    {
      id,
      seatId: old.seatId,
      clubId: old.clubId,
      matchId: old.matchId,
      orderId: old.orderId,
      orderItemId: old.orderItemId,
      keyId: key.keyId,
      code: sign({ keyId: key.keyId, ticketId: id, matchId: old.matchId }, key.privateKey),
      seasonPassId: input.seasonPassId ?? null,
      holderEmail: input.holder.email,
      holderName: input.holder.name,
    },
  ]);
  return made!;
}
