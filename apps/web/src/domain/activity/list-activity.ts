import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { activity, match, order, organization } from '../../db/schema/index.ts';
import { matchTitle } from '../catalog/match-title.ts';
import { isUuid } from '../ids.ts';

/** The most lines a page shows: the latest ones, newest first. */
export const ACTIVITY_PAGE_SIZE = 200;

/**
 * A club's activity log, newest first: all of it, or one match's or one order's lines (another club's
 * match or order shows nothing). `more`: older lines exist beyond the `limit`.
 */
export async function listActivity(
  db: Executor,
  clubId: string,
  { matchId, orderId, limit = ACTIVITY_PAGE_SIZE }: { matchId?: string; orderId?: string; limit?: number } = {},
) {
  if ((matchId !== undefined && !isUuid(matchId)) || (orderId !== undefined && !isUuid(orderId))) return { entries: [], more: false };
  const rows = await db
    .select({
      id: activity.id,
      action: activity.action,
      actorKind: activity.actorKind,
      actorName: activity.actorName,
      actorUserId: activity.actorUserId,
      buyerId: order.userId,
      details: activity.details,
      createdAt: activity.createdAt,
      matchId: activity.matchId,
      opponentName: match.opponentName,
      isHome: match.isHome,
      clubName: organization.name,
      orderId: activity.orderId,
      reference: order.reference,
    })
    .from(activity)
    .innerJoin(organization, eq(organization.id, activity.clubId))
    .leftJoin(match, eq(match.id, activity.matchId))
    .leftJoin(order, eq(order.id, activity.orderId))
    .where(
      and(
        eq(activity.clubId, clubId),
        matchId ? eq(activity.matchId, matchId) : undefined,
        orderId ? eq(activity.orderId, orderId) : undefined,
      ),
    )
    .orderBy(desc(activity.id))
    .limit(Math.min(limit, ACTIVITY_PAGE_SIZE) + 1);
  const shown = Math.min(limit, ACTIVITY_PAGE_SIZE);
  const entries = rows.slice(0, shown).map(({ opponentName, isHome, clubName, actorUserId, buyerId, ...entry }) => ({
    ...entry,
    matchTitle: opponentName !== null && isHome !== null ? matchTitle(isHome, clubName, opponentName) : null,
    /** The person who acted is the order's buyer (a supporter's own action), not the club's staff. */
    byBuyer: entry.actorKind === 'guest' || (actorUserId !== null && actorUserId === buyerId),
  }));
  return { entries, more: rows.length > shown };
}

export type ActivityEntry = Awaited<ReturnType<typeof listActivity>>['entries'][number];
