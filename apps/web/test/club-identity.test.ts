import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { match, organization } from '../src/db/schema/index.ts';
import { brusselsIn, clubWithOwner, competitionId, matchOnSale, postOk } from './support/catalog.ts';
import { createUser, databaseKinds, signIn, startTestApp, type TestApp, type TestClient, textOf } from './support/harness.ts';

// Finding 11 of issue 13: a copy of a club's name ("FC Molenbeek (demo)" twice) must be visible as
// one — the platform's verified badge, a confirmation at registration, no silent opponent link.
describe.each(databaseKinds())('club identity on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  let supporter: TestClient;
  const en = { 'accept-language': 'en' };
  beforeAll(async () => {
    t = await startTestApp(kind);
    const { password } = await t.runtime.deps.auth.$context;
    const { seedDemo } = await import('../src/cli/demo-data.ts');
    await seedDemo(t.runtime.deps.db, (p) => password.hash(p));
    admin = await signIn(t, 'platform@demo.footarena.be', 'demo-platform-2026');
    supporter = await signIn(t, 'supporter@demo.footarena.be', 'demo-supporter-2026');
  });
  afterAll(() => t?.close());
  const db = () => t.runtime.deps.db;

  async function clubBySlug(slug: string) {
    const [club] = await db().select().from(organization).where(eq(organization.slug, slug));
    return club!;
  }

  async function clubsNamed(name: string) {
    return db().select().from(organization).where(eq(organization.name, name));
  }

  /** A signed-in stranger (English) registering `name`, who may confirm they are not the club `notClub`. */
  let impostors = 0;
  async function impostor(name: string, notClub?: string) {
    const email = `impostor-${++impostors}@example.be`;
    await createUser(t, email, 'I. Mpostor');
    const client = await signIn(t, email);
    const response = await client.post('/clubs/new', {
      name,
      commune: 'Molenbeek-Saint-Jean',
      ...(notClub ? { 'notClub[]': notClub } : {}),
    });
    return { client, response };
  }

  /** The HTML of the catalog card (or other list item) that links to `href`. */
  function cardLinking(html: string, href: string): string {
    const card = html.split('<li').find((part) => part.includes(`href="${href}"`));
    if (!card) throw new Error(`no card links to ${href}`);
    return card;
  }

  it('asks someone registering a look-alike of an existing club to confirm, club by club, that theirs is another one', async () => {
    const real = await clubBySlug('fc-molenbeek-demo');

    // The same name, and a Cyrillic "о" with a digit "1" for "l": each comes back with the warning.
    for (const name of ['FC Molenbeek (demo)', 'F.C. Mо1enbeek']) {
      const before = (await clubsNamed(name)).length;
      const { response } = await impostor(name);
      expect({ name, status: response.status }).toEqual({ name, status: 400 });
      const html = await response.text();
      expect(html).toContain(`name="notClub[]" value="${real.id}"`);
      const text = await textOf(new Response(html));
      expect(text).toContain('A club with a very similar name is already on FootArena');
      expect(text).toContain('My club is not FC Molenbeek (demo)');
      expect(text).toContain('Verified club'); // the demo's own club carries the badge
      expect(await clubsNamed(name)).toHaveLength(before);
    }

    // Saying one is not some other club does not count.
    const other = await clubBySlug('rfc-saint-gilles-demo');
    expect((await impostor('FC Molenbeek (demo)', other.id)).response.status).toBe(400);
    expect(await clubsNamed('FC Molenbeek (demo)')).toHaveLength(1);

    // Confirmed: registered, under a slug of its own.
    const { response } = await impostor('FC Molenbeek (demo)', real.id);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/club/fc-molenbeek-demo-2/venues#add-venue');
    expect(await clubsNamed('FC Molenbeek (demo)')).toHaveLength(2);

    // A name like no other goes straight through.
    expect((await impostor('Olympic Ganshoren')).response.status).toBe(303);
  });

  it('asks a club renaming itself to look like another to confirm too, and takes the badge from a verified club that changes its name', async () => {
    const a = await clubWithOwner(t, 'Daring Koekelberg');
    const b = await clubWithOwner(t, 'Racing Berchem');
    const settings = (name: string, notClub?: string) =>
      b.owner.post(`${b.base}/settings`, { name, commune: 'Berchem', ...(notClub ? { 'notClub[]': notClub } : {}) }, { headers: en });

    const refused = await settings('Daring Koekelbérg');
    expect(refused.status).toBe(400);
    expect(await textOf(refused)).toContain('My club is not Daring Koekelberg');
    expect((await clubBySlug(b.slug)).name).toBe('Racing Berchem');
    expect((await settings('Daring Koekelbérg', a.club.id)).status).toBe(303);
    expect((await clubBySlug(b.slug)).name).toBe('Daring Koekelbérg');

    // A verified club keeps its badge through a change of case or punctuation, not through another name.
    await postOk(admin, `/admin/clubs/${a.club.id}/verification`, { verified: 'yes' });
    await postOk(a.owner, `${a.base}/settings`, { name: 'DARING Koekelberg!', commune: 'Koekelberg' });
    expect((await clubBySlug(a.slug)).verifiedAt).not.toBeNull();
    await postOk(a.owner, `${a.base}/settings`, { name: 'Daring Brussels', commune: 'Koekelberg' });
    expect((await clubBySlug(a.slug)).verifiedAt).toBeNull();
  });

  it('shows the badge the platform admin gives on the catalog, its filter, the club page and the match page, in every language, and never on a look-alike', async () => {
    const real = await clubWithOwner(t, 'Union Koekelberg');
    const realMatch = await matchOnSale(t, real, 'Visitors One');
    // The copy confirms it is not the real club, so it exists next to it, with a match on sale too.
    const copy = await impostor('Union Koekelberg (demo)', real.club.id);
    expect(copy.response.status).toBe(303);
    const copySlug = copy.response.headers.get('location')!.split('/')[2]!;
    const copyMatch = await matchOnSale(
      t,
      { owner: copy.client, club: await clubBySlug(copySlug), slug: copySlug, base: `/club/${copySlug}` },
      'Visitors Two',
    );

    // The admin's list flags each as looking like the other (the demo admin reads French).
    const list = await (await admin.get('/admin/clubs?q=koekelberg')).text();
    const row = (slug: string) => list.split('<tr>').find((part) => part.includes(`href="/c/${slug}"`))!;
    expect(row(copySlug)).toContain('Nom proche de');
    expect(row(copySlug)).toContain(`href="/c/${real.slug}"`);
    expect(row(real.slug)).toContain(`href="/c/${copySlug}"`);

    expect(cardLinking(await (await t.client().get('/', en)).text(), `/matches/${realMatch.matchId}`)).not.toContain('Verified club');
    const verified = await admin.post(`/admin/clubs/${real.club.id}/verification`, { verified: 'yes' });
    expect(verified.status).toBe(303);
    expect(await textOf(await admin.follow(verified))).toContain('Union Koekelberg est vérifié');

    for (const [language, badge] of [
      ['en', 'Verified club'],
      ['fr', 'Club vérifié'],
      ['nl', 'Geverifieerde club'],
    ] as const) {
      const headers = { 'accept-language': language };
      const catalog = await (await t.client().get('/', headers)).text();
      expect(cardLinking(catalog, `/matches/${realMatch.matchId}`)).toContain(badge);
      expect(cardLinking(catalog, `/matches/${copyMatch.matchId}`)).not.toContain(badge);
      const filter = catalog.slice(
        catalog.indexOf('<select id="club"'),
        catalog.indexOf('</select>', catalog.indexOf('<select id="club"')),
      );
      expect(filter).toContain(`<option value="${real.slug}">Union Koekelberg — ✓ ${badge}</option>`);
      expect(filter).toContain(`<option value="${copySlug}">Union Koekelberg (demo)</option>`);

      expect(await textOf(await t.client().get(`/c/${real.slug}`, headers))).toContain(badge);
      expect(await textOf(await t.client().get(`/c/${copySlug}`, headers))).not.toContain(badge);
      expect(await textOf(await t.client().get(`/matches/${realMatch.matchId}`, headers))).toContain(badge);
      expect(await textOf(await t.client().get(`/matches/${copyMatch.matchId}`, headers))).not.toContain(badge);
    }
    // The badge is words beside a mark, not a colour alone.
    expect(cardLinking(await (await t.client().get('/', en)).text(), `/matches/${realMatch.matchId}`)).toMatch(
      /<span class="badge verified"><span aria-hidden="true">✓ <\/span>Verified club<\/span>/,
    );

    // Taken back: gone everywhere.
    await postOk(admin, `/admin/clubs/${real.club.id}/verification`, { verified: 'no' });
    expect(await textOf(await t.client().get(`/c/${real.slug}`, en))).not.toContain('Verified club');
    expect(cardLinking(await (await t.client().get('/', en)).text(), `/matches/${realMatch.matchId}`)).not.toContain('Verified club');
  });

  it('links an opponent only to the one club its name means, prefers the verified one, and makes the club choose among look-alikes', async () => {
    const home = await clubWithOwner(t, 'Home Linkers');
    const lone = await clubWithOwner(t, 'Sporting Jette');
    const real = await clubWithOwner(t, 'RC Laeken');
    // An exact copy of the name, registered after confirming.
    const copy = await impostor('RC Laeken', real.club.id);
    expect(copy.response.status).toBe(303);
    const copyId = (await clubBySlug(copy.response.headers.get('location')!.split('/')[2]!)).id;
    const league = await competitionId(t);
    const away = (opponentName: string, extra: Record<string, string> = {}) =>
      home.owner.post(
        `${home.base}/matches/new`,
        { side: 'away', opponentName, competitionId: league, venueId: '', kickoffAt: brusselsIn(12), orderLimit: '10', ...extra },
        { headers: en },
      );
    const linkOf = async (response: Response) => {
      expect(response.status).toBe(303);
      const id = response.headers.get('location')!.split('/matches/')[1]!.split('#')[0]!;
      const [row] = await db().select({ opponentClubId: match.opponentClubId }).from(match).where(eq(match.id, id));
      return { id, linked: row!.opponentClubId };
    };
    const matchesOfHome = async () => (await db().select().from(match).where(eq(match.clubId, home.club.id))).length;

    // One club has the name, however it is typed.
    expect((await linkOf(await away('Sporting Jette'))).linked).toBe(lone.club.id);
    expect((await linkOf(await away('sporting  jette!'))).linked).toBe(lone.club.id);
    expect((await linkOf(await away('Nobody United'))).linked).toBeNull();

    // Two clubs have it and neither is verified: nothing is created until the club chooses.
    const before = await matchesOfHome();
    const ask = await away('RC Laeken');
    expect(ask.status).toBe(400);
    const html = await ask.text();
    expect(html).toContain(`name="opponentChoice" value="${real.club.id}"`);
    expect(html).toContain(`name="opponentChoice" value="${copyId}"`);
    expect(html).toContain('name="opponentChoice" value="none"');
    expect(await textOf(new Response(html))).toContain('Several clubs have this name: choose the one you play, or none.');
    expect(await matchesOfHome()).toBe(before);
    // A club that is not one of them cannot be slipped in.
    expect((await away('RC Laeken', { opponentChoice: lone.club.id })).status).toBe(400);
    expect(await matchesOfHome()).toBe(before);

    const chosen = await linkOf(await away('RC Laeken', { opponentChoice: real.club.id }));
    expect(chosen.linked).toBe(real.club.id);
    expect((await linkOf(await away('R.C. Laeken', { opponentChoice: 'none' }))).linked).toBeNull();

    // Editing the match asks again, with the club chosen before already ticked.
    const edit = await (await home.owner.get(`${home.base}/matches/${chosen.id}`)).text();
    expect(edit).toMatch(new RegExp(`name="opponentChoice" value="${real.club.id}" checked`));

    // Once the real club is verified, it is the one the name means.
    await postOk(admin, `/admin/clubs/${real.club.id}/verification`, { verified: 'yes' });
    expect((await linkOf(await away('RC Laeken'))).linked).toBe(real.club.id);
    expect((await linkOf(await away('R.C. Laeken (demo)'))).linked).toBe(real.club.id);
    // A stale choice of the copy from before still counts only where the name is in doubt: here it is not.
    expect((await linkOf(await away('RC Laeken', { opponentChoice: copyId }))).linked).toBe(real.club.id);
  });

  it('lets only the platform admin verify a club', async () => {
    const owned = await clubWithOwner(t, 'Self Made FC');
    const path = `/admin/clubs/${owned.club.id}/verification`;
    expect((await supporter.post(path, { verified: 'yes' })).status).toBe(403);
    expect((await owned.owner.post(path, { verified: 'yes' })).status).toBe(403); // its own owner neither
    const anonymous = await t.client().post(path, { verified: 'yes' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/sign-in/);
    expect((await clubBySlug(owned.slug)).verifiedAt).toBeNull();
    // Not through the club's own settings form either.
    await postOk(owned.owner, `${owned.base}/settings`, { name: 'Self Made FC', commune: 'Bruxelles', verifiedAt: '2026-01-01' });
    expect((await clubBySlug(owned.slug)).verifiedAt).toBeNull();

    expect((await admin.post('/admin/clubs/no-such-club/verification', { verified: 'yes' })).status).toBe(404);
    expect((await admin.post(path, { verified: 'maybe' })).status).toBe(303);
    expect((await clubBySlug(owned.slug)).verifiedAt).toBeNull();
    expect((await admin.post(path, { verified: 'yes' })).status).toBe(303);
    expect((await clubBySlug(owned.slug)).verifiedAt).toBeInstanceOf(Date);
  });
});
