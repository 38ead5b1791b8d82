import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { boxOfficeSale, scan, ticket } from '../../db/schema/index.ts';
import { hashCode } from '../checkin/redeem-ticket.ts';

/**
 * The people of a sale at the gate walk in at once: the order's tickets are admitted by the same guarded
 * UPDATE as a scan (valid and unused, invariant 3) and each admission is logged as a scan of the selling
 * device at that time. Safe to run twice: an admitted ticket is not admitted again.
 */
export async function admitOrderTickets(tx: Tx, input: { orderId: string; deviceId: string; at: Date; offline: boolean }): Promise<number> {
  const candidates = await tx
    .select({ id: ticket.id, code: ticket.code, clubId: ticket.clubId, matchId: ticket.matchId })
    .from(ticket)
    .where(and(eq(ticket.orderId, input.orderId), eq(ticket.status, 'valid'), isNull(ticket.usedAt)));
  if (candidates.length === 0) return 0;
  const admitted = await tx
    .update(ticket)
    .set({ usedAt: input.at, usedByDevice: input.deviceId })
    .where(
      and(
        inArray(
          ticket.id,
          candidates.map((c) => c.id),
        ),
        isNull(ticket.usedAt),
        eq(ticket.status, 'valid'),
      ),
    )
    .returning({ id: ticket.id });
  const ids = new Set(admitted.map((a) => a.id));
  const rows = candidates
    .filter((c) => ids.has(c.id))
    .map((c) => ({
      clubId: c.clubId,
      matchId: c.matchId,
      deviceId: input.deviceId,
      nonce: `sale:${c.id}`,
      codeHash: hashCode(c.code),
      ticketId: c.id,
      result: 'ok' as const,
      scannedAt: input.at,
      offline: input.offline,
    }));
  if (rows.length > 0) await tx.insert(scan).values(rows).onConflictDoNothing();
  return rows.length;
}

/** After a gate basket is paid on the buyer's phone: its tickets admitted by the device that sold it. */
export async function admitGateSale(tx: Tx, orderId: string, at: Date): Promise<number> {
  const [sale] = await tx.select({ deviceId: boxOfficeSale.deviceId }).from(boxOfficeSale).where(eq(boxOfficeSale.orderId, orderId));
  if (!sale) return 0;
  return admitOrderTickets(tx, { orderId, deviceId: sale.deviceId, at, offline: false });
}
