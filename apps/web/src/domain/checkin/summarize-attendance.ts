import { SCAN_RESULTS, type ScanResult } from '@footarena/gate-protocol';
import { and, asc, count, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { matchStand, order, orderItem, scan, seasonProduct, stand, ticket } from '../../db/schema/index.ts';

export type RefusalReason = Exclude<ScanResult, 'ok'>;
export const REFUSAL_REASONS = SCAN_RESULTS.filter((r): r is RefusalReason => r !== 'ok');

/**
 * Who is in, per stand, for the club's live view and the report after the match: every stand open for
 * the match (those with nothing sold too: an empty stand is news on match day) with its seats, valid
 * tickets sold, tickets admitted and people inside now (re-entry), and refused scans by reason (a scan that names no ticket of the
 * match, such as a forged code, counts for the match but no stand). A season pass's ticket row counts in its product's stand.
 */
export async function summarizeAttendance(db: Executor, clubId: string, matchId: string) {
  const ofStand = sql`coalesce(${orderItem.matchStandId} = ${matchStand.id}, ${seasonProduct.standId} = ${matchStand.standId})`;
  const [stands, refusals] = await Promise.all([
    db
      .select({
        standId: stand.id,
        name: stand.name,
        seats: matchStand.cap,
        sold: sql<number>`count(${ticket.id}) filter (where ${ticket.status} = 'valid' and ${ofStand})::int`,
        admitted: sql<number>`count(${ticket.usedAt}) filter (where ${ticket.status} = 'valid' and ${ofStand})::int`,
        /** Admitted and not out now (re-entry). */
        inside: sql<number>`count(${ticket.usedAt}) filter (where ${ticket.status} = 'valid' and ${ticket.exitedAt} is null and ${ofStand})::int`,
      })
      .from(matchStand)
      .innerJoin(stand, eq(stand.id, matchStand.standId))
      .leftJoin(ticket, and(eq(ticket.matchId, matchStand.matchId), eq(ticket.clubId, clubId)))
      .leftJoin(orderItem, eq(orderItem.id, ticket.orderItemId))
      .leftJoin(order, eq(order.id, ticket.orderId))
      .leftJoin(seasonProduct, eq(seasonProduct.id, order.seasonProductId))
      .where(and(eq(matchStand.clubId, clubId), eq(matchStand.matchId, matchId)))
      .groupBy(stand.id, stand.name, matchStand.cap)
      .orderBy(asc(stand.name)),
    db
      .select({ result: scan.result, count: count() })
      .from(scan)
      // An offline entry the server does not count is a conflict (the person went in), not a refusal.
      .where(
        and(
          eq(scan.clubId, clubId),
          eq(scan.matchId, matchId),
          ne(scan.result, 'ok'),
          or(isNull(scan.deviceResult), ne(scan.deviceResult, 'ok')),
        ),
      )
      .groupBy(scan.result),
  ]);
  const refused = Object.fromEntries(REFUSAL_REASONS.map((r) => [r, 0])) as Record<RefusalReason, number>;
  for (const row of refusals) refused[row.result as RefusalReason] = row.count;
  return {
    stands,
    sold: stands.reduce((sum, s) => sum + s.sold, 0),
    admitted: stands.reduce((sum, s) => sum + s.admitted, 0),
    inside: stands.reduce((sum, s) => sum + s.inside, 0),
    refused,
    refusedTotal: refusals.reduce((sum, r) => sum + r.count, 0),
  };
}
