import { ErrorResponse, PairResponse } from '@footarena/gate-protocol';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginThrottle } from '../src/db/schema/index.ts';
import { ATTEMPT_POLICY, attemptKey } from '../src/domain/accounts/sign-in-policy.ts';
import { createDevice } from '../src/domain/devices/create-device.ts';
import { clubWithOwner } from './support/catalog.ts';
import { databaseKinds, startTestApp, type TestApp } from './support/harness.ts';

describe.each(databaseKinds())('guessing pairing codes on %s', (kind) => {
  let t: TestApp;
  let clubId = '';
  let addresses = 0;
  beforeAll(async () => {
    t = await startTestApp(kind);
    clubId = (await clubWithOwner(t, 'Pairing FC')).club.id;
  });
  afterAll(() => t?.close());

  const db = () => t.runtime.deps.db;
  /** A device's own address (TEST-NET-2), as our proxy reports it. */
  const newAddress = () => `198.51.100.${++addresses}`;
  const pair = (code: string, ip: string) =>
    t.app.request('http://localhost/api/v1/pair', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ code }),
    });
  const newDevice = async (name: string) =>
    (await db().transaction((tx) => createDevice(tx, {}, { actor: { kind: 'system' }, clubId, device: { name, kind: 'gate' } })))
      .pairingCode;
  /** A well-formed code no device has (the alphabet of real codes, so only the lookup can refuse it). */
  const wrongCode = (i: number) => `WRNG${String(i).padStart(4, '2').replace(/[01]/g, '9')}`;

  /** Checks a refusal for too many attempts: 429, Retry-After in seconds, the device API's error shape. */
  async function expectThrottled(response: Response) {
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(ATTEMPT_POLICY.lockMinutes * 60);
    expect(ErrorResponse.parse(await response.json()).error).toBe('too_many_requests');
  }

  it('refuses an address that tried too many wrong codes, even with the right one, while another address still pairs', async () => {
    const guesser = newAddress();
    const code = await newDevice('Guessed gate');
    for (let i = 0; i < ATTEMPT_POLICY.maxAttempts.pair; i++) expect((await pair(wrongCode(i), guesser)).status).toBe(404);
    await expectThrottled(await pair(code, guesser)); // the right code, refused: it stays unused
    // Refused attempts do not spend what all addresses may try together: one address cannot lock pairing for everyone.
    const everywhere = async () =>
      (
        await db()
          .select()
          .from(loginThrottle)
          .where(eq(loginThrottle.key, attemptKey({ kind: 'pairAll', value: 'all' })))
      )[0]?.failures;
    const spent = await everywhere();
    for (let i = 0; i < 30; i++) await expectThrottled(await pair(wrongCode(100 + i), guesser));
    expect(await everywhere()).toBe(spent);

    // A club pairing its gates from another address is not held up, and the code refused above still works.
    expect(PairResponse.parse(await (await pair(await newDevice('North gate'), newAddress())).json()).name).toBe('North gate');
    expect((await pair(code, newAddress())).status).toBe(200);
  });

  it('gives an address its attempt back for each right code, so a club pairing many gates is never refused', async () => {
    const stadium = newAddress();
    for (let i = 0; i < ATTEMPT_POLICY.maxAttempts.pair + 5; i++) {
      expect((await pair(await newDevice(`Gate ${i}`), stadium)).status).toBe(200);
    }
    expect((await pair(wrongCode(1), stadium)).status).toBe(404); // a typo is still just a typo
  });

  it('caps wrong codes across all addresses, so guessing from many addresses is stopped too', async () => {
    const everywhere = attemptKey({ kind: 'pairAll', value: 'all' });
    const cap = ATTEMPT_POLICY.maxAttempts.pairAll;
    try {
      // All but three of the window's wrong codes have already come, each address staying under its own limit.
      await db()
        .insert(loginThrottle)
        .values({ key: everywhere, failures: cap - 3, windowStartedAt: new Date() })
        .onConflictDoUpdate({ target: loginThrottle.key, set: { failures: cap - 3, windowStartedAt: new Date(), lockedUntil: null } });
      for (let i = 0; i < 3; i++) expect((await pair(wrongCode(i), newAddress())).status).toBe(404);
      const code = await newDevice('Late gate');
      await expectThrottled(await pair(code, newAddress()));
      await expectThrottled(await pair(wrongCode(7), newAddress()));
      const [row] = await db().select().from(loginThrottle).where(eq(loginThrottle.key, everywhere));
      expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    } finally {
      await db().delete(loginThrottle).where(eq(loginThrottle.key, everywhere));
    }
  });
});
