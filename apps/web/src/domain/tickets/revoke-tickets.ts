import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { ticket } from '../../db/schema/index.ts';

/**
 * Revokes refunded seats' codes at once: the gate refuses them from now on. Either the tickets the
 * club picked, or `count` valid tickets of an order line (the newest first).
 */
export async function revokeTickets(
  tx: Tx,
  which: { ticketIds: readonly string[] } | { orderItemId: string; count: number },
): Promise<void> {
  let ids: readonly string[];
  if ('ticketIds' in which) ids = which.ticketIds;
  else {
    if (which.count <= 0) return;
    const valid = await tx
      .select({ id: ticket.id })
      .from(ticket)
      .where(and(eq(ticket.orderItemId, which.orderItemId), eq(ticket.status, 'valid')))
      .orderBy(desc(ticket.createdAt), desc(ticket.id))
      .limit(which.count);
    ids = valid.map((t) => t.id);
  }
  if (ids.length === 0) return;
  await tx
    .update(ticket)
    .set({ status: 'revoked', revokedAt: new Date() })
    .where(and(inArray(ticket.id, [...ids]), eq(ticket.status, 'valid')));
}
