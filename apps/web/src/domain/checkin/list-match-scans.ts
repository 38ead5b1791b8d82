import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { device, matchStand, order, orderItem, scan, stand, ticket, user } from '../../db/schema/index.ts';

/**
 * Every scan of a match, oldest first, with the device and, when the code named one, the ticket's
 * stand, category, order and buyer (so a steward's report can name who was turned away).
 */
export async function listMatchScans(db: Executor, clubId: string, matchId: string) {
  return db
    .select({
      scannedAt: scan.scannedAt,
      device: device.name,
      result: scan.result,
      direction: scan.direction,
      method: scan.method,
      ticketId: scan.ticketId,
      stand: stand.name,
      category: orderItem.category,
      orderReference: order.reference,
      buyer: user.name,
      email: order.email,
    })
    .from(scan)
    .innerJoin(device, eq(device.id, scan.deviceId))
    .leftJoin(ticket, and(eq(ticket.id, scan.ticketId), eq(ticket.clubId, clubId)))
    .leftJoin(orderItem, eq(orderItem.id, ticket.orderItemId))
    .leftJoin(matchStand, eq(matchStand.id, orderItem.matchStandId))
    .leftJoin(stand, eq(stand.id, matchStand.standId))
    .leftJoin(order, eq(order.id, ticket.orderId))
    .leftJoin(user, eq(user.id, order.userId))
    .where(and(eq(scan.clubId, clubId), eq(scan.matchId, matchId)))
    .orderBy(asc(scan.scannedAt), asc(scan.id));
}
