import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { boxOfficeSale, match, matchStand, order, orderItem, organization, stand } from '../../db/schema/index.ts';
import { matchTitle } from '../catalog/match-title.ts';
import { DomainError } from '../errors.ts';
import { guestTokenHash } from '../sales/guest-link.ts';

/** A basket sold at the gate to be paid on the buyer's phone, by the token of its QR code (else not_found). */
export async function findGatePayment(db: Executor, token: string) {
  if (!/^[\w-]{43}$/.test(token)) throw new DomainError('not_found');
  const [found] = await db
    .select({
      id: order.id,
      clubId: order.clubId,
      matchId: order.matchId,
      reference: order.reference,
      status: order.status,
      email: order.email,
      totalCents: order.totalCents,
      feeCents: order.feeCents,
      holdExpiresAt: order.holdExpiresAt,
      providerSessionId: order.providerSessionId,
      isHome: match.isHome,
      club: organization.name,
      opponent: match.opponentName,
      lines: sql<{ stand: string; category: string; quantity: number; unitPriceCents: number }[]>`(
        select coalesce(json_agg(json_build_object('stand', ${stand.name}, 'category', ${orderItem.category},
          'quantity', ${orderItem.quantity}, 'unitPriceCents', ${orderItem.unitPriceCents}) order by ${stand.name}, ${orderItem.category}), '[]'::json)
        from ${orderItem} join ${matchStand} on ${matchStand.id} = ${orderItem.matchStandId} join ${stand} on ${stand.id} = ${matchStand.standId}
        where ${orderItem.orderId} = ${order.id})`,
    })
    .from(order)
    .innerJoin(match, eq(match.id, order.matchId))
    .innerJoin(organization, eq(organization.id, order.clubId))
    .innerJoin(boxOfficeSale, and(eq(boxOfficeSale.orderId, order.id), eq(boxOfficeSale.method, 'phone')))
    .where(eq(order.accessTokenHash, guestTokenHash(token)));
  if (!found) throw new DomainError('not_found');
  return { ...found, title: matchTitle(found.isHome, found.club, found.opponent) };
}
