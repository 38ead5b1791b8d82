import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { match, matchStand, organization } from '../src/db/schema/index.ts';
import { createMatch } from '../src/domain/catalog/create-match.ts';
import { createStand } from '../src/domain/catalog/create-stand.ts';
import { createVenue } from '../src/domain/catalog/create-venue.ts';
import { setMatchStands } from '../src/domain/catalog/set-match-stands.ts';
import { setMatchStatus } from '../src/domain/catalog/set-match-status.ts';
import { fromBrusselsLocal } from '../src/domain/time.ts';
import { brusselsIn, clubWithOwner, competitionId } from './support/catalog.ts';
import { databaseKinds, startTestApp, type TestApp, textOf } from './support/harness.ts';

describe.each(databaseKinds())('the public catalog on %s', (kind) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let day20 = '';
  let day19 = '';

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.runtime.deps.db;
    const p1 = await competitionId(t, 'p1-brabant-acff');
    const cup = await competitionId(t, 'beker-van-belgie');

    /** A club with a venue in `commune` and one 300-seat stand (adult 9 €, child free). */
    async function club(name: string, commune: string) {
      const { club } = await clubWithOwner(t, name);
      const venueId = await createVenue(
        db,
        {},
        { actor: { kind: 'system' }, clubId: club.id, venue: { name: `${name} Ground`, street: 'Rue 1', postalCode: '1050', commune } },
      );
      const standId = await db.transaction((tx) =>
        createStand(
          tx,
          {},
          {
            actor: { kind: 'system' },
            clubId: club.id,
            venueId,
            stand: { name: 'Tribune', capacity: 300, prices: { adult: 900, child: 0 } },
          },
        ),
      );
      return { id: club.id, venueId, standId };
    }
    async function fixture(
      key: string,
      c: { id: string; venueId: string; standId: string },
      opponent: string,
      local: string,
      extra: { competitionId?: string; away?: boolean; onSale?: boolean } = {},
    ) {
      const id = await db.transaction((tx) =>
        createMatch(
          tx,
          {},
          {
            actor: { kind: 'system' },
            clubId: c.id,
            match: {
              isHome: !extra.away,
              opponentName: opponent,
              competitionId: extra.competitionId ?? p1,
              venueId: extra.away ? undefined : c.venueId,
              kickoffAt: fromBrusselsLocal(local),
              orderLimit: 10,
            },
          },
        ),
      );
      if (!extra.away) {
        await db.transaction((tx) =>
          setMatchStands(
            tx,
            {},
            { actor: { kind: 'system' }, clubId: c.id, matchId: id, stands: [{ standId: c.standId, open: true, cap: 250, prices: {} }] },
          ),
        );
        if (extra.onSale !== false)
          await db.transaction((tx) =>
            setMatchStatus(tx, t.runtime.deps, { actor: { kind: 'system' }, clubId: c.id, matchId: id, status: 'on_sale' }),
          );
      }
      ids[key] = id;
    }

    const alpha = await club('Alpha Ixelles', 'Ixelles');
    const beta = await club('Beta Jette', 'Jette');
    const gamma = await club('Gamma Suspended', 'Evere');
    day20 = brusselsIn(20).slice(0, 10);
    day19 = brusselsIn(19).slice(0, 10);
    await fixture('a1', alpha, 'FC Ganshoren', `${day20}T00:30`); // 23:30 UTC the day before
    await fixture('a2', alpha, 'Stade Uccle', brusselsIn(21), { competitionId: cup });
    await fixture('b1', beta, 'Union Jette B', brusselsIn(20, '20:00'), { onSale: false });
    await fixture('bAway', beta, 'Evere FC', brusselsIn(22), { away: true });
    await fixture('bCancelled', beta, 'Cancelled FC', brusselsIn(23));
    await db.update(match).set({ status: 'cancelled' }).where(eq(match.id, ids.bCancelled!));
    await fixture('bPast', beta, 'Old Times', brusselsIn(24));
    await db
      .update(match)
      .set({ kickoffAt: new Date(Date.now() - 86_400_000) })
      .where(eq(match.id, ids.bPast!));
    await fixture('g1', gamma, 'Hidden FC', brusselsIn(20, '18:00'));
    await db.update(organization).set({ status: 'suspended' }).where(eq(organization.id, gamma.id));
    for (let i = 0; i < 22; i++) await fixture(`late${i}`, beta, `Late ${String(i).padStart(2, '0')}`, brusselsIn(40 + i));
    // Some seats of a1 are taken: the page says how many are left.
    await db.update(matchStand).set({ sold: 40, held: 10 }).where(eq(matchStand.matchId, ids.a1!));
    const delta = await club('Delta Schaerbeek', 'Schaerbeek');
    await fixture('dFull', delta, 'Full House FC', brusselsIn(25));
    await db.update(matchStand).set({ sold: 240, held: 10 }).where(eq(matchStand.matchId, ids.dFull!));
    await fixture('dPostponed', delta, 'Later FC', brusselsIn(26));
    await db.update(match).set({ status: 'postponed' }).where(eq(match.id, ids.dPostponed!));
  });
  afterAll(() => t?.close());

  /** The match ids listed on a catalog page, in order. */
  async function listed(query: string) {
    const html = await (await t.client().get(`/?${query}`)).text();
    const found = [...html.matchAll(/href="\/matches\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    return found.map((id) => names[id] ?? id);
  }

  it('lists upcoming home matches soonest first, without cancelled, past, away or suspended clubs', async () => {
    const page1 = await listed('');
    expect(page1.slice(0, 3)).toEqual(['a1', 'b1', 'a2']);
    expect(page1).toHaveLength(20);
    for (const hidden of ['bAway', 'bCancelled', 'bPast', 'g1']) expect(page1).not.toContain(hidden);
  });

  it('puts a match at 00:30 Brussels time on its Brussels day', async () => {
    expect(await listed(`from=${day20}&to=${day20}`)).toEqual(['a1', 'b1']);
    expect(await listed(`from=${day19}&to=${day19}`)).toEqual([]);
    expect(await listed(`to=${day19}`)).toEqual([]);
  });

  it('filters by club, competition and text, alone and combined, and keeps the filters in the links', async () => {
    expect(await listed('club=alpha-ixelles')).toEqual(['a1', 'a2']);
    expect(await listed('competition=beker-van-belgie')).toEqual(['a2']);
    expect(await listed('q=ganshoren')).toEqual(['a1']);
    expect(await listed('q=IXELLES')).toEqual(['a1', 'a2']); // the venue's commune
    expect(await listed(`q=Beta&to=${day20}`)).toEqual(['b1']);
    expect(await listed('club=alpha-ixelles&competition=p1-brabant-acff')).toEqual(['a1']);
    expect(await listed('club=beta-jette&competition=beker-van-belgie')).toEqual([]);
    expect(await listed('q=%25')).toEqual([]); // a LIKE wildcard is searched for, not obeyed
    const html = await (await t.client().get('/?club=beta-jette&q=Late')).text();
    expect(html).toContain('href="/?club=beta-jette&amp;q=Late&amp;page=2"');
    expect(await listed('club=beta-jette&q=Late&page=2')).toEqual(['late20', 'late21']);
  });

  it('ignores filters that make no sense instead of failing', async () => {
    const response = await t.client().get('/?from=2026-02-30&to=tomorrow&page=-4&club=%00');
    expect(response.status).toBe(200);
    expect((await listed('from=2026-02-30&page=abc')).slice(0, 2)).toEqual(['a1', 'b1']);
  });

  it('shows a match page with seats left, prices, a map link and the data a shared link needs', async () => {
    const response = await t.client().get(`/matches/${ids.a1}`, { 'accept-language': 'en' });
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = await textOf(new Response(html));
    expect(text).toContain('Alpha Ixelles – FC Ganshoren');
    expect(text).toContain('Seats left: 200'); // 250 for sale, 40 sold, 10 being bought
    expect(text).toContain('Adult €9.00 − +'); // on sale: the ticket form, a stepper per category
    expect(text).toContain('Child (under 12) Free − +');
    expect(html).toContain('href="https://www.openstreetmap.org/search?query=Rue%201%2C%201050%20Ixelles%2C%20Belgium"');
    expect(html).toContain('<meta property="og:title" content="Alpha Ixelles – FC Ganshoren"/>');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(ld).toMatchObject({
      '@type': 'SportsEvent',
      name: 'Alpha Ixelles – FC Ganshoren',
      startDate: fromBrusselsLocal(`${day20}T00:30`).toISOString(),
      location: { name: 'Alpha Ixelles Ground', address: { addressLocality: 'Ixelles', addressCountry: 'BE' } },
    });
    expect(ld.offers).toContainEqual(
      expect.objectContaining({ price: '9.00', priceCurrency: 'EUR', availability: 'https://schema.org/InStock' }),
    );
  });

  it('says on each card what a supporter can do, and the status of the match on its page', async () => {
    const en = { 'accept-language': 'en' };
    /** The status badges of the card linking to a match, as "class: words". */
    async function badges(path: string, key: string) {
      const html = await (await t.client().get(path, en)).text();
      const card = html.split('<li').find((part) => part.includes(`href="/matches/${ids[key]}"`));
      if (!card) throw new Error(`no card links to ${key}`);
      return [...card.matchAll(/<span class="(badge[^"]*)">([^<]*)<\/span>/g)].map((m) => `${m[1]}: ${m[2]}`);
    }
    expect(await badges('/c/alpha-ixelles', 'a1')).toEqual(['badge: Seats left: 200', 'badge: From €9.00']);
    expect(await badges('/c/beta-jette', 'b1')).toEqual(['badge: Tickets on sale soon', 'badge: From €9.00']);
    expect(await badges('/c/beta-jette', 'bAway')).toEqual([]); // the home club sells its tickets
    expect(await badges('/c/delta-schaerbeek', 'dFull')).toEqual(['badge bad: Sold out', 'badge: From €9.00']);
    expect(await badges('/c/delta-schaerbeek', 'dPostponed')).toEqual(['badge warn: Postponed', 'badge: From €9.00']);

    const statusOn = async (key: string) =>
      /<p><span class="(badge[^"]*)">([^<]*)<\/span><\/p>/.exec(await (await t.client().get(`/matches/${ids[key]}`, en)).text())?.slice(1);
    expect(await statusOn('a1')).toEqual(['badge', 'On sale']);
    expect(await statusOn('b1')).toEqual(['badge', 'Announced']);
    expect(await statusOn('dFull')).toEqual(['badge bad', 'Sold out']);
    expect(await statusOn('dPostponed')).toEqual(['badge warn', 'Postponed']);
    expect(await statusOn('bCancelled')).toEqual(['badge bad', 'Cancelled']);
  });

  it('keeps the page of a cancelled match, and answers 404 for what does not exist', async () => {
    const cancelled = await t.client().get(`/matches/${ids.bCancelled}`, { 'accept-language': 'fr' });
    expect(cancelled.status).toBe(200);
    expect(await textOf(cancelled)).toContain('Annulé');
    expect((await t.client().get(`/matches/${ids.g1}`)).status).toBe(404); // suspended club
    expect((await t.client().get('/matches/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.client().get('/matches/not-a-uuid')).status).toBe(404);
  });

  it("shows a club's page with its away matches too, and asks a visitor to sign in to follow", async () => {
    const page = await t.client().get('/c/beta-jette');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`/matches/${ids.bAway}`);
    expect(html).not.toContain(`/matches/${ids.bCancelled}`);
    const follow = await t.client().post('/c/beta-jette/follow', {});
    expect(follow.status).toBe(303);
    expect(follow.headers.get('location')).toBe('/sign-in?next=%2Fc%2Fbeta-jette%2Ffollow');
    expect((await t.client().get('/c/gamma-suspended')).status).toBe(404);
  });
});
