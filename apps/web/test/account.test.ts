import { asc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { match, member, session, user } from '../src/db/schema/index.ts';
import { AWKWARD_DAYS, kickoffText, plainSpaces } from './support/calendar.ts';
import { createUser, databaseKinds, PASSWORD, signIn, startTestApp, type TestApp, textOf } from './support/harness.ts';
import { OFFSITE_REDIRECTS } from './support/redirects.ts';

describe.each(databaseKinds())('my account on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t?.close());
  const db = () => t.runtime.deps.db;

  it('edits the name and the preferred language, which then sets the language of every page', async () => {
    await createUser(t, 'profile@example.be', 'Old Name');
    const client = await signIn(t, 'profile@example.be');
    const saved = await client.post('/account', { name: '  Nieuwe Naam  ', locale: 'nl' });
    expect(saved.status).toBe(303);
    const [row] = await db().select().from(user).where(eq(user.email, 'profile@example.be'));
    expect(row).toMatchObject({ name: 'Nieuwe Naam', locale: 'nl' });
    const page = await client.follow(saved);
    expect(page.headers.get('content-language')).toBe('nl');
    expect(await textOf(page)).toContain('Je profiel is opgeslagen.');
    const bad = await client.post('/account', { name: '', locale: 'de' });
    expect(bad.status).toBe(400);
    expect(await textOf(bad)).toContain('Dit veld is verplicht.');
  });

  it('chooses the language from the setting, then the switcher, then Accept-Language, then French', async () => {
    const anonymous = t.client();
    expect((await anonymous.get('/')).headers.get('content-language')).toBe('fr');
    expect((await anonymous.get('/', { 'accept-language': 'de-DE, nl;q=0.8, en;q=0.5' })).headers.get('content-language')).toBe('nl');
    expect((await anonymous.get('/', { 'accept-language': 'de-DE' })).headers.get('content-language')).toBe('fr');

    const switched = await anonymous.post('/lang', { lang: 'en', next: '/sign-in?next=%2Faccount' });
    expect(switched.status).toBe(303);
    expect(switched.headers.get('location')).toBe('/sign-in?next=%2Faccount');
    const page = await anonymous.get('/sign-in', { 'accept-language': 'nl' });
    expect(page.headers.get('content-language')).toBe('en');
    expect(await page.text()).toContain('<html lang="en">');

    for (const next of OFFSITE_REDIRECTS) {
      expect({ next, location: (await anonymous.post('/lang', { lang: 'xx', next })).headers.get('location') }).toEqual({
        next,
        location: '/',
      });
    }
    expect((await anonymous.get('/')).headers.get('content-language')).toBe('en');

    await createUser(t, 'switcher@example.be');
    const member = await signIn(t, 'switcher@example.be');
    await member.post('/lang', { lang: 'nl', next: '/' });
    const [row] = await db().select().from(user).where(eq(user.email, 'switcher@example.be'));
    expect(row?.locale).toBe('nl');
    const fresh = await signIn(t, 'switcher@example.be'); // another device, no cookie: the setting wins
    expect((await fresh.get('/', { 'accept-language': 'fr' })).headers.get('content-language')).toBe('nl');
  });

  it('formats dates in Brussels time and amounts in euros by locale, whatever the day the suite runs', async () => {
    const { password } = await t.runtime.deps.auth.$context;
    const { seedDemo } = await import('../src/cli/demo-data.ts');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      for (const today of AWKWARD_DAYS) {
        vi.setSystemTime(today);
        await seedDemo(db(), (p) => password.hash(p));
        const upcoming = await db().select().from(match).where(gt(match.kickoffAt, today)).orderBy(asc(match.kickoffAt));
        expect(upcoming.length, `demo matches after ${today.toISOString()}`).toBeGreaterThanOrEqual(3);
        const pages = Object.fromEntries(
          await Promise.all(
            (['fr', 'nl', 'en'] as const).map(async (l) => [
              l,
              plainSpaces(await textOf(await t.client().get('/', { 'accept-language': l }))),
            ]),
          ),
        );
        for (const m of upcoming) {
          // The demo plays on Saturdays at 15:00 or 20:00 Brussels time, on either side of a clock change.
          expect(kickoffText(m.kickoffAt, 'en')).toMatch(/^Saturday, .* at (15|20):00$/);
          for (const locale of ['fr', 'nl', 'en'] as const) expect(pages[locale]).toContain(kickoffText(m.kickoffAt, locale));
        }
        const first = plainSpaces(await textOf(await t.client().get(`/matches/${upcoming[0]!.id}`, { 'accept-language': 'nl' })));
        expect(first).toContain(kickoffText(upcoming[0]!.kickoffAt, 'nl'));
        expect(first).toContain(kickoffText(upcoming[0]!.gatesOpenAt!, 'nl').split(' om ')[1]!);
        expect(pages.fr).toMatch(/À partir de 5,00 €/);
        expect(pages.nl).toMatch(/Vanaf € 5,00/);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('downloads all of my data as JSON, without secrets', async () => {
    await createUser(t, 'gdpr@example.be', 'Gina Gdpr');
    const client = await signIn(t, 'gdpr@example.be');
    await client.post('/clubs/new', { name: 'Data Club', commune: 'Uccle' });
    const response = await client.get('/account/export');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="footarena-my-data.json"');
    const raw = await response.text();
    const data = JSON.parse(raw);
    expect(data.profile).toMatchObject({ name: 'Gina Gdpr', email: 'gdpr@example.be', emailVerified: true });
    expect(data.clubs).toEqual([{ club: 'Data Club', role: 'owner', since: expect.any(String) }]);
    expect(data.logins).toEqual([{ provider: 'credential', createdAt: expect.any(String) }]);
    expect(data.sessions.length).toBe(1);
    const [stored] = await db().select().from(session).limit(1);
    expect(raw).not.toContain('scrypt');
    expect(raw).not.toContain(stored!.token);
    expect(raw).not.toMatch(/"password"|"token"/);
  });

  it('deletes the account with the password, signs out, and erases sessions and memberships', async () => {
    const created = await createUser(t, 'leaving@example.be', 'Leaving');
    const client = await signIn(t, 'leaving@example.be');
    const wrong = await client.post('/account/delete', { password: 'not my password' }, { headers: { 'accept-language': 'en' } });
    expect(wrong.status).toBe(400);
    expect(await textOf(wrong)).toContain('Wrong password.');
    expect((await db().select().from(user).where(eq(user.id, created.id))).length).toBe(1);

    const done = await client.post('/account/delete', { password: PASSWORD });
    expect(done.status).toBe(303);
    expect(client.signedIn).toBe(false);
    expect(await db().select().from(user).where(eq(user.id, created.id))).toEqual([]);
    expect(await db().select().from(session).where(eq(session.userId, created.id))).toEqual([]);
    expect((await t.client().post('/sign-in', { email: 'leaving@example.be', password: PASSWORD })).status).toBe(401);
  });

  it('refuses to delete the only owner of a club, and names the club', async () => {
    const created = await createUser(t, 'sole@example.be');
    const client = await signIn(t, 'sole@example.be');
    await client.post('/clubs/new', { name: 'Lonely FC', commune: 'Evere' });
    const refused = await client.post('/account/delete', { password: PASSWORD });
    expect(refused.status).toBe(400);
    expect(await textOf(refused)).toContain('Lonely FC');
    expect((await db().select().from(member).where(eq(member.userId, created.id))).length).toBe(1);
  });
});
