import { randomUUID } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { competition, match, matchStand, matchStandPrice, member, organization, stand, standPrice, venue } from '../db/schema/index.ts';
import { createVerifiedUser } from '../domain/accounts/create-verified-user.ts';
import { writeStandPrices } from '../domain/catalog/stand-prices.ts';
import { fromBrusselsLocal, toBrusselsLocal } from '../domain/time.ts';

export const DEMO_ACCOUNTS = {
  supporter: { email: 'supporter@demo.footarena.be', password: 'demo-supporter-2026', name: 'Sam Supporter' },
  clubAdmin: { email: 'admin@demo.footarena.be', password: 'demo-clubadmin-2026', name: 'Chris Clubadmin' },
  platformAdmin: { email: 'platform@demo.footarena.be', password: 'demo-platform-2026', name: 'Pat Platform' },
} as const;

const CLUBS = [
  {
    slug: 'rfc-saint-gilles-demo',
    name: 'RFC Saint-Gilles (demo)',
    commune: 'Saint-Gilles',
    colors: ['#c8102e', '#ffd100'],
    venue: { name: 'Stade Joseph Marien (annexe)', street: 'Chaussée de Bruxelles 223', postalCode: '1190', commune: 'Forest' },
    stands: [
      { name: 'Tribune principale', capacity: 400, prices: { adult: 1200, youth: 600, child: 0, member: 900 } },
      { name: 'Tribune Nord', capacity: 250, prices: { adult: 800, youth: 400, child: 0 } },
      { name: 'Places debout', capacity: 600, prices: { adult: 500, child: 0 } },
    ],
    competition: 'p1-brabant-acff',
    opponents: ['FC Ganshoren', 'Stade Uccle', 'RUS Etterbeek'],
  },
  {
    slug: 'fc-molenbeek-demo',
    name: 'FC Molenbeek (demo)',
    commune: 'Molenbeek-Saint-Jean',
    colors: ['#000000', '#ffffff'],
    venue: { name: 'Stade Edmond Machtens (B)', street: 'Rue Charles Malis 61', postalCode: '1080', commune: 'Molenbeek-Saint-Jean' },
    stands: [
      { name: 'Tribune A', capacity: 300, prices: { adult: 1000, senior: 700, child: 0 } },
      { name: 'Tribune B', capacity: 300, prices: { adult: 1000, senior: 700, child: 0 } },
    ],
    competition: 'd3-acff',
    opponents: ['RCS Brainois', 'Union Jette'],
  },
  {
    slug: 'kfc-anderlecht-noord-demo',
    name: 'KFC Anderlecht-Noord (demo)',
    commune: 'Anderlecht',
    colors: ['#5b2c83', '#ffffff'],
    venue: { name: 'Sportcomplex Neerpede', street: 'Vogelenzangweg 1', postalCode: '1070', commune: 'Anderlecht' },
    stands: [{ name: 'Hoofdtribune', capacity: 200, prices: { adult: 0 } }],
    competition: 'p1-brabant-vv',
    opponents: ['KFC Wambeek', 'SK Dilbeek'],
  },
] as const;

/** Saturdays after `now`, at 15:00 or 20:00 Brussels time, the next few weeks. */
function nextKickoffs(now: Date, count: number): Date[] {
  const result: Date[] = [];
  const day = new Date(`${toBrusselsLocal(now).slice(0, 10)}T12:00:00Z`);
  while (result.length < count) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day.getUTCDay() !== 6) continue;
    const hour = result.length % 2 === 0 ? '15:00' : '20:00';
    result.push(fromBrusselsLocal(`${day.toISOString().slice(0, 10)}T${hour}`));
  }
  return result;
}

/**
 * Demo data for a fresh install: three Brussels clubs with venues, stands and upcoming matches, and
 * one account of each kind. Idempotent: nothing is duplicated, and matches are added only to a club
 * that has none upcoming.
 */
export async function seedDemo(db: Executor, hashPassword: (password: string) => Promise<string>, now = new Date()) {
  const accounts = {} as Record<keyof typeof DEMO_ACCOUNTS, string>;
  for (const [key, account] of Object.entries(DEMO_ACCOUNTS) as [
    keyof typeof DEMO_ACCOUNTS,
    (typeof DEMO_ACCOUNTS)[keyof typeof DEMO_ACCOUNTS],
  ][]) {
    const { id } = await createVerifiedUser(db, {
      email: account.email,
      name: account.name,
      passwordHash: await hashPassword(account.password),
      locale: 'fr',
      platformRole: key === 'platformAdmin' ? 'admin' : undefined,
    });
    accounts[key] = id;
  }

  for (const demo of CLUBS) {
    let [club] = await db.select({ id: organization.id }).from(organization).where(eq(organization.slug, demo.slug));
    if (!club) {
      const id = randomUUID().replace(/-/g, '');
      await db.insert(organization).values({
        id,
        name: demo.name,
        slug: demo.slug,
        commune: demo.commune,
        country: 'BE',
        colorPrimary: demo.colors[0],
        colorSecondary: demo.colors[1],
        status: 'active',
        verifiedAt: now, // the demo's own clubs: a copy registered next to them shows without the badge
        createdAt: now,
      });
      club = { id };
    }
    await db
      .insert(member)
      .values({ id: randomUUID().replace(/-/g, ''), organizationId: club.id, userId: accounts.clubAdmin, role: 'owner', createdAt: now })
      .onConflictDoNothing();

    let [place] = await db.select({ id: venue.id }).from(venue).where(eq(venue.clubId, club.id)).limit(1);
    if (!place)
      [place] = await db
        .insert(venue)
        .values({ clubId: club.id, ...demo.venue })
        .returning({ id: venue.id });
    let stands = await db.select().from(stand).where(eq(stand.clubId, club.id));
    if (stands.length === 0) {
      stands = await db
        .insert(stand)
        .values(demo.stands.map((s) => ({ name: s.name, capacity: s.capacity, clubId: club.id, venueId: place!.id })))
        .returning();
      for (const s of stands) {
        const prices = demo.stands.find((d) => d.name === s.name)!.prices;
        await writeStandPrices(db, club.id, s.id, prices);
      }
    }

    const upcoming = await db
      .select({ id: match.id })
      .from(match)
      .where(and(eq(match.clubId, club.id), gt(match.kickoffAt, now)))
      .limit(1);
    if (upcoming.length > 0) continue;
    const [comp] = await db.select({ id: competition.id }).from(competition).where(eq(competition.slug, demo.competition));
    if (!comp) throw new Error(`Reference competition ${demo.competition} is missing: run the reference seed first`);
    const kickoffs = nextKickoffs(now, demo.opponents.length);
    for (const [i, opponent] of demo.opponents.entries()) {
      const kickoffAt = kickoffs[i] as Date;
      const [created] = await db
        .insert(match)
        .values({
          clubId: club.id,
          venueId: place!.id,
          competitionId: comp.id,
          opponentName: opponent,
          kickoffAt,
          gatesOpenAt: new Date(kickoffAt.getTime() - 60 * 60 * 1000),
          saleClosesAt: kickoffAt,
          status: 'on_sale',
        })
        .returning({ id: match.id });
      // The first match caps its first stand: the club sells only part of it.
      const opened = await db
        .insert(matchStand)
        .values(
          stands.map((s, j) => ({
            clubId: club.id,
            matchId: created!.id,
            standId: s.id,
            cap: i === 0 && j === 0 ? Math.floor(s.capacity / 2) : s.capacity,
          })),
        )
        .returning();
      const prices = await db.select().from(standPrice).where(eq(standPrice.clubId, club.id));
      await db
        .insert(matchStandPrice)
        .values(
          opened.flatMap((o) =>
            prices
              .filter((p) => p.standId === o.standId)
              .map((p) => ({ clubId: club.id, matchStandId: o.id, category: p.category, priceCents: p.priceCents })),
          ),
        );
    }
  }
  return accounts;
}
