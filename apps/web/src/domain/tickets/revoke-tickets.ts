import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { ticket } from '../../db/schema/index.ts';

/** Revokes `count` valid tickets of an order line at once (refunded seats): the gate refuses them. */
export async function revokeTickets(tx: Tx, orderItemId: string, count: number): Promise<void> {
  if (count <= 0) return;
  const valid = await tx
    .select({ id: ticket.id })
    .from(ticket)
    .where(and(eq(ticket.orderItemId, orderItemId), eq(ticket.status, 'valid')))
    .orderBy(desc(ticket.createdAt), desc(ticket.id))
    .limit(count);
  if (valid.length === 0) return;
  await tx
    .update(ticket)
    .set({ status: 'revoked', revokedAt: new Date() })
    .where(
      inArray(
        ticket.id,
        valid.map((t) => t.id),
      ),
    );
}
