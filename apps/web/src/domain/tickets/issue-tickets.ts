import { randomUUID } from 'node:crypto';
import { sign } from '@footarena/ticket-code';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { order, orderItem, ticket } from '../../db/schema/index.ts';
import { activeSigningKey } from './signing-key.ts';

/**
 * One signed ticket per seat of a paid order, in the fulfilment's transaction. Safe to call twice:
 * an order that already has its tickets gets no more.
 */
export async function issueTickets(tx: Tx, orderId: string, sealingKey: Buffer): Promise<number> {
  const existing = await tx.select({ id: ticket.id }).from(ticket).where(eq(ticket.orderId, orderId)).limit(1);
  if (existing.length > 0) return 0;
  const [paid] = await tx.select({ clubId: order.clubId, matchId: order.matchId }).from(order).where(eq(order.id, orderId));
  if (!paid) return 0;
  const items = await tx.select().from(orderItem).where(eq(orderItem.orderId, orderId));
  const key = await activeSigningKey(tx, paid.clubId, sealingKey);
  const rows = items.flatMap((item) =>
    Array.from({ length: item.quantity - item.refundedQuantity }, () => {
      const id = randomUUID();
      return {
        id,
        clubId: paid.clubId,
        matchId: paid.matchId,
        orderId,
        orderItemId: item.id,
        keyId: key.keyId,
        code: sign({ keyId: key.keyId, ticketId: id, matchId: paid.matchId }, key.privateKey),
      };
    }),
  );
  if (rows.length > 0) await tx.insert(ticket).values(rows);
  return rows.length;
}
