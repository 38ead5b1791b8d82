import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { order, orderItem } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { countPickedTickets } from './count-picked-tickets.ts';
import { planRefund } from './plan-refund.ts';

/** What refunding a paid order of this club (all of it, or the picked tickets) would give back, for the club to confirm first. */
export async function previewRefund(db: Executor, clubId: string, orderId: string, ticketIds?: readonly string[]) {
  if (!isUuid(orderId)) throw new DomainError('not_found');
  const [current] = await db
    .select()
    .from(order)
    .where(and(eq(order.id, orderId), eq(order.clubId, clubId), eq(order.status, 'paid')));
  if (!current) throw new DomainError('not_found');
  const items = await db.select().from(orderItem).where(eq(orderItem.orderId, current.id)).orderBy(orderItem.matchStandId);
  const picked = ticketIds ? await countPickedTickets(db, current.id, ticketIds) : undefined;
  const { count, amountCents } = planRefund(current, items, picked);
  return { id: current.id, reference: current.reference, email: current.email, tickets: count, amountCents };
}
