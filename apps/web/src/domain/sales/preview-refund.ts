import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { order, orderItem } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { planRefund } from './plan-refund.ts';

/** What refunding (all of) a paid order of this club would give back, for the club to confirm first. */
export async function previewRefund(db: Executor, clubId: string, orderId: string, tickets?: { itemId: string; quantity: number }) {
  if (!isUuid(orderId) || (tickets && !isUuid(tickets.itemId))) throw new DomainError('not_found');
  const [current] = await db
    .select()
    .from(order)
    .where(and(eq(order.id, orderId), eq(order.clubId, clubId), eq(order.status, 'paid')));
  if (!current) throw new DomainError('not_found');
  const items = await db.select().from(orderItem).where(eq(orderItem.orderId, current.id)).orderBy(orderItem.matchStandId);
  const { count, amountCents } = planRefund(current, items, tickets);
  return { id: current.id, reference: current.reference, email: current.email, tickets: count, amountCents };
}
