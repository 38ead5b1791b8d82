import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { boxOfficeSale, order, orderItem, type SaleCategory } from '../../db/schema/index.ts';

/**
 * What a shift's drawer should hold: its cash sales still paid, per category (tickets and money, refunded
 * tickets out, as the match's sales count them), and their sum. Sales paid on the phone bring no cash.
 */
export async function summarizeShift(db: Executor, shiftId: string) {
  const rows = await db
    .select({
      category: orderItem.category,
      tickets: sql<number>`sum(${orderItem.quantity} - ${orderItem.refundedQuantity})::int`,
      cents: sql<number>`sum((${orderItem.quantity} - ${orderItem.refundedQuantity}) * ${orderItem.unitPriceCents})::int`,
    })
    .from(boxOfficeSale)
    .innerJoin(order, eq(order.id, boxOfficeSale.orderId))
    .innerJoin(orderItem, eq(orderItem.orderId, order.id))
    .where(and(eq(boxOfficeSale.shiftId, shiftId), eq(boxOfficeSale.method, 'cash'), eq(order.status, 'paid')))
    .groupBy(orderItem.category)
    .orderBy(orderItem.category);
  // The box office sells no guest place.
  const categories = rows.map((r) => ({ category: r.category as SaleCategory, tickets: r.tickets, cents: r.cents }));
  return { categories, expectedCents: categories.reduce((sum, c) => sum + c.cents, 0) };
}
