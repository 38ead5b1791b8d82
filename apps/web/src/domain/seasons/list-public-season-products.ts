import { and, asc, eq, exists, gt, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { match, seasonProduct, seasonProductMatch, stand } from '../../db/schema/index.ts';
import { seasonProductTitle } from './season-rules.ts';

/**
 * The season products a supporter may still look at: a club's (on its public page) or those covering a
 * match (on the match's page: "Also in the season ticket …"): not archived, their sale not over, with a
 * covered match still to play.
 */
export async function listPublicSeasonProducts(db: Executor, of: { clubId: string } | { matchId: string }, now = new Date()) {
  const stillToPlay = db
    .select({ one: sql`1` })
    .from(seasonProductMatch)
    .innerJoin(match, eq(match.id, seasonProductMatch.matchId))
    .where(and(eq(seasonProductMatch.productId, seasonProduct.id), gt(match.kickoffAt, now), sql`${match.status} <> 'cancelled'`));
  const covering = (matchId: string) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(seasonProductMatch)
        .where(and(eq(seasonProductMatch.productId, seasonProduct.id), eq(seasonProductMatch.matchId, matchId))),
    );
  const rows = await db
    .select({ id: seasonProduct.id, name: seasonProduct.name, season: seasonProduct.season, stand: stand.name })
    .from(seasonProduct)
    .innerJoin(stand, eq(stand.id, seasonProduct.standId))
    .where(
      and(
        'clubId' in of ? eq(seasonProduct.clubId, of.clubId) : covering(of.matchId),
        isNull(seasonProduct.archivedAt),
        or(isNull(seasonProduct.saleClosesAt), gt(seasonProduct.saleClosesAt, now)),
        exists(stillToPlay),
      ),
    )
    .orderBy(asc(seasonProduct.season), asc(seasonProduct.name));
  return rows.map((r) => ({ id: r.id, title: seasonProductTitle(r) }));
}
