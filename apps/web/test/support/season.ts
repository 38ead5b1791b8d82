import { eq } from 'drizzle-orm';
import { matchStand, type PriceCategory, seasonProduct, seasonProductMatch, seasonProductPrice } from '../../src/db/schema/index.ts';
import { createVerifiedUser } from '../../src/domain/accounts/create-verified-user.ts';
import { createMatch } from '../../src/domain/catalog/create-match.ts';
import { createStand } from '../../src/domain/catalog/create-stand.ts';
import { createVenue } from '../../src/domain/catalog/create-venue.ts';
import { setMatchStands } from '../../src/domain/catalog/set-match-stands.ts';
import { setMatchStatus } from '../../src/domain/catalog/set-match-status.ts';
import { clubWithOwner, competitionId } from './catalog.ts';
import type { TestApp } from './harness.ts';

const DAY = 86_400_000;
const system = { kind: 'system' } as const;

/**
 * A club with one stand (adult 10 €, child free for single tickets) opened on `matches` home matches on
 * sale, a week apart from `firstInDays`, and a season product of that stand covering them all, inserted
 * directly (the club's product pages are another part of issue 19).
 */
export async function seasonOnSale(
  t: TestApp,
  name: string,
  options: {
    matches?: number;
    firstInDays?: number;
    standCap?: number;
    prices?: Partial<Record<PriceCategory, number>>;
    product?: Partial<typeof seasonProduct.$inferInsert>;
  } = {},
) {
  const db = t.runtime.deps.db;
  const { club, owner, slug } = await clubWithOwner(t, name);
  const venue = { name: 'Ground', street: 'Rue 1', postalCode: '1000', commune: 'Bruxelles' };
  const venueId = await createVenue(db, {}, { actor: system, clubId: club.id, venue });
  const capacity = options.standCap ?? 100;
  const standId = await db.transaction((tx) =>
    createStand(
      tx,
      {},
      { actor: system, clubId: club.id, venueId, stand: { name: 'North stand', capacity, prices: { adult: 1000, child: 0 } } },
    ),
  );
  const competition = await competitionId(t);
  const first = options.firstInDays ?? 10;
  const matches: { matchId: string; matchStandId: string; kickoffAt: Date }[] = [];
  for (let i = 0; i < (options.matches ?? 3); i++) {
    const kickoffAt = new Date(Date.now() + (first + 7 * i) * DAY);
    const matchId = await db.transaction((tx) =>
      createMatch(
        tx,
        {},
        {
          actor: system,
          clubId: club.id,
          match: { isHome: true, opponentName: `Visitors ${i + 1}`, competitionId: competition, venueId, kickoffAt, orderLimit: 10 },
        },
      ),
    );
    await db.transaction((tx) =>
      setMatchStands(tx, {}, { actor: system, clubId: club.id, matchId, stands: [{ standId, open: true, prices: {} }] }),
    );
    await db.transaction((tx) => setMatchStatus(tx, t.runtime.deps, { actor: system, clubId: club.id, matchId, status: 'on_sale' }));
    const [ms] = await db.select({ id: matchStand.id }).from(matchStand).where(eq(matchStand.matchId, matchId));
    matches.push({ matchId, matchStandId: ms!.id, kickoffAt });
  }
  const [product] = await db
    .insert(seasonProduct)
    .values({ clubId: club.id, season: '2026–27', name: 'Season ticket', standId, ...options.product })
    .returning();
  const prices = options.prices ?? { adult: 12_000, youth: 6_000, member: 9_000 };
  await db.insert(seasonProductPrice).values(
    Object.entries(prices).map(([category, priceCents]) => ({
      clubId: club.id,
      productId: product!.id,
      category: category as PriceCategory,
      priceCents,
    })),
  );
  await db.insert(seasonProductMatch).values(matches.map((m) => ({ productId: product!.id, matchId: m.matchId, clubId: club.id })));
  return { club, owner, slug, standId, product: product!, matches };
}

/** Many distinct buyers, created without scrypt's cost (verified addresses). */
let crowdSize = 0;
export async function seasonCrowd(t: TestApp, n: number, prefix = 'fan') {
  const ids: { userId: string; name: string; email: string }[] = [];
  for (let i = 0; i < n; i++) {
    crowdSize++;
    const email = `${prefix}${crowdSize}-${Math.random().toString(36).slice(2, 8)}@example.be`;
    const created = await createVerifiedUser(t.runtime.deps.db, { email, name: 'Fan', passwordHash: 'not-a-login', locale: 'en' });
    ids.push({ userId: created.id, name: 'Fan', email });
  }
  return ids;
}
