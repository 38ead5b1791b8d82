import { createHash, randomUUID } from 'node:crypto';
import { codeFor, VERDICT_CASES } from '@footarena/checkin-rules/cases';
import { ErrorResponse, type MatchesResponse, type SyncResponse } from '@footarena/gate-protocol';
import { sign, verify } from '@footarena/ticket-code';
import { ZXING_WASM_SHA256 } from 'barcode-detector/ponyfill';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { device, match, matchStand, member, order, orderItem, scan, scanConflict, ticket } from '../src/db/schema/index.ts';
import { createMatch } from '../src/domain/catalog/create-match.ts';
import { createStand } from '../src/domain/catalog/create-stand.ts';
import { createVenue } from '../src/domain/catalog/create-venue.ts';
import { setMatchStands } from '../src/domain/catalog/set-match-stands.ts';
import { redeemTicket } from '../src/domain/checkin/redeem-ticket.ts';
import { createDevice, type NewDevice } from '../src/domain/devices/create-device.ts';
import { drawShortCode } from '../src/domain/tickets/insert-tickets.ts';
import { reissueTicket } from '../src/domain/tickets/reissue-ticket.ts';
import { activeSigningKey } from '../src/domain/tickets/signing-key.ts';
import { toBrusselsLocal } from '../src/domain/time.ts';
import { formatTime } from '../src/i18n/index.ts';
import { clubWithOwner, competitionId } from './support/catalog.ts';
import { insertPaidOrder, insertSignedTickets } from './support/gate.ts';
import { createUser, databaseKinds, linkIn, PASSWORD, signIn, startTestApp, type TestApp, textOf } from './support/harness.ts';
import { openApiOf } from './support/openapi.ts';
import { buySeasonPasses, insertSeasonProduct } from './support/season-gate.ts';

describe.each(databaseKinds())('admitting tickets at the gate on %s', (kind) => {
  let t: TestApp;
  const db = () => t.runtime.deps.db;
  let clubId = '';
  let matchId = '';
  let otherMatchId = '';
  let orderItemId = '';
  let northItemId = '';
  let mainStandId = '';
  let northStandId = '';
  let orderId = '';
  let gateA = '';
  let gateB = '';
  let owner: Awaited<ReturnType<typeof clubWithOwner>>;

  const newDevice = (device: NewDevice) => db().transaction((tx) => createDevice(tx, {}, { actor: { kind: 'system' }, clubId, device }));

  async function aMatch(club: string, venueId: string) {
    const competition = await competitionId(t);
    return db().transaction((tx) =>
      createMatch(
        tx,
        {},
        {
          actor: { kind: 'system' },
          clubId: club,
          match: {
            isHome: true,
            opponentName: 'Visitors',
            competitionId: competition,
            venueId,
            kickoffAt: new Date(Date.now() + 86_400_000),
            orderLimit: 10,
          },
        },
      ),
    );
  }

  /** `n` valid tickets of the paid order, signed with the club's key (as fulfilment issues them). */
  async function tickets(n: number, forMatch = matchId, club = clubId, item = orderItemId) {
    const key = await db().transaction((tx) => activeSigningKey(tx, club, t.runtime.deps.config.sales.ticketSealingKey));
    return insertSignedTickets(db(), key, { clubId: club, matchId: forMatch, orderId, orderItemId: item }, n);
  }

  /** A scan by a known device: the match read first (the club's own), then the scan (no transaction: its write is one statement). */
  const redeem = async (deviceId: string, code: string, nonce = randomUUID(), forMatch = matchId) => {
    const [m] = await db().select({ gatesOpenAt: match.gatesOpenAt }).from(match).where(eq(match.id, forMatch));
    return redeemTicket(db(), {}, { clubId, matchId: forMatch, deviceId, nonce, code, standIds: null, gatesOpenAt: m!.gatesOpenAt });
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const ctx = await clubWithOwner(t, 'Gate FC');
    owner = ctx;
    clubId = ctx.club.id;
    const venueId = await createVenue(
      db(),
      {},
      { actor: { kind: 'system' }, clubId: clubId, venue: { name: 'Ground', street: 'Rue 1', postalCode: '1000', commune: 'Bruxelles' } },
    );
    const standId = await db().transaction((tx) =>
      createStand(tx, {}, { actor: { kind: 'system' }, clubId, venueId, stand: { name: 'Main', capacity: 5000, prices: { adult: 1000 } } }),
    );
    northStandId = await db().transaction((tx) =>
      createStand(tx, {}, { actor: { kind: 'system' }, clubId, venueId, stand: { name: 'North', capacity: 500, prices: { adult: 800 } } }),
    );
    mainStandId = standId;
    matchId = await aMatch(clubId, venueId);
    otherMatchId = await aMatch(clubId, venueId);
    await db().transaction((tx) =>
      setMatchStands(
        tx,
        {},
        {
          actor: { kind: 'system' },
          clubId,
          matchId,
          stands: [
            { standId, open: true, prices: {} },
            { standId: northStandId, open: true, prices: {} },
          ],
        },
      ),
    );
    const [ms] = await db()
      .select()
      .from(matchStand)
      .where(and(eq(matchStand.matchId, matchId), eq(matchStand.standId, standId)));
    const [north] = await db()
      .select()
      .from(matchStand)
      .where(and(eq(matchStand.matchId, matchId), eq(matchStand.standId, northStandId)));
    const paid = await insertPaidOrder(db(), {
      clubId,
      matchId,
      reference: 'FA-GATE001',
      lines: [
        { matchStandId: ms!.id, category: 'adult', unitPriceCents: 1000, quantity: 5000 },
        { matchStandId: north!.id, category: 'youth', unitPriceCents: 800, quantity: 100 },
      ],
    });
    orderId = paid.orderId;
    [orderItemId = '', northItemId = ''] = paid.itemIds;
    const gates = await db()
      .insert(device)
      .values([
        { clubId, name: 'Gate A', kind: 'gate' },
        { clubId, name: 'Gate B', kind: 'gate' },
      ])
      .returning();
    gateA = gates[0]!.id;
    gateB = gates[1]!.id;
  });
  afterAll(() => t?.close());

  it('admits each of 1,000 tickets once when two gates scan them at the same moment', async () => {
    const batch = await tickets(1000);
    const answers = await Promise.all(batch.flatMap((tk) => [redeem(gateA, tk.code), redeem(gateB, tk.code)]));
    const counts: Record<string, number> = {};
    for (const a of answers) counts[a.result] = (counts[a.result] ?? 0) + 1;
    expect(counts).toEqual({ ok: 1000, already_used: 1000 });
    const used = (await db().select().from(ticket).where(eq(ticket.orderItemId, orderItemId))).filter((tk) => tk.usedAt !== null);
    expect(used).toHaveLength(1000);
  });

  it('answers a repeated nonce with the first answer, changing nothing', async () => {
    const [tk] = await tickets(1);
    const nonce = randomUUID();
    const first = await redeem(gateA, tk!.code, nonce);
    const again = await Promise.all([redeem(gateA, tk!.code, nonce), redeem(gateA, tk!.code, nonce)]);
    expect(first).toEqual({
      result: 'ok',
      ticketId: tk!.id,
      ticket: { id: tk!.id, stand: 'Main', category: 'adult', holderFirstName: null },
    });
    const firstAnswer = { result: 'ok', ticketId: tk!.id }; // a repeat answers from the scan log
    expect(again).toEqual([firstAnswer, firstAnswer]);
    expect(await db().select().from(scan).where(eq(scan.nonce, nonce))).toHaveLength(1);
    expect((await redeem(gateA, tk!.code)).result).toBe('already_used'); // a new scan of it is refused
  });

  it('refuses, with the reason recorded: revoked, another match, another club, forged, garbage, before the gates open', async () => {
    const [revoked, forOther] = [(await tickets(1))[0]!, (await tickets(1, otherMatchId))[0]!];
    await db().update(ticket).set({ status: 'revoked' }).where(eq(ticket.id, revoked.id));
    expect((await redeem(gateA, revoked.code)).result).toBe('revoked');
    expect((await redeem(gateA, forOther.code)).result).toBe('wrong_match');

    const other = await clubWithOwner(t, 'Rival FC');
    const rivalVenue = await createVenue(
      db(),
      {},
      { actor: { kind: 'system' }, clubId: other.club.id, venue: { name: 'R', street: 'R 1', postalCode: '1000', commune: 'R' } },
    );
    const rivalMatch = await aMatch(other.club.id, rivalVenue);
    const rivalKey = await db().transaction((tx) => activeSigningKey(tx, other.club.id, t.runtime.deps.config.sales.ticketSealingKey));
    const rivalCode = sign({ keyId: rivalKey.keyId, ticketId: randomUUID(), matchId: rivalMatch }, rivalKey.privateKey);
    expect((await redeem(gateA, rivalCode)).result).toBe('wrong_club');

    const [genuine] = await tickets(1);
    const forged = `${genuine!.code.slice(0, -1)}${genuine!.code.at(-1) === 'A' ? 'B' : 'A'}`;
    expect((await redeem(gateA, forged)).result).toBe('bad_signature');
    expect((await redeem(gateA, 'not a ticket at all')).result).toBe('unknown');

    await db()
      .update(match)
      .set({ gatesOpenAt: new Date(Date.now() + 3_600_000) })
      .where(eq(match.id, matchId));
    expect((await redeem(gateA, genuine!.code)).result).toBe('not_open_yet');
    await db().update(match).set({ gatesOpenAt: null }).where(eq(match.id, matchId));
    expect((await redeem(gateA, genuine!.code)).result).toBe('ok');

    const refused = (await db().select().from(scan).where(eq(scan.clubId, clubId))).filter(
      (s) => s.result !== 'ok' && s.result !== 'already_used',
    );
    expect(refused.map((s) => s.result).sort()).toEqual([
      'bad_signature',
      'not_open_yet',
      'revoked',
      'unknown',
      'wrong_club',
      'wrong_match',
    ]);
  });

  /** JSON to the device API, as a gate sends it. */
  const api = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    t.app.request(`http://localhost/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  /** The one-time pairing code the devices page shows, as a person reads it off the screen. */
  const pairingCodeIn = async (page: Response) => /<p class="pairing-code">([2-9A-HJKMNP-Z]{8})<\/p>/.exec(await page.text())![1]!;

  async function pairedDevice(name: string) {
    const page = await owner.owner.post(`${owner.base}/devices`, { name, kind: 'gate' });
    const code = await pairingCodeIn(page);
    const paired = await api('/pair', { code });
    expect(paired.status).toBe(200);
    const body = (await paired.json()) as { token: string; deviceId: string; clubId: string };
    expect(body.clubId).toBe(clubId);
    expect((await api('/pair', { code })).status).toBe(404); // once only
    return body;
  }

  it('pairs a device with a one-time code and admits a ticket through the API, then refuses a revoked device', async () => {
    const gate = await pairedDevice('North gate');
    const [tk] = await tickets(1);
    const auth = { authorization: `Bearer ${gate.token}` };
    const first = await api('/redeem', { code: tk!.code, nonce: 'nonce-0001', matchId }, auth);
    expect(await first.json()).toEqual({ result: 'ok', ticket: { id: tk!.id, stand: 'Main', category: 'adult', holderFirstName: null } });
    expect(await (await api('/redeem', { code: tk!.code, nonce: 'nonce-0002', matchId }, auth)).json()).toMatchObject({
      result: 'already_used',
    });
    expect(await (await api('/redeem', { code: tk!.code, nonce: 'nonce-0001', matchId }, auth)).json()).toMatchObject({ result: 'ok' }); // replay

    await owner.owner.post(`${owner.base}/devices/${gate.deviceId}/revoke`, {});
    expect((await api('/redeem', { code: tk!.code, nonce: 'nonce-0003', matchId }, auth)).status).toBe(401);
  });

  it('rotates a token without a gap: the old one works until the new pairing code is used, then never again', async () => {
    const gate = await pairedDevice('East gate');
    const [a, b, c] = await tickets(3);
    const scanWith = async (token: string, code: string, nonce: string) =>
      (await api('/redeem', { code, nonce, matchId }, { authorization: `Bearer ${token}` })).status;
    const page = await owner.owner.post(`${owner.base}/devices/${gate.deviceId}/pairing`, {});
    const code = await pairingCodeIn(page);
    expect(await scanWith(gate.token, a!.code, 'rot-00001')).toBe(200);
    const renewed = (await (await api('/pair', { code })).json()) as { token: string; deviceId: string };
    expect(renewed.deviceId).toBe(gate.deviceId);
    expect(await scanWith(gate.token, b!.code, 'rot-00002')).toBe(401);
    expect(await scanWith(renewed.token, c!.code, 'rot-00003')).toBe(200);
    // Another club's device, or a revoked one, gets no new code.
    expect((await owner.owner.post(`${owner.base}/devices/${randomUUID()}/pairing`, {})).status).toBe(404);
    await owner.owner.post(`${owner.base}/devices/${gate.deviceId}/revoke`, {});
    expect((await owner.owner.post(`${owner.base}/devices/${gate.deviceId}/pairing`, {})).status).toBe(404);
  });

  it('answers bad requests with a clear 4xx body and changes nothing', async () => {
    const gate = await pairedDevice('South gate');
    const auth = { authorization: `Bearer ${gate.token}` };
    const [tk] = await tickets(1);
    const cases: [number, Response][] = [
      [401, await api('/redeem', { code: tk!.code, nonce: 'bad-00001', matchId })],
      [
        401,
        await api(
          '/redeem',
          { code: tk!.code, nonce: 'bad-00002', matchId },
          { authorization: 'Bearer not-a-real-token-but-long-enough-0000000' },
        ),
      ],
      [415, await api('/redeem', 'code=x', { ...auth, 'content-type': 'application/x-www-form-urlencoded' })],
      [400, await api('/redeem', '{"code": ', auth)],
      [400, await api('/redeem', { code: tk!.code, nonce: 'bad-00003', matchId, extra: true }, auth)],
      [400, await api('/redeem', { code: tk!.code, nonce: 'x', matchId }, auth)],
      [404, await api('/redeem', { code: tk!.code, nonce: 'bad-00004', matchId: randomUUID() }, auth)],
      [413, await api('/redeem', { code: 'x'.repeat(20_000), nonce: 'bad-00005', matchId }, auth)],
      [404, await api('/pair', { code: 'NOPE2345' })],
    ];
    for (const [status, response] of cases) {
      expect(response.status).toBe(status);
      const body = (await response.json()) as { error: string; message: string };
      expect(typeof body.error).toBe('string');
      expect(body.message.length).toBeGreaterThan(5);
    }
    const [after] = await db().select().from(ticket).where(eq(ticket.id, tk!.id));
    expect(after?.usedAt).toBeNull();
  });
  it('answers each refusal with the documented code for its status, naming the field of a wrong body', async () => {
    const gate = await pairedDevice('Refusing gate');
    const auth = { authorization: `Bearer ${gate.token}` };
    const [tk, other] = await tickets(2);
    const elsewhere = await newDevice({ name: 'Other match only', kind: 'gate', matchIds: [otherMatchId] });
    const { token } = (await (await api('/pair', { code: elsewhere.pairingCode })).json()) as { token: string };
    await api('/redeem', { code: tk!.code, nonce: 'refuse-0001', matchId }, auth);
    const cases: [number, string, Response][] = [
      [415, 'unsupported_media_type', await api('/redeem', '{}', { ...auth, 'content-type': 'text/plain' })],
      [400, 'bad_request', await api('/redeem', '{"code": ', auth)],
      [400, 'bad_request', await api('/redeem', { code: tk!.code, nonce: 'x', matchId }, auth)],
      [401, 'unauthorized', await api('/redeem', { code: tk!.code, nonce: 'refuse-0002', matchId })],
      [403, 'forbidden', await api('/redeem', { code: tk!.code, nonce: 'refuse-0003', matchId }, { authorization: `Bearer ${token}` })],
      [404, 'not_found', await api('/sync', { matchId: randomUUID(), cursor: null, scans: [] }, auth)],
      [404, 'not_found', await api('/pair', { code: elsewhere.pairingCode })],
      [409, 'nonce_reused', await api('/redeem', { code: other!.code, nonce: 'refuse-0001', matchId }, auth)],
      [413, 'payload_too_large', await api('/health', { version: 'x'.repeat(70_000) }, auth)],
    ];
    for (const [status, error, response] of cases) {
      expect(response.status, error).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(ErrorResponse.parse(await response.json()).error).toBe(error);
    }
    const schemaError = (await (await api('/redeem', { code: tk!.code, nonce: 'x', matchId, extra: 1 }, auth)).json()) as ErrorResponse;
    expect(schemaError.message).toMatch(/^nonce: .+; \(body\): .*extra/);
    expect((await codeOf(other!.id)).usedAt).toBeNull();
  });

  it('answers an unknown path or a wrong method under /api/v1 with a JSON 404, never the site’s page', async () => {
    const gate = await pairedDevice('Lost gate');
    const auth = { authorization: `Bearer ${gate.token}` };
    const asked: [string, string][] = [
      ['GET', '/api/v1/nothing-here'],
      ['POST', '/api/v1/redeem/extra'],
      ['GET', '/api/v1'],
      ['GET', '/api/v1/pair'],
      ['POST', '/api/v1/matches'],
      ['DELETE', '/api/v1/redeem'],
    ];
    for (const [method, path] of asked) {
      const response = await t.app.request(`http://localhost${path}`, { method, headers: { ...auth, 'content-type': 'application/json' } });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = ErrorResponse.parse(await response.json());
      expect(body.error).toBe('not_found');
      expect(body.message).toContain(`${method} ${path}`);
    }
    // The calls themselves are still there, each with its own method.
    expect((await t.app.request('http://localhost/api/v1/matches', { headers: auth })).status).toBe(200);
  });

  it('publishes an OpenAPI document that every answer of the API conforms to', async () => {
    const { doc, ajv, conforms } = await openApiOf(t);
    expect(doc.openapi).toBe('3.1.0');
    // The request schemas refuse unknown fields, as the server does.
    expect(ajv.getSchema('#/components/schemas/RedeemRequest')!({ code: 'x', nonce: 'n-000000', matchId, extra: 1 })).toBe(false);

    const page = await owner.owner.post(`${owner.base}/devices`, { name: 'Doc gate', kind: 'gate' });
    const code = await pairingCodeIn(page);
    const { token } = (await conforms('/pair', await api('/pair', { code }))) as { token: string };
    await conforms('/pair', await api('/pair', { code }));
    // Too many wrong codes from one address: 429 in the documented error shape.
    const guesser = { 'x-forwarded-for': '198.51.100.250' };
    let refused: Response;
    do refused = await api('/pair', { code: 'WRONG234' }, guesser);
    while (refused.status === 404);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    await conforms('/pair', refused);
    const auth = { authorization: `Bearer ${token}` };
    const [tk] = await tickets(1);
    for (const nonce of ['doc-00001', 'doc-00002'])
      await conforms('/redeem', await api('/redeem', { code: tk!.code, nonce, matchId }, auth));
    await conforms('/redeem', await api('/redeem', { code: 'forged', nonce: 'doc-00003', matchId }, auth));
    await conforms('/redeem', await api('/redeem', { code: tk!.code, nonce: 'doc-00004', matchId }));
    await conforms('/redeem', await api('/redeem', '[', auth));
    await conforms('/redeem', await api('/redeem', 'x', { ...auth, 'content-type': 'text/plain' }));
    await conforms('/matches', await t.app.request('http://localhost/api/v1/matches', { headers: auth }), 'get');
    const [offlineTk] = await tickets(1);
    const uploaded = { code: offlineTk!.code, nonce: 'doc-00005', scannedAt: new Date().toISOString(), result: 'ok' };
    const synced = (await conforms('/sync', await api('/sync', { matchId, cursor: null, scans: [uploaded] }, auth))) as SyncResponse;
    await conforms('/sync', await api('/sync', { matchId, cursor: synced.cursor, scans: [uploaded] }, auth));
    await conforms('/sync', await api('/sync', { matchId, cursor: null, scans: [{ ...uploaded, result: 'maybe' }] }, auth));
    await conforms('/sync', await api('/sync', { matchId: randomUUID(), cursor: null, scans: [] }, auth));
  });
  /** A paired device's sync: uploads offline scans, answers the lists since the cursor. */
  const sync = async (token: string, scans: unknown[], cursor: string | null = null, forMatch = matchId) => {
    const response = await api('/sync', { matchId: forMatch, cursor, scans }, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    return (await response.json()) as SyncResponse;
  };
  const offline = (code: string, scannedAt: Date, result = 'ok') => ({
    code,
    nonce: randomUUID(),
    scannedAt: scannedAt.toISOString(),
    result,
  });
  const conflictsOf = (ticketId: string) => db().select().from(scanConflict).where(eq(scanConflict.ticketId, ticketId));

  it('records one conflict when two offline devices admitted the same ticket; the first scan keeps the entry', async () => {
    const [a, b] = [await pairedDevice('Offline A'), await pairedDevice('Offline B')];
    const [tk] = await tickets(1);
    const early = new Date(Date.now() - 120_000);
    const late = new Date(Date.now() - 60_000);
    // A uploads first, though B scanned earlier: B's entry takes its place, once.
    const fromA = offline(tk!.code, late);
    expect((await sync(a.token, [fromA])).uploaded).toEqual([{ nonce: fromA.nonce, result: 'ok', conflict: false }]);
    const fromB = offline(tk!.code, early);
    expect((await sync(b.token, [fromB])).uploaded).toEqual([{ nonce: fromB.nonce, result: 'ok', conflict: false }]);
    const conflicts = await conflictsOf(tk!.id);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ reason: 'already_used', admittedByDevice: b.deviceId, alsoByDevice: a.deviceId });
    expect(conflicts[0]!.admittedAt!.getTime()).toBe(early.getTime());
    const [after] = await db().select().from(ticket).where(eq(ticket.id, tk!.id));
    expect(after).toMatchObject({ usedByDevice: b.deviceId, usedAt: early });

    // Uploading the same scans again (a retry) changes nothing; a later offline entry is the conflict.
    expect((await sync(a.token, [fromA])).uploaded[0]).toMatchObject({ result: 'ok' });
    expect((await sync(b.token, [fromB])).uploaded[0]).toMatchObject({ result: 'ok' });
    const third = offline(tk!.code, new Date());
    expect((await sync(a.token, [third])).uploaded).toEqual([{ nonce: third.nonce, result: 'already_used', conflict: true }]);
    expect(await conflictsOf(tk!.id)).toHaveLength(2);
    expect(await db().select().from(scan).where(eq(scan.ticketId, tk!.id))).toHaveLength(3);
    // Online, it stays used.
    expect((await redeem(gateA, tk!.code)).result).toBe('already_used');
  });

  it('decides uploads of the same ticket by two devices at once one after the other', async () => {
    const [a, b] = [await pairedDevice('Race A'), await pairedDevice('Race B')];
    const batch = await tickets(50);
    const at = new Date(Date.now() - 30_000);
    const [fromA, fromB] = await Promise.all([
      sync(
        a.token,
        batch.map((tk) => offline(tk.code, at)),
      ),
      sync(
        b.token,
        batch.map((tk) => offline(tk.code, new Date(at.getTime() + 1000))),
      ),
    ]);
    // Whichever upload ran first, A scanned first: A's entries count, one conflict per ticket names B.
    expect(fromA.uploaded.every((u) => 'result' in u && u.result === 'ok' && !u.conflict)).toBe(true);
    expect(
      fromB.uploaded.every((u) => 'result' in u && ((u.result === 'ok' && !u.conflict) || (u.result === 'already_used' && u.conflict))),
    ).toBe(true);
    for (const tk of batch) {
      const [after] = await db().select().from(ticket).where(eq(ticket.id, tk.id));
      expect(after).toMatchObject({ usedByDevice: a.deviceId, usedAt: at });
      expect(await conflictsOf(tk.id)).toMatchObject([{ admittedByDevice: a.deviceId, alsoByDevice: b.deviceId }]);
    }
  });

  it('logs refusals made offline, flags offline entries the server refuses, and keeps device clocks out of the future', async () => {
    const dev = await pairedDevice('Offline C');
    const [refused, revokedTk, fine] = await tickets(3);
    await db().update(ticket).set({ status: 'revoked', revokedAt: new Date() }).where(eq(ticket.id, revokedTk!.id));
    const future = new Date(Date.now() + 3_600_000);
    const { uploaded } = await sync(dev.token, [
      offline(refused!.code, new Date(), 'already_used'),
      offline(revokedTk!.code, new Date()),
      offline(fine!.code, future),
      offline('FA1:not-a-code', new Date(), 'unknown'),
    ]);
    expect(uploaded.map((u) => ('result' in u ? [u.result, u.conflict] : [u.error]))).toEqual([
      ['already_used', false],
      ['revoked', true],
      ['ok', false],
      ['unknown', false],
    ]);
    const [notAdmitted] = await db().select().from(ticket).where(eq(ticket.id, refused!.id));
    expect(notAdmitted!.usedAt).toBeNull(); // a refusal on the spot admits nobody
    expect(await conflictsOf(revokedTk!.id)).toMatchObject([{ reason: 'revoked', admittedByDevice: null, alsoByDevice: dev.deviceId }]);
    const [admitted] = await db().select().from(ticket).where(eq(ticket.id, fine!.id));
    expect(admitted!.usedAt!.getTime()).toBeLessThanOrEqual(Date.now());
    const logged = await db().select().from(scan).where(eq(scan.deviceId, dev.deviceId));
    expect(logged.every((row) => row.offline)).toBe(true);
  });

  it('gives a device the keys, the revoked and used tickets, then only what changed since its cursor', async () => {
    const dev = await pairedDevice('Sync gate');
    const [used, revokedTk, later] = await tickets(3);
    await redeem(gateA, used!.code);
    await db().update(ticket).set({ status: 'revoked', revokedAt: new Date() }).where(eq(ticket.id, revokedTk!.id));
    const full = await sync(dev.token, []);
    const key = await db().transaction((tx) => activeSigningKey(tx, clubId, t.runtime.deps.config.sales.ticketSealingKey));
    expect(verify(used!.code, full.keys)).toMatchObject({ ok: true, keyId: key.keyId }); // enough to check codes offline
    expect(full.used).toContain(used!.id);
    expect(full.revoked).toContain(revokedTk!.id);
    expect(full.used).not.toContain(later!.id);
    expect(full.attendance.stands.find((s) => s.name === 'Main')).toMatchObject({ id: mainStandId });
    expect(full.attendance.admitted).toBe(full.used.length);

    // Everything so far is older than the overlap a cursor looks back over; then one more entry.
    await db().execute(sql`update ticket set changed_at = changed_at - interval '1 hour' where match_id = ${matchId}`);
    await redeem(gateB, later!.code);
    const next = await sync(dev.token, [], full.cursor);
    expect(next.used).toEqual([later!.id]);
    expect(next.revoked).toEqual([]);
    expect(Number(next.cursor)).toBeGreaterThanOrEqual(Number(full.cursor));
    expect((await api('/sync', { matchId, cursor: 'yesterday', scans: [] }, { authorization: `Bearer ${dev.token}` })).status).toBe(400);
  });

  it('records a conflict when a device admitted offline a scan the server had refused, its answer having come too late', async () => {
    const dev = await pairedDevice('Slow gate');
    const [tk] = await tickets(1);
    await redeem(gateA, tk!.code); // admitted at gate A first
    const auth = { authorization: `Bearer ${dev.token}` };
    // The request reached the server (already_used), but the phone gave up waiting and said yes offline.
    expect((await (await api('/redeem', { code: tk!.code, nonce: 'late-00001', matchId }, auth)).json()).result).toBe('already_used');
    const late = { code: tk!.code, nonce: 'late-00001', scannedAt: new Date().toISOString(), result: 'ok' };
    for (let upload = 0; upload < 2; upload++) {
      expect((await sync(dev.token, [late])).uploaded).toEqual([{ nonce: 'late-00001', result: 'already_used', conflict: true }]);
    }
    expect(await conflictsOf(tk!.id)).toMatchObject([{ reason: 'already_used', admittedByDevice: gateA, alsoByDevice: dev.deviceId }]);
    const [logged] = await db()
      .select()
      .from(scan)
      .where(and(eq(scan.deviceId, dev.deviceId), eq(scan.nonce, 'late-00001')));
    expect(logged).toMatchObject({ result: 'already_used', offline: true, deviceResult: 'ok' });
  });

  it('refuses malformed sync uploads with a 400 and records none of them', async () => {
    const dev = await pairedDevice('Garbled gate');
    const auth = { authorization: `Bearer ${dev.token}` };
    const [tk] = await tickets(1);
    const good = { code: tk!.code, nonce: 'garbled-01', scannedAt: new Date().toISOString(), result: 'ok' };
    const bad = [
      { matchId, cursor: '9000000000000000', scans: [] },
      { matchId, cursor: null, scans: [good, { ...good, nonce: 'garbled-02', scannedAt: '0000-01-01T00:00:00Z' }] },
      { matchId, cursor: null, scans: [good, { ...good, nonce: 'garbled\u000003' }] },
      { matchId, cursor: null, scans: Array.from({ length: 501 }, (_, i) => ({ ...good, nonce: `garbled-${1000 + i}` })) },
    ];
    for (const body of bad) expect((await api('/sync', body, auth)).status).toBe(400);
    expect((await api('/redeem', { code: tk!.code, nonce: 'nul\u0000nonce', matchId }, auth)).status).toBe(400);
    expect(await db().select().from(scan).where(eq(scan.deviceId, dev.deviceId))).toHaveLength(0);
    const [untouched] = await db().select().from(ticket).where(eq(ticket.id, tk!.id));
    expect(untouched!.usedAt).toBeNull();
  });

  it('admits, for a device restricted by the club, only its matches and stands', async () => {
    const { deviceId, pairingCode } = await newDevice({
      name: 'Main stand only',
      kind: 'phone',
      matchIds: [matchId],
      standIds: [mainStandId],
    });
    const { token } = (await (await api('/pair', { code: pairingCode })).json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const [main] = await tickets(1);
    const [north] = await tickets(1, matchId, clubId, northItemId);
    const [elsewhere] = await tickets(1, otherMatchId);
    const scanAs = async (code: string, extra: Record<string, unknown> = {}) =>
      api('/redeem', { code, nonce: randomUUID(), matchId, ...extra }, auth);
    expect((await (await scanAs(north!.code)).json()).result).toBe('wrong_stand');
    expect(await (await scanAs(main!.code, { standId: northStandId })).status).toBe(403);
    expect((await api('/redeem', { code: elsewhere!.code, nonce: randomUUID(), matchId: otherMatchId }, auth)).status).toBe(403);
    expect((await (await scanAs(main!.code, { standId: mainStandId })).json()).result).toBe('ok');
    const [northAfter] = await db().select().from(ticket).where(eq(ticket.id, north!.id));
    expect(northAfter!.usedAt).toBeNull();
    expect((await db().select().from(scan).where(eq(scan.deviceId, deviceId))).map((r) => r.result).sort()).toEqual(['ok', 'wrong_stand']);

    const list = (await (await t.app.request('http://localhost/api/v1/matches', { headers: auth })).json()) as MatchesResponse;
    expect(list.matches.map((m) => m.id)).toEqual([matchId]);
    expect(list.matches[0]!.stands).toEqual([{ id: mainStandId, name: 'Main' }]);
    expect(list.matches[0]!.title).toBe('Gate FC – Visitors');
    // Another club's ids are refused when the device is made.
    const [rivalMatch] = await db().select({ id: match.id }).from(match).where(sql`${match.clubId} <> ${clubId}`).limit(1);
    await expect(newDevice({ name: 'x', kind: 'gate', matchIds: [rivalMatch!.id] })).rejects.toThrow('not_found');
    await expect(newDevice({ name: 'x', kind: 'gate', standIds: [randomUUID()] })).rejects.toThrow('not_found');
  });

  it('lists on the live attendance page each conflict, with the device that counts and the other one', async () => {
    const en = { 'accept-language': 'en' };
    const page = async (id: string) => {
      const response = await owner.owner.get(`${owner.base}/matches/${id}/attendance`, en);
      expect(response.status).toBe(200);
      return response.text();
    };
    /** A conflict's row, cell by cell, as a person reads it. */
    const cells = (html: string, id: string) =>
      [...(new RegExp(`<tr data-conflict="${id}">(.*?)</tr>`).exec(html)?.[1] ?? '').matchAll(/<td>(.*?)<\/td>/g)].map((m) =>
        m[1]!.replace(/<[^>]+>/g, ''),
      );
    expect(await page(otherMatchId)).toContain('No conflict: every ticket entered once.');

    const [tk] = await tickets(1);
    const admittedAt = new Date(Date.now() - 600_000);
    const alsoAt = new Date(Date.now() - 540_000);
    const [twice, forged] = await db()
      .insert(scanConflict)
      .values([
        { clubId, matchId, ticketId: tk!.id, reason: 'already_used', admittedByDevice: gateA, admittedAt, alsoByDevice: gateB, alsoAt },
        { clubId, matchId, ticketId: null, reason: 'bad_signature', alsoByDevice: gateB, alsoAt },
      ])
      .returning();
    const html = await page(matchId);
    // Inside the part of the page that refreshes itself.
    expect(html.indexOf('<section class="card table-wrap" id="conflicts">')).toBeGreaterThan(
      html.indexOf('<div id="attendance" data-live'),
    );
    expect(html).not.toContain('No conflict: every ticket entered once.');
    expect(cells(html, twice!.id)).toEqual([
      formatTime(twice!.detectedAt, 'en'),
      `…${tk!.id.slice(-8)}`,
      'Already used',
      `Gate A · ${formatTime(admittedAt, 'en')}`,
      `Gate B · ${formatTime(alsoAt, 'en')}`,
    ]);
    expect(cells(html, forged!.id)).toEqual([
      formatTime(forged!.detectedAt, 'en'),
      '—',
      'Forged or damaged code',
      'No valid entry',
      `Gate B · ${formatTime(alsoAt, 'en')}`,
    ]);
    // Another match of the club keeps its own (none).
    expect(await page(otherMatchId)).not.toContain(twice!.id);
  });

  it('starts a scanner from a staff member’s session, without a pairing code, until they leave the club', async () => {
    await createUser(t, 'gate.steward@example.be', 'Gaby');
    const steward = await signIn(t, 'gate.steward@example.be');
    expect((await owner.owner.post(`${owner.base}/staff/invite`, { email: 'gate.steward@example.be', role: 'steward' })).status).toBe(303);
    const mail = await t.smtp.waitFor('gate.steward@example.be', /Gate FC/);
    await steward.post(`${new URL(linkIn(mail, 'http://localhost/invitations/')).pathname}/accept`, {});
    expect(await (await steward.get('/scan')).text()).toContain('value="gate-fc"'); // the club to scan for

    const started = await steward.post('/scan/device', { club: owner.slug });
    expect(started.status).toBe(200);
    const { token, deviceId, name } = (await started.json()) as { token: string; deviceId: string; name: string };
    expect(name).toBe('Gaby · browser');
    const auth = { authorization: `Bearer ${token}` };
    const [tk] = await tickets(1);
    expect(await (await api('/redeem', { code: tk!.code, nonce: 'staff-0001', matchId }, auth)).json()).toMatchObject({ result: 'ok' });
    expect(await (await owner.owner.get(`${owner.base}/devices`)).text()).toContain('Gaby · browser'); // listed, revocable

    // Nobody else gets one: not signed in, not on this club's staff, or an unknown club.
    expect((await t.client().post('/scan/device', { club: owner.slug })).status).toBe(401);
    await createUser(t, 'not.staff@example.be');
    expect((await (await signIn(t, 'not.staff@example.be')).post('/scan/device', { club: owner.slug })).status).toBe(404);
    expect((await steward.post('/scan/device', { club: 'no-such-club' })).status).toBe(404);
    expect((await steward.post('/scan/device', { club: owner.slug }, { csrf: false })).status).toBe(403);

    // Removed from the staff: the browser's token stops working at once.
    const [row] = await db()
      .select()
      .from(member)
      .where(and(eq(member.organizationId, clubId), eq(member.role, 'steward')));
    expect((await owner.owner.post(`${owner.base}/staff/${row!.id}/remove`, {})).status).toBe(303);
    expect((await api('/redeem', { code: tk!.code, nonce: 'staff-0002', matchId }, auth)).status).toBe(401);
    expect(await textOf(await owner.owner.get(`${owner.base}/devices`))).toContain(
      'Gaby · browser Steward’s phone Every match, every stand Revoked',
    );

    // When the person erases their account, the device and its scans stay with the club, revoked.
    expect((await steward.post('/account/delete', { password: PASSWORD })).status).toBe(303);
    const [kept] = await db().select().from(device).where(eq(device.id, deviceId));
    expect(kept).toMatchObject({ userId: null });
    expect(kept!.revokedAt).not.toBeNull();
    expect(await db().select().from(scan).where(eq(scan.deviceId, deviceId))).toHaveLength(1);
    expect((await api('/redeem', { code: tk!.code, nonce: 'staff-0003', matchId }, auth)).status).toBe(401);
  });

  it('serves the scanner: page, manifest, service worker, script and the exact zxing WebAssembly, from this site', async () => {
    const get = (path: string) => t.app.request(`http://localhost${path}`);
    const page = await get('/scan');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("'wasm-unsafe-eval'");
    const html = await page.text();
    expect(html).toContain('<link rel="manifest" href="/scan/manifest.webmanifest"');
    const [, script, wasmUrl] =
      /src="(\/assets\/scanner\.[0-9a-f]{10}\.js)" data-wasm-url="(\/assets\/zxing_reader\.[0-9a-f]{10}\.wasm)"/.exec(html)!;
    const manifest = (await (await get('/scan/manifest.webmanifest')).json()) as { start_url: string; scope: string };
    expect(manifest).toMatchObject({ start_url: '/scan', scope: '/scan' });
    const worker = await get('/scan-sw.js');
    expect(worker.headers.get('content-type')).toContain('javascript');
    expect(await worker.text()).toContain(`"${wasmUrl}"`); // pre-cached under the name the page uses
    const wasm = await get(wasmUrl!);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    const digest = createHash('sha256')
      .update(new Uint8Array(await wasm.arrayBuffer()))
      .digest('hex');
    expect(digest).toBe(ZXING_WASM_SHA256);
    expect((await get(script!)).status).toBe(200);
  });

  it('shows the club, per stand, who is in and which scans were refused, and why', async () => {
    /** The figures the attendance page shows, read from its HTML as a person reads the table. */
    const figures = async () => {
      const response = await owner.owner.get(`${owner.base}/matches/${matchId}/attendance`);
      expect(response.status).toBe(200);
      const html = await response.text();
      const stand = /<tr data-stand="Main"><th scope="row">Main<\/th><td>\d+<\/td><td>(\d+)<\/td><td>(\d+)<\/td>/.exec(html);
      const reason = (r: string) =>
        Number(new RegExp(`<tr data-reason="${r}"><th scope="row">[^<]+</th><td>(\\d+)</td>`).exec(html)?.[1] ?? 0);
      return {
        sold: Number(stand?.[1] ?? 0),
        admitted: Number(stand?.[2] ?? 0),
        already_used: reason('already_used'),
        revoked: reason('revoked'),
        bad_signature: reason('bad_signature'),
      };
    };
    const before = await figures();
    const batch = await tickets(4);
    await redeem(gateA, batch[0]!.code);
    await redeem(gateB, batch[1]!.code);
    await redeem(gateB, batch[1]!.code); // already used
    await db().update(ticket).set({ status: 'revoked', revokedAt: new Date() }).where(eq(ticket.id, batch[2]!.id));
    await redeem(gateA, batch[2]!.code); // refunded: no longer sold, refused
    await redeem(gateA, `${batch[3]!.code.slice(0, -1)}${batch[3]!.code.at(-1) === 'A' ? 'B' : 'A'}`); // tampered
    expect(await figures()).toEqual({
      sold: before.sold + 3,
      admitted: before.admitted + 2,
      already_used: before.already_used + 1,
      revoked: before.revoked + 1,
      bad_signature: before.bad_signature + 1,
    });

    // Entries per minute, Brussels time: every admitted ticket counted once, in its minute.
    const html = await (await owner.owner.get(`${owner.base}/matches/${matchId}/attendance`)).text();
    // Every open stand is listed with its seats, also one nobody has bought a ticket for yet.
    expect(html).toMatch(/<tr data-stand="North"><th scope="row">North<\/th><td>500<\/td><td>\d+<\/td><td>\d+<\/td>/);
    const minutes = [...html.matchAll(/<tr data-minute="(\d{4}-\d\d-\d\dT\d\d:\d\d)"><td>[^<]+<\/td><td>(\d+)<\/td>/g)];
    expect(minutes.length).toBeGreaterThan(0);
    expect(minutes.reduce((sum, m) => sum + Number(m[2]), 0)).toBe(before.admitted + 2);
    const [admittedNow] = await db().select({ usedAt: ticket.usedAt }).from(ticket).where(eq(ticket.id, batch[0]!.id));
    expect(minutes.map((m) => m[1])).toContain(toBrusselsLocal(admittedNow!.usedAt!));

    // Every scan in a CSV, for the report after the match: time, device, result, ticket, stand.
    const csv = await owner.owner.get(`${owner.base}/matches/${matchId}/attendance.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('scanned_at_brussels,device,direction,method,result,ticket_id,stand,category,order_reference,buyer,email');
    // Sorted: two scans in the same millisecond have no order of their own.
    const ofTicket = (id: string) =>
      lines
        .filter((l) => l.includes(id))
        .map((l) => l.split(',').slice(1))
        .sort();
    // The order and its buyer too, so the report names who came and who was turned away.
    const order = ['FA-GATE001', '', 'fan@example.be'];
    expect(ofTicket(batch[0]!.id)).toEqual([['Gate A', 'in', 'qr', 'ok', batch[0]!.id, 'Main', 'adult', ...order]]);
    expect(ofTicket(batch[1]!.id)).toEqual([
      ['Gate B', 'in', 'qr', 'already_used', batch[1]!.id, 'Main', 'adult', ...order],
      ['Gate B', 'in', 'qr', 'ok', batch[1]!.id, 'Main', 'adult', ...order],
    ]);
    expect(ofTicket(batch[2]!.id)).toEqual([['Gate A', 'in', 'qr', 'revoked', batch[2]!.id, 'Main', 'adult', ...order]]);
    const forged = lines.filter((l) => l.split(',')[4] === 'bad_signature');
    expect(forged).toHaveLength(before.bad_signature + 1);
    for (const line of forged) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d,Gate [AB],in,qr,bad_signature,,,,,,$/);
  });

  const codeOf = async (id: string) => (await db().select().from(ticket).where(eq(ticket.id, id)))[0]!;

  describe('one entry per seat, whatever code it is scanned with', () => {
    let holderId = '';
    let holder: Awaited<ReturnType<typeof signIn>>;
    let holderOrder = '';
    const key = () => t.runtime.deps.config.sales.ticketSealingKey;

    beforeAll(async () => {
      holderId = (await createUser(t, 'seat-holder@example.be', 'Sam Holder')).id;
      holder = await signIn(t, 'seat-holder@example.be');
      const [line] = await db().select().from(orderItem).where(eq(orderItem.id, orderItemId));
      const paid = await insertPaidOrder(db(), {
        clubId,
        matchId,
        reference: 'FA-SEATS01',
        lines: [{ matchStandId: line!.matchStandId!, category: 'adult', unitPriceCents: 1000, quantity: 200 }],
      });
      holderOrder = paid.orderId;
      await db().update(order).set({ userId: holderId }).where(eq(order.id, holderOrder));
    });

    /** `n` tickets of the holder's own order. */
    async function ownTickets(n: number) {
      const [item] = await db().select().from(orderItem).where(eq(orderItem.orderId, holderOrder));
      const k = await db().transaction((tx) => activeSigningKey(tx, clubId, key()));
      return insertSignedTickets(db(), k, { clubId, matchId, orderId: holderOrder, orderItemId: item!.id }, n);
    }
    const seatAdmissions = async (seatId: string) =>
      (await db().select().from(ticket).where(eq(ticket.seatId, seatId))).filter((tk) => tk.status === 'valid' && tk.usedAt).length;

    it('refuses to re-issue a ticket that entered, saying why, and makes no new code', async () => {
      const [tk] = await ownTickets(1);
      expect((await redeem(gateA, tk!.code)).result).toBe('ok');
      const refused = await holder.post(`/account/tickets/${tk!.id}/reissue`, {});
      expect(refused.status).toBe(409);
      expect(await textOf(refused)).toContain('This ticket has already been used to enter');
      expect(await db().select().from(ticket).where(eq(ticket.seatId, tk!.id))).toMatchObject([{ id: tk!.id, status: 'valid' }]);
      const page = await textOf(await holder.get(`/account/tickets/${tk!.id}`));
      expect(page).toMatch(/Entered at \d\d:\d\d:\d\d/);
      expect(page).not.toContain('My code leaked');
    });

    it('admits a re-issued seat once: the old code is revoked, the new one enters once and cannot be re-issued again', async () => {
      const [tk] = await ownTickets(1);
      const reissued = await holder.post(`/account/tickets/${tk!.id}/reissue`, {});
      expect(reissued.status).toBe(303);
      const successor = await codeOf(reissued.headers.get('location')!.split('/').at(-1)!);
      expect(successor).toMatchObject({ seatId: tk!.id, status: 'valid', usedAt: null });
      expect((await redeem(gateA, tk!.code)).result).toBe('revoked');
      expect(await textOf(await holder.get(`/account/tickets/${tk!.id}`))).toContain('Replaced by a new code');
      expect((await redeem(gateA, successor.code)).result).toBe('ok');
      expect((await redeem(gateB, successor.code)).result).toBe('already_used');
      expect((await holder.post(`/account/tickets/${successor.id}/reissue`, {})).status).toBe(409);
      expect((await redeem(gateB, tk!.code)).result).toBe('revoked');
      expect(await seatAdmissions(tk!.id)).toBe(1);
    });

    it('gives any new code of a seat that entered that entry, and one valid code per seat, in the database itself', async () => {
      const [tk] = await ownTickets(1);
      expect((await redeem(gateA, tk!.code)).result).toBe('ok');
      const entered = await codeOf(tk!.id);
      const k = await db().transaction((tx) => activeSigningKey(tx, clubId, key()));
      // A future path (transfer, lending) that forgets to carry the entry still gets it from the database.
      const id = randomUUID();
      const fresh = {
        ...entered,
        id,
        code: sign({ keyId: k.keyId, ticketId: id, matchId }, k.privateKey),
        shortCode: drawShortCode(),
        usedAt: null,
        usedByDevice: null,
      };
      await db().update(ticket).set({ status: 'revoked', revokedAt: new Date() }).where(eq(ticket.id, tk!.id));
      await db().insert(ticket).values(fresh);
      expect(await codeOf(id)).toMatchObject({ usedAt: entered.usedAt, usedByDevice: gateA });
      expect((await redeem(gateB, fresh.code)).result).toBe('already_used');
      const twin = randomUUID();
      await expect(
        db()
          .insert(ticket)
          .values({
            ...fresh,
            id: twin,
            shortCode: drawShortCode(),
            code: sign({ keyId: k.keyId, ticketId: twin, matchId }, k.privateKey),
          }),
      ).rejects.toThrow();
    });

    it('admits each seat once when its code is scanned while the holder re-issues it and the new code is scanned at once', async () => {
      const batch = await ownTickets(40);
      const outcomes = await Promise.all(
        batch.map(async (tk) => {
          const reissueThenScan = async () => {
            try {
              const id = await db().transaction((tx) =>
                reissueTicket(
                  tx,
                  { config: { ticketSealingKey: key() } },
                  { actor: { userId: holderId, name: 'Sam Holder' }, ticketId: tk.id },
                ),
              );
              return (await redeem(gateB, (await codeOf(id)).code)).result;
            } catch (error) {
              if ((error as { code?: string }).code === 'ticket_used') return 'refused';
              throw error;
            }
          };
          const [old, renewed] = await Promise.all([redeem(gateA, tk.code), reissueThenScan()]);
          return [old.result, renewed];
        }),
      );
      for (const [i, tk] of batch.entries()) {
        expect(outcomes[i]!.filter((r) => r === 'ok')).toHaveLength(1);
        expect(await seatAdmissions(tk.id)).toBe(1);
      }
    });

    it('counts an offline entry made before a re-issue on the new code, and refuses the old code scanned after it', async () => {
      const dev = await pairedDevice('Offline seats');
      const [before, after] = await ownTickets(2);
      const scannedBefore = new Date(Date.now() - 60_000);
      const firstNew = await codeOf(
        await db().transaction((tx) =>
          reissueTicket(
            tx,
            { config: { ticketSealingKey: key() } },
            { actor: { userId: holderId, name: 'Sam Holder' }, ticketId: before!.id },
          ),
        ),
      );
      expect(await sync(dev.token, [offline(before!.code, scannedBefore)])).toMatchObject({
        uploaded: [{ result: 'ok', conflict: false }],
      });
      expect(await codeOf(firstNew.id)).toMatchObject({ usedAt: scannedBefore, usedByDevice: dev.deviceId });
      expect((await redeem(gateA, firstNew.code)).result).toBe('already_used');

      const secondNew = await codeOf(
        await db().transaction((tx) =>
          reissueTicket(
            tx,
            { config: { ticketSealingKey: key() } },
            { actor: { userId: holderId, name: 'Sam Holder' }, ticketId: after!.id },
          ),
        ),
      );
      expect(await sync(dev.token, [offline(after!.code, new Date())])).toMatchObject({
        uploaded: [{ result: 'revoked', conflict: true }],
      });
      expect((await redeem(gateA, secondNew.code)).result).toBe('ok');
      expect(await seatAdmissions(before!.id)).toBe(1);
      expect(await seatAdmissions(after!.id)).toBe(1);
    });
  });

  describe('a nonce answers for one code only', () => {
    const redeemApi = (token: string, code: string, nonce: string) =>
      api('/redeem', { code, nonce, matchId }, { authorization: `Bearer ${token}` });

    it('replays the first answer for the same code, and refuses the same nonce with another or a garbage code, admitting nothing', async () => {
      const dev = await pairedDevice('Counter gate');
      const [first, second] = await tickets(2);
      const nonce = 'gate-000001'; // a counter that started over after a restart
      expect(await (await redeemApi(dev.token, first!.code, nonce)).json()).toMatchObject({ result: 'ok' });
      expect(await (await redeemApi(dev.token, first!.code, nonce)).json()).toMatchObject({ result: 'ok' });
      for (const code of [second!.code, 'FA1:garbage']) {
        const refused = await redeemApi(dev.token, code, nonce);
        expect(refused.status).toBe(409);
        expect(await refused.json()).toMatchObject({ error: 'nonce_reused' });
      }
      expect((await codeOf(second!.id)).usedAt).toBeNull();
      expect(await (await redeemApi(dev.token, second!.code, 'gate-000002')).json()).toMatchObject({ result: 'ok' });
    });

    it('lets one of two codes sent at once with the same nonce through, never both', async () => {
      const batch = await tickets(40);
      for (let i = 0; i < batch.length; i += 2) {
        const nonce = randomUUID();
        const answers = await Promise.allSettled([redeem(gateA, batch[i]!.code, nonce), redeem(gateA, batch[i + 1]!.code, nonce)]);
        expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
        expect(answers.find((a) => a.status === 'rejected')?.reason).toMatchObject({ code: 'nonce_reused' });
        const used = [await codeOf(batch[i]!.id), await codeOf(batch[i + 1]!.id)].filter((tk) => tk.usedAt);
        expect(used).toHaveLength(1);
      }
    });

    it('refuses an offline upload whose nonce was used for another code, online or in the same upload, and records nothing for it', async () => {
      const dev = await pairedDevice('Offline counter');
      const [online, a, b] = await tickets(3);
      await redeemApi(dev.token, online!.code, 'count-000001');
      const scans = [
        { ...offline(a!.code, new Date()), nonce: 'count-000001' },
        { ...offline(a!.code, new Date()), nonce: 'count-000002' },
        { ...offline(b!.code, new Date()), nonce: 'count-000002' },
      ];
      const { uploaded } = await sync(dev.token, scans);
      expect(uploaded).toMatchObject([
        { nonce: 'count-000001', error: 'nonce_reused' },
        { nonce: 'count-000002', result: 'ok', conflict: false },
        { nonce: 'count-000002', error: 'nonce_reused' },
      ]);
      expect((await codeOf(a!.id)).usedByDevice).toBe(dev.deviceId);
      expect((await codeOf(b!.id)).usedAt).toBeNull();
      expect(await db().select().from(scan).where(eq(scan.deviceId, dev.deviceId))).toHaveLength(2);
      // Sent again, the upload gets the same answers and changes nothing.
      expect((await sync(dev.token, scans)).uploaded).toEqual(uploaded);
    });
  });

  describe('the shared verdict table (@footarena/checkin-rules), online', () => {
    let otherClubKey: { keyId: string; privateKey: string };
    let product = '';
    /** A season product on the Main stand covering the match, for the season cases. */
    const verdictProduct = async () => {
      product ||= await insertSeasonProduct(db(), { clubId, standId: mainStandId, matchIds: [matchId] });
      return product;
    };
    beforeAll(async () => {
      const other = await clubWithOwner(t, 'Verdict Rivals');
      otherClubKey = await db().transaction((tx) => activeSigningKey(tx, other.club.id, t.runtime.deps.config.sales.ticketSealingKey));
    });

    for (const tc of VERDICT_CASES) {
      it(`answers ${tc.online} for ${tc.name}`, async () => {
        const key = await db().transaction((tx) => activeSigningKey(tx, clubId, t.runtime.deps.config.sales.ticketSealingKey));
        const seasonal = tc.code === 'season_pass' || tc.code === 'other_season';
        // A season case's ticket is the pass's row on this match (decision 021).
        const pass = seasonal ? (await buySeasonPasses(t, { clubId, productId: await verdictProduct() })).passes[0]! : null;
        const [tk] = pass
          ? await db()
              .select()
              .from(ticket)
              .where(and(eq(ticket.seasonPassId, pass.id), eq(ticket.matchId, matchId)))
          : await tickets(1, matchId, clubId, tc.stand === 'admitted' ? orderItemId : northItemId);
        const ticketId = tc.ticket === 'missing' ? randomUUID() : tk!.id;
        const season = {
          passId: pass && tc.ticket !== 'missing' ? pass.id : randomUUID(),
          productId: pass ? await verdictProduct() : randomUUID(),
          otherProductId: randomUUID(),
        };
        if (tc.ticket === 'revoked')
          await db().update(ticket).set({ status: 'revoked', revokedAt: new Date() }).where(eq(ticket.id, ticketId));
        if (tc.ticket === 'used' || tc.ticket === 'admitted_here')
          expect((await redeem(tc.ticket === 'used' ? gateB : gateA, tk!.code)).result).toBe('ok');
        const code = codeFor(tc.code, { ticketId, matchId, otherMatchId }, { club: key, otherClub: otherClubKey }, season);
        const gatesOpenAt = new Date(Date.now() + (tc.gates === 'open' ? -60_000 : 3_600_000));
        const answer = await redeemTicket(
          db(),
          {},
          {
            clubId,
            matchId,
            deviceId: gateA,
            nonce: randomUUID(),
            code,
            standIds: [mainStandId],
            gatesOpenAt,
          },
        );
        expect(answer.result).toBe(tc.online);
      });
    }
  });
});
