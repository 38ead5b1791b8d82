import { SEARCH_MAX_RESULTS, SEARCH_MIN_LENGTH } from '@footarena/gate-protocol';
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { order, ticket, user } from '../../db/schema/index.ts';
import { containsPattern } from '../like-pattern.ts';
import { selectTicketDetails } from './describe-ticket.ts';

const state = sql<
  'valid' | 'used' | 'revoked'
>`(case when ${ticket.status} = 'revoked' then 'revoked' when ${ticket.usedAt} is not null then 'used' else 'valid' end)`;

/**
 * A steward finds a ticket of the match being scanned whose QR cannot be read: by the buyer's name (an
 * account's, or the name a guest gave) or the order's reference. Only this club's tickets of this match
 * (the caller checked the match is the device's club's); at most 20, those still to enter first. Fewer
 * than 3 characters find nothing.
 */
export async function searchMatchTickets(db: Executor, clubId: string, matchId: string, query: string) {
  const q = query.trim();
  if (q.length < SEARCH_MIN_LENGTH) return [];
  const pattern = containsPattern(q);
  const rows = await selectTicketDetails(db, { reference: sql<string>`${order.reference}`, state })
    .where(
      and(
        eq(ticket.clubId, clubId),
        eq(ticket.matchId, matchId),
        or(ilike(user.name, pattern), ilike(order.buyerName, pattern), ilike(ticket.holderName, pattern), ilike(order.reference, pattern)),
      ),
    )
    .orderBy(
      sql`(case when ${ticket.status} = 'revoked' then 2 when ${ticket.usedAt} is not null then 1 else 0 end)`,
      asc(sql`coalesce(${user.name}, ${order.buyerName})`),
      asc(order.reference),
      asc(ticket.id),
    )
    .limit(SEARCH_MAX_RESULTS);
  return rows.map(({ id, holder, reference, stand, category, state }) => ({ id, holder, reference, stand, category, state }));
}
