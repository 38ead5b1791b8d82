import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { match, order, orderItem, organization, seasonPass, seasonProduct, seasonProductMatch, stand } from '../../db/schema/index.ts';
import { clubVerified } from '../clubs/club-verified.ts';
import { isUuid } from '../ids.ts';
import { seasonProductTitle } from '../seasons/season-rules.ts';
import type { MyTicket } from './list-my-tickets.ts';

/** A pass counts as over once its last covered match is this long past its kick-off (as a ticket's match). */
const PLAYED_AFTER_KICKOFF_MS = 3 * 60 * 60 * 1000;

/**
 * A supporter's season passes (decision 021), in the shape of their tickets so that "My tickets" groups,
 * numbers and shows them with the same components: grouped by product (`matchId` is the product's id),
 * `kickoffAt` the next covered match's (null once the season is over), `title` the product's.
 * Their rows on each match are not tickets of their own in the list.
 */
export async function listMyPasses(db: Executor, userId: string, { passId, now = new Date() }: { passId?: string; now?: Date } = {}) {
  if (passId && !isUuid(passId)) return [];
  const since = new Date(now.getTime() - PLAYED_AFTER_KICKOFF_MS).toISOString();
  // The next covered match still to play (not cancelled): what the pass is for next.
  const next = (column: typeof match.kickoffAt | typeof match.opponentName) =>
    sql`(select ${column} from ${seasonProductMatch} join ${match} on ${match.id} = ${seasonProductMatch.matchId}
      where ${seasonProductMatch.productId} = ${seasonPass.productId} and ${match.status} <> 'cancelled' and ${match.kickoffAt} > ${since}::timestamptz
      order by ${match.kickoffAt} limit 1)`;
  const rows = await db
    .select({
      id: seasonPass.id,
      code: seasonPass.code,
      shortCode: seasonPass.shortCode,
      status: seasonPass.status,
      reference: order.reference,
      orderedAt: order.createdAt,
      category: orderItem.category,
      unitPriceCents: orderItem.unitPriceCents,
      stand: stand.name,
      productId: seasonProduct.id,
      name: seasonProduct.name,
      season: seasonProduct.season,
      club: organization.name,
      clubVerified: clubVerified(organization.verifiedAt),
      nextKickoffAt: sql<string | null>`${next(match.kickoffAt)}`,
      nextOpponent: sql<string | null>`${next(match.opponentName)}`,
    })
    .from(seasonPass)
    .innerJoin(order, eq(order.id, seasonPass.orderId))
    .innerJoin(orderItem, eq(orderItem.id, seasonPass.orderItemId))
    .innerJoin(seasonProduct, eq(seasonProduct.id, seasonPass.productId))
    .innerJoin(stand, eq(stand.id, seasonProduct.standId))
    .innerJoin(organization, eq(organization.id, seasonPass.clubId))
    .where(and(eq(order.userId, userId), passId ? eq(seasonPass.id, passId) : undefined))
    .orderBy(asc(seasonProduct.season), asc(seasonPass.createdAt), asc(seasonPass.id));
  return rows.map((r) => {
    const nextKickoffAt = r.nextKickoffAt ? new Date(r.nextKickoffAt) : null;
    return {
      id: r.id,
      code: r.code,
      shortCode: r.shortCode,
      status: r.status,
      usedAt: null,
      replaced: false,
      passedTo: null,
      bought: true,
      allowTransfers: false, // a pass is lent or given back per match (/account/season/:passId), never passed on whole
      reference: r.reference,
      orderedAt: r.orderedAt,
      category: r.category,
      unitPriceCents: r.unitPriceCents,
      stand: r.stand,
      matchId: r.productId,
      kickoffAt: nextKickoffAt ?? new Date(0),
      gatesOpenAt: null,
      matchStatus: 'on_sale' as const,
      isHome: true,
      opponent: r.nextOpponent ?? '',
      club: r.club,
      clubVerified: r.clubVerified,
      venue: null,
      street: null,
      postalCode: null,
      commune: null,
      past: nextKickoffAt === null,
      title: seasonProductTitle({ name: r.name, season: r.season, stand: r.stand }),
      pass: {
        productId: r.productId,
        next: nextKickoffAt && r.nextOpponent ? { kickoffAt: nextKickoffAt, opponent: r.nextOpponent } : null,
      },
    } satisfies MyTicket & Record<string, unknown>;
  });
}

export type MyPass = Awaited<ReturnType<typeof listMyPasses>>[number];
