import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { ticket } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';

/**
 * The tickets a club picked to refund, counted per order line. Each must be a valid code of this
 * order: a refunded or replaced code is not found, and one that has entered is refused (the person
 * is inside; the club refunds the whole order, or cancels the match, to give that money back).
 */
export async function countPickedTickets(db: Executor, orderId: string, ticketIds: readonly string[]): Promise<Map<string, number>> {
  const ids = [...new Set(ticketIds)];
  if (ids.length === 0 || !ids.every(isUuid)) throw new DomainError('not_found');
  const found = await db
    .select({ itemId: ticket.orderItemId, usedAt: ticket.usedAt })
    .from(ticket)
    .where(and(inArray(ticket.id, ids), eq(ticket.orderId, orderId), eq(ticket.status, 'valid')))
    // Locked until the refund commits: a gate admitting one of them meanwhile waits, then finds it revoked.
    .for('update');
  if (found.length !== ids.length) throw new DomainError('not_found');
  if (found.some((t) => t.usedAt)) throw new DomainError('ticket_entered');
  const perLine = new Map<string, number>();
  for (const t of found) perLine.set(t.itemId, (perLine.get(t.itemId) ?? 0) + 1);
  return perLine;
}
