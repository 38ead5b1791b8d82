import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginThrottle, session, user } from '../src/db/schema/index.ts';
import { ATTEMPT_POLICY, attemptKey } from '../src/domain/accounts/sign-in-policy.ts';
import {
  createUser,
  databaseKinds,
  linkIn,
  PASSWORD,
  signIn,
  startTestApp,
  type TestApp,
  type TestClient,
  textOf,
} from './support/harness.ts';
import { browserTarget, OFFSITE_REDIRECTS } from './support/redirects.ts';

describe.each(databaseKinds())('accounts on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t?.close());

  it('signs up, confirms the e-mail from the link, and is then signed in', async () => {
    const client = t.client();
    const signUp = await client.post('/sign-up', { name: 'Amina Diallo', email: 'Amina@Example.be', password: 'tribune-nord-2026' });
    expect(signUp.status).toBe(303);
    expect(signUp.headers.get('location')).toBe('/check-email?to=amina%40example.be');
    expect(client.signedIn).toBe(false);

    const mail = await t.smtp.waitFor('amina@example.be');
    expect(mail.subject).toBe('Confirmez votre adresse e-mail'); // the language the page was in: French by default
    const verified = await client.get(linkIn(mail, 'http://localhost/api/auth/verify-email'));
    expect(client.signedIn).toBe(true);
    const home = await client.follow(await client.follow(verified));
    const text = await textOf(home);
    expect(text).toContain('Votre adresse e-mail est confirmée');
    expect(text).toContain('Se déconnecter');
  });

  it('refuses sign-in until the address is confirmed, and sends a new link', async () => {
    const client = t.client();
    await client.post('/sign-up', { name: 'Noor', email: 'noor@example.be', password: 'tribune-nord-2026' });
    await t.smtp.waitFor('noor@example.be');
    const response = await client.post(
      '/sign-in',
      { email: 'noor@example.be', password: 'tribune-nord-2026' },
      { headers: { 'accept-language': 'en' } },
    );
    expect(response.status).toBe(403);
    expect(await textOf(response)).toContain('Please confirm your e-mail address first');
    expect(client.signedIn).toBe(false);
    await t.smtp.waitFor('noor@example.be', /Confirmez/, { skip: 1 });
  });

  it('signs in and out with the password, and refuses a wrong one without saying which part was wrong', async () => {
    await createUser(t, 'lena@example.be', 'Lena');
    const wrong = await t
      .client()
      .post('/sign-in', { email: 'lena@example.be', password: 'not the password' }, { headers: { 'accept-language': 'en' } });
    expect(wrong.status).toBe(401);
    expect(await textOf(wrong)).toContain('Wrong e-mail address or password.');
    const unknown = await t
      .client()
      .post('/sign-in', { email: 'nobody@example.be', password: 'not the password' }, { headers: { 'accept-language': 'en' } });
    expect(unknown.status).toBe(401);
    expect(await textOf(unknown)).toContain('Wrong e-mail address or password.');

    const client = t.client();
    const ok = await client.post('/sign-in', { email: 'LENA@example.be', password: PASSWORD, next: '/account' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/account');
    expect(await textOf(await client.get('/account'))).toContain('lena@example.be');

    const out = await client.post('/sign-out', {});
    expect(out.status).toBe(303);
    expect(client.signedIn).toBe(false);
    const after = await client.get('/account');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/sign-in?next=%2Faccount');
  });

  it('reads the signed-in person at every request: as better-auth finds them, nobody with a forged cookie or once signed out elsewhere', async () => {
    await createUser(t, 'ruth@example.be', 'Ruth');
    const ruth = await signIn(t, 'ruth@example.be');
    const cookieName = [...ruth.cookies.keys()].find((name) => name.endsWith('session_token'))!;
    const cookie = `${cookieName}=${ruth.cookies.get(cookieName)}`;
    const signed = await t.runtime.deps.auth.api.getSession({ headers: new Headers({ cookie }) });
    const account = await ruth.get('/account', { 'accept-language': 'en' });
    expect(account.status).toBe(200);
    expect(await textOf(account)).toContain('ruth@example.be');
    expect(signed?.user.email).toBe('ruth@example.be');

    // The same token with another signature, or another token with Ruth's signature: nobody.
    const [token, signature] = decodeURIComponent(ruth.cookies.get(cookieName)!).split('.');
    for (const forged of [`${token}.${'A'.repeat(43)}=`, `${token!.slice(0, -1)}x.${signature}`, token!]) {
      const stranger = t.client();
      stranger.cookies.set(cookieName, encodeURIComponent(forged));
      expect((await stranger.get('/account')).status).toBe(303);
    }

    // Ended elsewhere (a password reset, an admin): refused at the very next request.
    const copy = t.client();
    copy.cookies.set(cookieName, ruth.cookies.get(cookieName)!);
    expect((await copy.get('/account')).status).toBe(200);
    await t.runtime.deps.db.delete(session).where(eq(session.token, token!));
    expect((await copy.get('/account')).status).toBe(303);
  });

  it('extends a session in use once a day, sending its cookie again', async () => {
    await createUser(t, 'yann@example.be', 'Yann');
    const yann = await signIn(t, 'yann@example.be');
    const [row] = await t.runtime.deps.db
      .select()
      .from(session)
      .innerJoin(user, eq(user.id, session.userId))
      .where(eq(user.email, 'yann@example.be'));
    const quiet = await yann.get('/account');
    expect(quiet.headers.getSetCookie().some((c) => c.includes('session_token'))).toBe(false); // fresh: nothing to extend
    // Signed in 29 days ago: one day left, due for extension.
    await t.runtime.deps.db
      .update(session)
      .set({ expiresAt: new Date(Date.now() + 24 * 3600_000) })
      .where(eq(session.id, row!.session.id));
    const extended = await yann.get('/account');
    expect(extended.status).toBe(200);
    expect(extended.headers.getSetCookie().some((c) => c.includes('session_token'))).toBe(true);
    const [after] = await t.runtime.deps.db.select().from(session).where(eq(session.id, row!.session.id));
    expect(after!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600_000);
    // Expired: signed out, and the cookie cleared.
    await t.runtime.deps.db
      .update(session)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(session.id, row!.session.id));
    const expired = await yann.get('/account');
    expect(expired.status).toBe(303);
    expect(expired.headers.getSetCookie().some((c) => c.includes('session_token=;') || /session_token=[^;]*;.*Max-Age=0/.test(c))).toBe(
      true,
    );
  });

  it('never redirects to another site after sign-in', async () => {
    await createUser(t, 'redirect@example.be');
    for (const next of [...OFFSITE_REDIRECTS, '/%09/evil.example', '/\n/x', ' /x']) {
      const client = t.client();
      const response = await client.post('/sign-in', { email: 'redirect@example.be', password: PASSWORD, next });
      // A NUL is refused with the form (400) before any redirect; everything else signs in.
      if (next.includes('\u0000')) {
        expect(response.status).toBe(400);
        continue;
      }
      const location = response.headers.get('location')!;
      // Resolved as a browser does (tabs and newlines dropped, "\\" read as "/"): still this site.
      const resolved = browserTarget(location, 'http://localhost');
      expect({ next, origin: resolved.origin }).toEqual({ next, origin: 'http://localhost' });
    }
    // A link carrying "/%09/evil.example" in its query arrives decoded, with a tab: dropped.
    const page = await t.client().get('/sign-in?next=/%09/evil.example');
    expect(await page.text()).toContain('name="next" value=""');
  });

  it('locks an address from one IP address after repeated failures, even for the right password, and says for how long', async () => {
    await createUser(t, 'target@example.be');
    const attacker = t.client();
    const attempts = ATTEMPT_POLICY.maxAttempts.emailFrom;
    const statuses: number[] = [];
    for (let i = 0; i < attempts; i++) {
      const response = await attacker.post(
        '/sign-in',
        { email: 'target@example.be', password: `guess-${i}` },
        { headers: { 'accept-language': 'en' } },
      );
      statuses.push(response.status);
      if (i === attempts - 1) expect(await textOf(response)).toContain('signing in is blocked for 15 minutes');
    }
    expect(statuses).toEqual([...Array(attempts - 1).fill(401), 429]);
    const right = await t
      .client(attacker.ip)
      .post('/sign-in', { email: 'target@example.be', password: PASSWORD }, { headers: { 'accept-language': 'en' } });
    expect(right.status).toBe(429);
    expect(await textOf(right)).toMatch(/blocked for 1[45] minutes/);

    // When the lock has passed, the right password works again and the count starts afresh.
    const key = attemptKey({ kind: 'emailFrom', value: `target@example.be|ip:${attacker.ip}` });
    await t.runtime.deps.db
      .update(loginThrottle)
      .set({ lockedUntil: new Date(Date.now() - 1000), windowStartedAt: new Date(Date.now() - 3_600_000) })
      .where(eq(loginThrottle.key, key));
    const again = await t.client(attacker.ip).post('/sign-in', { email: 'target@example.be', password: PASSWORD });
    expect(again.status).toBe(303);
    expect(await t.runtime.deps.db.select().from(loginThrottle).where(eq(loginThrottle.key, key))).toEqual([]);
  });

  it('lets at most the limit of concurrent guesses from one IP address reach the password check, and refuses the right one after', async () => {
    await createUser(t, 'burst@example.be');
    const limit = ATTEMPT_POLICY.maxAttempts.emailFrom;
    const ip = t.client().ip;
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => t.client(ip).post('/sign-in', { email: 'burst@example.be', password: `burst-${i}` })),
    );
    const statuses = guesses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(limit - 1); // checked, wrong, not yet locking
    expect(statuses.filter((s) => s === 401 || s === 429).length).toBe(30);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30 - limit);
    const right = await t.client(ip).post('/sign-in', { email: 'burst@example.be', password: PASSWORD });
    expect(right.status).toBe(429);
    const [row] = await t.runtime.deps.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, attemptKey({ kind: 'emailFrom', value: `burst@example.be|ip:${ip}` })));
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
  });

  it('lets the owner sign in while a stranger guesses their password, from a browser they used before and from a new one', async () => {
    await createUser(t, 'owner@example.be', 'Owner');
    const browser = t.client();
    expect((await browser.post('/sign-in', { email: 'owner@example.be', password: PASSWORD })).status).toBe(303);
    await browser.post('/sign-out', {});

    // A stranger hammers the address from elsewhere: only the first few guesses reach the password check.
    const stranger = t.client();
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++)
      statuses.push((await stranger.post('/sign-in', { email: 'owner@example.be', password: `guess-${i}` })).status);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(new Set(statuses.slice(4))).toEqual(new Set([429]));
    expect((await t.client(stranger.ip).post('/sign-in', { email: 'owner@example.be', password: PASSWORD })).status).toBe(429);

    // …and on the owner's own network too (a stadium's wifi): their own browser still gets in.
    const neighbour = t.client(browser.ip);
    for (let i = 0; i < 6; i++) await neighbour.post('/sign-in', { email: 'owner@example.be', password: `near-${i}` });
    expect((await t.client(browser.ip).post('/sign-in', { email: 'owner@example.be', password: PASSWORD })).status).toBe(429);
    const back = await browser.post('/sign-in', { email: 'owner@example.be', password: PASSWORD });
    expect(back.status).toBe(303);
    expect(await textOf(await browser.get('/account'))).toContain('owner@example.be');
    // A new device on a network of its own gets in as well.
    expect((await t.client().post('/sign-in', { email: 'owner@example.be', password: PASSWORD })).status).toBe(303);
  });

  // Dozens of password checks (scrypt): more than the default 30 s when the machine is busy.
  it('stops guesses at one address spread over many IP addresses beyond a higher limit, except in browsers its owner used', {
    timeout: 120_000,
  }, async () => {
    await createUser(t, 'spread@example.be', 'Spread');
    const browser = t.client();
    expect((await browser.post('/sign-in', { email: 'spread@example.be', password: PASSWORD })).status).toBe(303);
    const known = browser.cookies.get('fa_known')!;
    const perPlace = ATTEMPT_POLICY.maxAttempts.emailFrom;
    const places = Math.ceil(ATTEMPT_POLICY.maxAttempts.email / perPlace);
    for (let p = 0; p < places; p++) {
      const bot = t.client();
      for (let i = 0; i < perPlace; i++) await bot.post('/sign-in', { email: 'spread@example.be', password: `bot-${p}-${i}` });
    }
    // A new browser is refused now, even with the right password…
    const fresh = await t
      .client()
      .post('/sign-in', { email: 'spread@example.be', password: PASSWORD }, { headers: { 'accept-language': 'en' } });
    expect(fresh.status).toBe(429);
    expect(await textOf(fresh)).toMatch(/blocked for 1[45] minutes/);
    // …and so is one presenting a mark this server did not make, or another address's mark.
    const forger = t.client();
    forger.cookies.set('fa_known', `${known.split('.')[0]}.${'A'.repeat(22)}`);
    expect((await forger.post('/sign-in', { email: 'spread@example.be', password: PASSWORD })).status).toBe(429);
    // The owner's browser is not.
    expect((await browser.post('/sign-in', { email: 'spread@example.be', password: PASSWORD })).status).toBe(303);
  });

  it('marks a browser that signed in with an HttpOnly cookie sent only to the sign-in form', async () => {
    await createUser(t, 'marked@example.be');
    const response = await t.client().post('/sign-in', { email: 'marked@example.be', password: PASSWORD });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('fa_known='));
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Path=\/sign-in(;|$)/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(Number(/Max-Age=(\d+)/i.exec(cookie!)?.[1])).toBeGreaterThanOrEqual(180 * 86_400);
    expect(cookie).not.toContain('marked');
  });

  it('answers a sign-up with a known address like any other, creates nothing, and tells the owner', async () => {
    await createUser(t, 'taken@example.be', 'Original Owner');
    const client = t.client();
    const response = await client.post('/sign-up', { name: 'Impostor', email: 'taken@example.be', password: 'another-password-1' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/check-email?to=taken%40example.be');
    const users = await t.runtime.deps.db.select().from(user).where(eq(user.email, 'taken@example.be'));
    expect(users.map((u) => u.name)).toEqual(['Original Owner']);
    const mail = await t.smtp.waitFor('taken@example.be');
    expect(mail.subject).toBe('Someone tried to create an account with your address'); // the owner's language (en)
    expect(linkIn(mail, 'http://localhost/forgot-password')).toBeTruthy();
  });

  it('explains each bad field of the sign-up form, in the chosen language, and keeps what was typed', async () => {
    const client = t.client();
    const response = await client.post(
      '/sign-up',
      { name: 'x'.repeat(101), email: 'not-an-email', password: 'short' },
      { headers: { 'accept-language': 'nl-BE,nl;q=0.9' } },
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Hoogstens 100 tekens.');
    expect(html).toContain('Vul een geldig e-mailadres in');
    expect(html).toContain('Minstens 10 tekens.');
    expect(html).toContain('value="not-an-email"');
    expect(html).not.toContain('value="short"'); // passwords are never echoed back
  });

  it('rejects over-long and missing inputs everywhere with 400 and creates nothing', async () => {
    const client = t.client();
    const long = 'a'.repeat(300);
    expect((await client.post('/sign-up', { name: 'Ok', email: `${long}@example.be`, password: 'long-enough-pw' })).status).toBe(400);
    expect((await client.post('/sign-up', { name: 'Ok', email: 'ok@example.be', password: 'p'.repeat(129) })).status).toBe(400);
    expect((await client.post('/sign-up', {})).status).toBe(400);
    expect((await client.post('/sign-in', { email: 'ok@example.be', password: 'p'.repeat(129) })).status).toBe(400);
    expect((await client.post('/forgot-password', { email: long })).status).toBe(400);
    const users = await t.runtime.deps.db.select().from(user).where(eq(user.email, 'ok@example.be'));
    expect(users).toEqual([]);
  });

  it('refuses a body larger than 64 KiB with 413', async () => {
    const response = await t
      .client()
      .post('/sign-up', { name: 'n'.repeat(70 * 1024), email: 'big@example.be', password: 'long-enough-pw' });
    expect(response.status).toBe(413);
  });

  it('refuses a form without its CSRF token, or posted from another site, and changes nothing', async () => {
    await createUser(t, 'csrf@example.be', 'Before');
    const client = await signIn(t, 'csrf@example.be');
    const noToken = await client.post('/account', { name: 'After', locale: 'en' }, { csrf: false });
    expect(noToken.status).toBe(403);
    const wrongToken = await client.post('/account', { name: 'After', locale: 'en', _csrf: 'x'.repeat(43) }, { csrf: false });
    expect(wrongToken.status).toBe(403);
    const crossSite = await client.post('/account', { name: 'After', locale: 'en' }, { headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    const [row] = await t.runtime.deps.db.select().from(user).where(eq(user.email, 'csrf@example.be'));
    expect(row?.name).toBe('Before');
    const withToken = await client.post('/account', { name: 'After', locale: 'en' });
    expect(withToken.status).toBe(303);
  });

  it('ends the session a browser held when it signs in as someone else, by password or by e-mail link', async () => {
    const sessionCookie = (client: TestClient) => [...client.cookies].find(([name]) => name.endsWith('footarena.session_token'))!;
    const tokenOf = (client: TestClient) => decodeURIComponent(sessionCookie(client)[1]).split('.')[0]!;
    const rowOf = async (token: string) => t.runtime.deps.db.select().from(session).where(eq(session.token, token));
    /** The old cookie, replayed from elsewhere (a copy kept by whoever used the browser before). */
    const replayed = async ([name, value]: [string, string]) => {
      const other = t.client();
      other.cookies.set(name, value);
      return (await other.get('/account')).status;
    };
    await createUser(t, 'first-fan@example.be', 'First Fan');
    await createUser(t, 'second-fan@example.be', 'Second Fan');

    const shared = await signIn(t, 'first-fan@example.be');
    const first = sessionCookie(shared);
    const firstToken = tokenOf(shared);
    expect(await rowOf(firstToken)).toHaveLength(1);
    expect(await replayed(first)).toBe(200);
    expect((await shared.post('/sign-in', { email: 'second-fan@example.be', password: PASSWORD })).status).toBe(303);
    expect(await textOf(await shared.get('/account'))).toContain('second-fan@example.be');
    expect(await rowOf(firstToken)).toEqual([]);
    expect(await replayed(first)).toBe(303); // to the sign-in page

    // Signing in again as the same person replaces the session too; a failed sign-in ends nothing.
    const second = sessionCookie(shared);
    expect((await shared.post('/sign-in', { email: 'second-fan@example.be', password: 'wrong password' })).status).toBe(401);
    expect(await replayed(second)).toBe(200);
    expect((await shared.post('/sign-in', { email: 'second-fan@example.be', password: PASSWORD })).status).toBe(303);
    expect(await rowOf(decodeURIComponent(second[1]).split('.')[0]!)).toEqual([]);
    expect(await replayed(second)).toBe(303);

    // The e-mail confirmation link signs its owner in: the session the browser held ends as well.
    const third = sessionCookie(shared);
    await shared.post('/sign-up', { name: 'Third Fan', email: 'third-fan@example.be', password: 'tribune-sud-2026' });
    const mail = await t.smtp.waitFor('third-fan@example.be');
    await shared.get(linkIn(mail, 'http://localhost/api/auth/verify-email'));
    expect(await textOf(await shared.get('/account'))).toContain('third-fan@example.be');
    expect(await rowOf(decodeURIComponent(third[1]).split('.')[0]!)).toEqual([]);
    expect(await replayed(third)).toBe(303);
  });

  it('resets a forgotten password by e-mail link, ends other sessions, and the link works once', async () => {
    await createUser(t, 'forgot@example.be', 'Forgetful');
    const otherDevice = await signIn(t, 'forgot@example.be');
    const client = t.client();
    const sent = await client.post('/forgot-password', { email: 'forgot@example.be' });
    expect(sent.status).toBe(303);
    const unknown = await t.client().post('/forgot-password', { email: 'nobody-here@example.be' });
    expect(unknown.status).toBe(303); // same answer: no account enumeration

    const mail = await t.smtp.waitFor('forgot@example.be', /Reset your password/);
    const link = linkIn(mail, 'http://localhost/api/auth/reset-password/');
    const redirect = await client.get(link);
    const formPage = await client.follow(redirect);
    expect(formPage.status).toBe(200);
    const token = new URL(redirect.headers.get('location')!, 'http://localhost').searchParams.get('token')!;
    expect((await client.post('/reset-password', { token, password: 'short' })).status).toBe(400);
    const done = await client.post('/reset-password', { token, password: 'a-brand-new-password' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/sign-in');

    expect((await t.client().post('/sign-in', { email: 'forgot@example.be', password: PASSWORD })).status).toBe(401);
    expect((await t.client().post('/sign-in', { email: 'forgot@example.be', password: 'a-brand-new-password' })).status).toBe(303);
    expect((await otherDevice.get('/account')).status).toBe(303); // its session was revoked
    const reused = await client.post('/reset-password', { token, password: 'yet-another-password' });
    expect(reused.headers.get('location')).toBe('/forgot-password');
  });

  it('limits requests that send e-mail per address, with a clear message', async () => {
    const ip = '198.51.100.7';
    const limit = ATTEMPT_POLICY.maxAttempts.mail;
    for (let i = 0; i < limit; i++) {
      const response = await t.client(ip).post('/forgot-password', { email: `flood${i}@example.be` });
      expect(response.status).toBe(303);
    }
    const refused = await t
      .client(ip)
      .post('/sign-up', { name: 'Flood', email: 'flood@example.be', password: 'long-enough-pw' }, { headers: { 'accept-language': 'en' } });
    expect(refused.status).toBe(429);
    expect(await textOf(refused)).toContain('Too many requests from your connection. Try again in 15 minutes.');
    expect(await t.runtime.deps.db.select().from(user).where(eq(user.email, 'flood@example.be'))).toEqual([]);
    expect((await t.client().post('/forgot-password', { email: 'other@example.be' })).status).toBe(303); // other addresses are not affected
  });

  it('refuses control characters, a truncated form and a multipart form without token, with 4xx and no change', async () => {
    const client = t.client();
    const nul = await client.post(
      '/sign-up',
      { name: 'Null\u0000Byte', email: 'nul@example.be', password: 'long-enough-pw' },
      { headers: { 'accept-language': 'en' } },
    );
    expect(nul.status).toBe(400);
    expect(await textOf(nul)).toContain('This field contains characters that are not allowed.');
    expect(await t.runtime.deps.db.select().from(user).where(eq(user.email, 'nul@example.be'))).toEqual([]);

    await createUser(t, 'multipart@example.be', 'Multi');
    const signedIn = await signIn(t, 'multipart@example.be');
    const form = new FormData();
    form.set('name', 'Changed');
    form.set('locale', 'en');
    const noToken = await signedIn.request('/account', { method: 'POST', body: form, headers: { origin: 'http://localhost' } });
    expect(noToken.status).toBe(403);
    const truncated = await signedIn.request('/account', {
      method: 'POST',
      body: `--xyz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${signedIn.cookies.get('fa_csrf')}\r\n--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\nHalf`,
      headers: { origin: 'http://localhost', 'content-type': 'multipart/form-data; boundary=xyz' },
    });
    expect(truncated.status).toBe(400);
    const [row] = await t.runtime.deps.db.select().from(user).where(eq(user.email, 'multipart@example.be'));
    expect(row?.name).toBe('Multi');
  });

  it('refuses an e-mail link whose callback leaves the site', async () => {
    const response = await t
      .client()
      .get('/api/auth/reset-password/whatever?callbackURL=https://evil.example/steal', { 'accept-language': 'en' });
    expect(response.status).toBe(400);
    expect(await textOf(response)).toContain('This link is not valid.');
    const verify = await t.client().get('/api/auth/verify-email?token=x&callbackURL=//evil.example');
    expect(verify.status).toBe(400);
  });

  it('never sends the browser off the site from an e-mail link, whatever form the callback takes', async () => {
    const links = (callback: string) => {
      const q = (name: string) => `${name}=${encodeURIComponent(callback)}`;
      return [
        `/api/auth/verify-email?token=x&${q('callbackURL')}`,
        `/api/auth/verify-email?token=x&callbackURL=/verified&${q('errorCallbackURL')}`,
        `/api/auth/reset-password/abc?${q('callbackURL')}`,
        `/api/auth/reset-password/abc?callbackURL=/reset-password&${q('redirectTo')}`,
      ];
    };
    const offsite: string[] = [];
    for (const callback of OFFSITE_REDIRECTS) {
      for (const link of links(callback)) {
        const response = await t.client().get(link);
        const location = response.headers.get('location');
        if (response.status >= 500 || (location && browserTarget(location, 'http://localhost').origin !== 'http://localhost')) {
          offsite.push(`${link} → ${response.status} ${location}`);
        }
      }
    }
    expect(offsite).toEqual([]);
    // A callback on this site still works, normalised: the invalid token lands on its page.
    const onSite = await t.client().get('/api/auth/verify-email?token=x&callbackURL=/x/../verified');
    expect(onSite.headers.get('location')).toBe('/verified?error=INVALID_TOKEN');
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, on the whole site', async () => {
    await createUser(t, 'cookies@example.be');
    const response = await t.client().post('/sign-in', { email: 'cookies@example.be', password: PASSWORD });
    const session = response.headers.getSetCookie().find((c) => c.startsWith('footarena.session_token='));
    expect(session).toBeDefined();
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(session).toMatch(/; Path=\//i);
    expect(session).not.toMatch(/; Secure/i); // plain http in this test; see the https case below
  });

  it('keeps passwords, tokens and cookies out of the logs', async () => {
    const client = t.client();
    await client.post('/sign-up', { name: 'Logged', email: 'logs@example.be', password: 'log-secret-password' });
    const mail = await t.smtp.waitFor('logs@example.be');
    const link = linkIn(mail, 'http://localhost/api/auth/verify-email');
    await client.get(link);
    await client.post('/sign-in', { email: 'logs@example.be', password: 'log-secret-password' });
    const token = new URL(link).searchParams.get('token')!;
    await client.post('/forgot-password', { email: 'logs@example.be' });
    const resetMail = await t.smtp.waitFor('logs@example.be', /Réinitialisez/);
    const resetLink = linkIn(resetMail, 'http://localhost/api/auth/reset-password/');
    await client.get(resetLink);
    const resetToken = new URL(resetLink).pathname.split('/').at(-1)!;
    const all = t.logs.join('\n');
    expect(all).toContain('"path":"/api/auth/reset-password/[redacted]"');
    expect(all).not.toContain(resetToken);
    expect(t.logs.length).toBeGreaterThan(3);
    expect(all).toContain('"path":"/api/auth/verify-email"');
    expect(all).not.toContain('log-secret-password');
    expect(all).not.toContain(token);
    expect(all).not.toContain(client.cookies.get('footarena.session_token')!);
  });
});

describe('accounts over https', () => {
  it('marks the session cookie Secure and sends HSTS', async () => {
    const t = await startTestApp('pglite', { baseURL: 'https://tickets.example.be' });
    try {
      await createUser(t, 'secure@example.be');
      const response = await t.client().post('/sign-in', { email: 'secure@example.be', password: PASSWORD });
      const session = response.headers.getSetCookie().find((c) => c.includes('footarena.session_token='));
      expect(session).toMatch(/^__Secure-footarena\.session_token=.*; Secure/i);
      expect(response.headers.get('strict-transport-security')).toContain('max-age=31536000');
    } finally {
      await t.close();
    }
  });
});
