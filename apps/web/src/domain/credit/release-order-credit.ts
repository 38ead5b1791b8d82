import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { order, supporterCredit } from '../../db/schema/index.ts';

/**
 * The credit orders spent comes back to their buyers when the orders end unpaid or are refunded:
 * once per order (the ledger's unique index on order and reason makes a second release a no-op).
 */
export async function releaseOrderCredit(tx: Tx, orderIds: string[]): Promise<void> {
  if (orderIds.length === 0) return;
  const ids = sql.join(
    orderIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  await tx.execute(sql`insert into ${supporterCredit} (club_id, user_id, amount_cents, reason, order_id)
    select ${order.clubId}, ${order.userId}, ${order.creditCents}, 'order_released', ${order.id} from ${order}
    where ${order.id} in (${ids}) and ${order.creditCents} > 0 and ${order.userId} is not null
    on conflict do nothing`);
}
