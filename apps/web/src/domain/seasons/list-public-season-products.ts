import { and, asc, eq, exists, gt, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { match, seasonProduct, seasonProductMatch, stand } from '../../db/schema/index.ts';
import { seasonProductTitle } from './season-rules.ts';

/**
 * The season products a supporter may still look at: a club's (on its public page) or those covering a
 * match (on the match's page: "Also in the season ticket …"): not archived, their sale not over, with a
 * covered match still to play.
 */
export async function listPublicSeasonProducts(db: Executor, of: { clubId: string }, now = new Date()) {
  const rows = await db
    .select({ id: seasonProduct.id, name: seasonProduct.name, season: seasonProduct.season, stand: stand.name })
    .from(seasonProduct)
    .innerJoin(stand, eq(stand.id, seasonProduct.standId))
    .where(publicSeasonProducts(db, eq(seasonProduct.clubId, of.clubId), now))
    .orderBy(asc(seasonProduct.season), asc(seasonProduct.name));
  return rows.map(publicSeasonProduct);
}

/**
 * The products covering a match, as a JSON array to read in the match page's own statement
 * (findPublicMatch): `matchId` and `now` are SQL, a column or a placeholder.
 */
export function publicSeasonProductsOfMatch(db: Executor, matchId: SQL | typeof match.id, now: SQL) {
  const covering = exists(
    db
      .select({ one: sql`1` })
      .from(seasonProductMatch)
      .where(and(eq(seasonProductMatch.productId, seasonProduct.id), sql`${seasonProductMatch.matchId} = ${matchId}`)),
  );
  return sql<{ id: string; name: string; season: string; stand: string }[]>`(
    select coalesce(json_agg(json_build_object('id', ${seasonProduct.id}, 'name', ${seasonProduct.name}, 'season', ${seasonProduct.season},
      'stand', ${stand.name}) order by ${seasonProduct.season}, ${seasonProduct.name}), '[]'::json)
    from ${seasonProduct} join ${stand} on ${stand.id} = ${seasonProduct.standId}
    where ${publicSeasonProducts(db, covering, now)})`;
}

export const publicSeasonProduct = (r: { id: string; name: string; season: string; stand: string }) => ({
  id: r.id,
  title: seasonProductTitle(r),
});

/** Still on offer: not archived, sale not over, a covered match still to play. */
function publicSeasonProducts(db: Executor, which: SQL, now: Date | SQL) {
  const stillToPlay = db
    .select({ one: sql`1` })
    .from(seasonProductMatch)
    .innerJoin(match, eq(match.id, seasonProductMatch.matchId))
    .where(and(eq(seasonProductMatch.productId, seasonProduct.id), gt(match.kickoffAt, now), sql`${match.status} <> 'cancelled'`));
  return and(
    which,
    isNull(seasonProduct.archivedAt),
    or(isNull(seasonProduct.saleClosesAt), gt(seasonProduct.saleClosesAt, now)),
    exists(stillToPlay),
  )!;
}
