import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Autocommit } from '../../db/client.ts';
import type { ScanResult } from '../../db/schema/index.ts';
import { guest, scan, ticket } from '../../db/schema/index.ts';
import { type RedeemAnswer, redeemTicket } from '../checkin/redeem-ticket.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';

/**
 * A guest admitted by name at the gate, 1..n of their places in one tap: each place is one of the
 * guest's tickets, admitted by the very statement that admits a scanned QR (redeemTicket: the guarded
 * UPDATE and the scan's log entry with the device), so a place let in by name cannot enter again by its
 * QR, nor the other way round. The request's nonce names the tap: place i is logged with `nonce.i`, and
 * the same tap sent again replays its answers instead of admitting more places.
 */
export async function admitGuest(
  db: Autocommit,
  { now = new Date() }: Ctx<'now'>,
  input: {
    clubId: string;
    matchId: string;
    deviceId: string;
    guestId: string;
    places: number;
    nonce: string;
    standIds: readonly string[] | null;
    gatesOpenAt: Date | null;
  },
) {
  const [found] = await db
    .select({ id: guest.id, orderId: guest.orderId, places: guest.places })
    .from(guest)
    .where(and(eq(guest.id, input.guestId), eq(guest.clubId, input.clubId), eq(guest.matchId, input.matchId)));
  if (!found) throw new DomainError('not_found');
  const tickets = await db
    .select({ id: ticket.id, code: ticket.code, usedAt: ticket.usedAt })
    .from(ticket)
    .where(and(eq(ticket.orderId, found.orderId), eq(ticket.status, 'valid')))
    .orderBy(asc(ticket.id));
  // The same tap again: the answers it got, nothing more admitted.
  const earlier = await db
    .select({ result: scan.result, ticketId: scan.ticketId })
    .from(scan)
    .where(and(eq(scan.deviceId, input.deviceId), sql`${scan.nonce} like ${`${input.nonce.replace(/[\\%_]/g, (ch) => `\\${ch}`)}.%`}`));
  let results: RedeemAnswer[];
  if (earlier.length > 0) results = earlier.map((e) => ({ result: e.result, ticketId: e.ticketId }));
  else {
    const free = tickets.filter((t) => t.usedAt === null).slice(0, input.places);
    results = [];
    for (const [i, t] of free.entries()) {
      results.push(
        await redeemTicket(
          db,
          { now },
          {
            clubId: input.clubId,
            matchId: input.matchId,
            deviceId: input.deviceId,
            nonce: `${input.nonce}.${i}`,
            code: t.code,
            standIds: input.standIds,
            gatesOpenAt: input.gatesOpenAt,
            method: 'search', // found by name, not scanned
          },
        ),
      );
    }
  }
  const admitted = results.filter((r) => r.result === 'ok').length;
  // Nothing left to admit is said as a QR scan would say it: already used.
  const refused = results.find((r) => r.result !== 'ok')?.result ?? (results.length === 0 ? 'already_used' : null);
  const [entered] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(ticket)
    .where(and(eq(ticket.orderId, found.orderId), eq(ticket.status, 'valid'), isNotNull(ticket.usedAt)));
  return { admitted, refused: refused as ScanResult | null, places: found.places, entered: entered?.count ?? 0 };
}
