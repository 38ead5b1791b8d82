import { randomUUID } from 'node:crypto';
import type { SyncResponse } from '@footarena/gate-protocol';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { device, match, matchStand, scanConflict, ticket } from '../src/db/schema/index.ts';
import { createMatch } from '../src/domain/catalog/create-match.ts';
import { createStand } from '../src/domain/catalog/create-stand.ts';
import { createVenue } from '../src/domain/catalog/create-venue.ts';
import { setMatchStands } from '../src/domain/catalog/set-match-stands.ts';
import { redeemTicket } from '../src/domain/checkin/redeem-ticket.ts';
import { summarizeAttendance } from '../src/domain/checkin/summarize-attendance.ts';
import { clubWithOwner, competitionId } from './support/catalog.ts';
import { databaseKinds, startTestApp, type TestApp } from './support/harness.ts';
import { buySeasonPasses, insertSeasonProduct } from './support/season-gate.ts';

describe.each(databaseKinds())('a season pass at the gate on %s', (kind) => {
  let t: TestApp;
  const db = () => t.runtime.deps.db;
  let clubId = '';
  let standId = '';
  let owner: Awaited<ReturnType<typeof clubWithOwner>>;
  /** Two covered matches and one the product does not cover. */
  let [m1, m2, m3] = ['', '', ''];
  let productId = '';
  let gateA = '';
  let gateB = '';

  const system = { kind: 'system' } as const;

  async function aMatch(venueId: string, days: number) {
    const competition = await competitionId(t);
    const matchId = await db().transaction((tx) =>
      createMatch(
        tx,
        {},
        {
          actor: system,
          clubId,
          match: {
            isHome: true,
            opponentName: `Visitors ${days}`,
            competitionId: competition,
            venueId,
            kickoffAt: new Date(Date.now() + days * 86_400_000),
            orderLimit: 10,
          },
        },
      ),
    );
    await db().transaction((tx) =>
      setMatchStands(tx, {}, { actor: system, clubId, matchId, stands: [{ standId, open: true, prices: {} }] }),
    );
    return matchId;
  }

  const redeem = async (deviceId: string, code: string, matchId: string, nonce = randomUUID()) => {
    const [m] = await db().select({ gatesOpenAt: match.gatesOpenAt }).from(match).where(eq(match.id, matchId));
    return redeemTicket(db(), {}, { clubId, matchId, deviceId, nonce, code, standIds: null, gatesOpenAt: m!.gatesOpenAt });
  };

  const api = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    t.app.request(`http://localhost/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  async function pairedDevice(name: string) {
    const page = await owner.owner.post(`${owner.base}/devices`, { name, kind: 'gate' });
    const code = /<p class="pairing-code">([2-9A-HJKMNP-Z]{8})<\/p>/.exec(await page.text())![1]!;
    const paired = await api('/pair', { code });
    expect(paired.status).toBe(200);
    return (await paired.json()) as { token: string; deviceId: string };
  }

  const sync = async (token: string, matchId: string, scans: unknown[], cursor: string | null = null) => {
    const response = await api('/sync', { matchId, cursor, scans }, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    return (await response.json()) as SyncResponse;
  };

  const rowOf = async (passId: string, matchId: string) => {
    const rows = await db()
      .select()
      .from(ticket)
      .where(and(eq(ticket.seasonPassId, passId), eq(ticket.matchId, matchId)));
    return rows.find((r) => r.status === 'valid') ?? rows[0]!;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    owner = await clubWithOwner(t, 'Season Gate FC');
    clubId = owner.club.id;
    const venueId = await createVenue(
      db(),
      {},
      { actor: system, clubId, venue: { name: 'Ground', street: 'Rue 1', postalCode: '1000', commune: 'Bruxelles' } },
    );
    standId = await db().transaction((tx) =>
      createStand(tx, {}, { actor: system, clubId, venueId, stand: { name: 'Tribune', capacity: 100, prices: { adult: 1000 } } }),
    );
    m1 = await aMatch(venueId, 7);
    m2 = await aMatch(venueId, 14);
    m3 = await aMatch(venueId, 21);
    productId = await insertSeasonProduct(db(), { clubId, standId, matchIds: [m1, m2] });
    const gates = await db()
      .insert(device)
      .values([
        { clubId, name: 'Gate A', kind: 'gate' },
        { clubId, name: 'Gate B', kind: 'gate' },
      ])
      .returning();
    [gateA, gateB] = [gates[0]!.id, gates[1]!.id];
  });
  afterAll(() => t?.close());

  it('enters once per covered match online: ok, already_used (when, where), ok at the next match, wrong_match elsewhere', async () => {
    const { passes } = await buySeasonPasses(t, { clubId, productId });
    const pass = passes[0]!;
    const first = await redeem(gateA, pass.code, m1);
    const row1 = await rowOf(pass.id, m1);
    expect(first).toMatchObject({ result: 'ok', ticketId: row1.id, ticket: { id: row1.id, stand: 'Tribune', category: 'adult' } });
    const again = await redeem(gateB, pass.code, m1);
    expect(again).toMatchObject({ result: 'already_used', ticketId: row1.id, entry: { device: 'Gate A' } });
    expect(again.entry!.at.getTime()).toBe((await rowOf(pass.id, m1)).usedAt!.getTime());
    expect(await redeem(gateB, pass.code, m2)).toMatchObject({ result: 'ok', ticketId: (await rowOf(pass.id, m2)).id });
    expect((await redeem(gateA, pass.code, m3)).result).toBe('wrong_match');
    // Its short code typed at a covered match names the same row.
    expect((await redeem(gateA, pass.shortCode, m2)).result).toBe('already_used');
    expect((await redeem(gateA, pass.shortCode, m3)).result).toBe('unknown');
    // The attendance (and the scanners' counters) count the passes in their product's stand.
    const seen = await summarizeAttendance(db(), clubId, m1);
    expect(seen.stands.find((s) => s.name === 'Tribune')).toMatchObject({ sold: passes.length, admitted: 1 });
  });

  it('admits a typed pass short code once, and refuses a revoked row of the pass', async () => {
    const { passes } = await buySeasonPasses(t, { clubId, productId, quantity: 2 });
    const [typed, revoked] = passes;
    expect(await redeem(gateA, `${typed!.shortCode.slice(0, 3)}-${typed!.shortCode.slice(3)}`.toLowerCase(), m1)).toMatchObject({
      result: 'ok',
      ticketId: (await rowOf(typed!.id, m1)).id,
    });
    expect((await redeem(gateB, typed!.code, m1)).result).toBe('already_used');
    await db()
      .update(ticket)
      .set({ status: 'revoked', revokedAt: new Date() })
      .where(eq(ticket.id, (await rowOf(revoked!.id, m2)).id));
    expect((await redeem(gateA, revoked!.code, m2)).result).toBe('revoked');
    expect((await redeem(gateA, revoked!.code, m1)).result).toBe('ok');
  });

  it('admits each of 50 passes once when two gates scan them at the same moment (PostgreSQL: concurrent requests)', async () => {
    const { passes } = await buySeasonPasses(t, { clubId, productId, quantity: 50 });
    const answers = await Promise.all(passes.flatMap((p) => [redeem(gateA, p.code, m2), redeem(gateB, p.code, m2)]));
    const counts: Record<string, number> = {};
    for (const a of answers) counts[a.result] = (counts[a.result] ?? 0) + 1;
    expect(counts).toEqual({ ok: 50, already_used: 50 });
  });

  it('syncs the covering products and each pass → row, and an offline entry uploaded by the pass code counts on its row once', async () => {
    const dev = await pairedDevice('Season scanner');
    const { passes } = await buySeasonPasses(t, { clubId, productId, quantity: 2 });
    const [pass, other] = passes;
    const full = await sync(dev.token, m1, []);
    expect(full.seasonProducts).toEqual([productId]);
    expect(full.passes![pass!.id]).toBe((await rowOf(pass!.id, m1)).id);
    expect(full.shortCodes[pass!.shortCode]).toBe((await rowOf(pass!.id, m1)).id);
    expect((await sync(dev.token, m3, [])).seasonProducts).toEqual([]);

    // Revoked after the sync (lent, given back, revoked): the next sync carries the revocation.
    const revokedRow = (await rowOf(other!.id, m1)).id;
    await db().update(ticket).set({ status: 'revoked', revokedAt: new Date() }).where(eq(ticket.id, revokedRow));
    const next = await sync(dev.token, m1, [], full.cursor);
    expect(next.revoked).toContain(revokedRow);
    expect(next.passes![other!.id]).toBe(revokedRow);

    const scanned = (at: Date) => ({ code: pass!.code, nonce: randomUUID(), scannedAt: at.toISOString(), result: 'ok' });
    const uploaded = await sync(
      dev.token,
      m1,
      [scanned(new Date(Date.now() - 60_000)), scanned(new Date(Date.now() - 30_000))],
      next.cursor,
    );
    expect(uploaded.uploaded.map((u) => 'result' in u && [u.result, u.conflict])).toEqual([
      ['ok', false],
      ['already_used', true],
    ]);
    const row = await rowOf(pass!.id, m1);
    expect(row.usedAt).not.toBeNull();
    expect(await db().select().from(scanConflict).where(eq(scanConflict.ticketId, row.id))).toHaveLength(1);
    expect((await sync(dev.token, m1, [], next.cursor)).used).toContain(row.id);
  });

  it('answers a pass code through the device API, resolved to its row', async () => {
    const dev = await pairedDevice('Season phone');
    const { passes } = await buySeasonPasses(t, { clubId, productId });
    const auth = { authorization: `Bearer ${dev.token}` };
    const scanAt = async (matchId: string, code: string) => (await api('/redeem', { code, nonce: randomUUID(), matchId }, auth)).json();
    expect(await scanAt(m2, passes[0]!.code)).toMatchObject({ result: 'ok', ticket: { id: (await rowOf(passes[0]!.id, m2)).id } });
    expect(await scanAt(m2, passes[0]!.code)).toMatchObject({ result: 'already_used' });
    expect(await scanAt(m3, passes[0]!.code)).toMatchObject({ result: 'wrong_match' });
    expect(await scanAt(m1, passes[0]!.shortCode)).toMatchObject({ result: 'ok' });
    const [stand] = await db().select().from(matchStand).where(eq(matchStand.matchId, m1));
    expect(stand!.sold).toBeGreaterThan(0);
  });
});
