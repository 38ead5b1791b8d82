import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CASE_SEASON, codeFor, seasonListsFor, VERDICT_CASES } from '@footarena/checkin-rules/cases';
import { generateKeyPair } from '@footarena/ticket-code';
import { afterAll, describe, expect, it } from 'vitest';
import { Connectivity } from './connectivity.ts';
import { DeviceApi } from './device-api.ts';
import { GateStore } from './store.ts';
import { Validator } from './validator.ts';

const club = generateKeyPair();
const otherClub = generateKeyPair();
const matchId = crypto.randomUUID();
const otherMatchId = crypto.randomUUID();
const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

/** A gate whose server cannot be reached, with the lists of its last sync. */
async function offlineGate(lists: {
  revoked?: string[];
  used?: string[];
  gatesOpenAt?: Date;
  seasonProducts?: string[];
  passes?: Record<string, string>;
}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'gate-validator-'));
  folders.push(dir);
  const store = new GateStore(dir);
  await store.saveDevice({ deviceId: crypto.randomUUID(), token: 'x'.repeat(43), clubId: 'club', name: 'Gate' });
  await store.saveLists({
    matchId,
    cursor: '1',
    keys: { [club.keyId]: club.publicKey },
    revoked: lists.revoked ?? [],
    used: lists.used ?? [],
    gatesOpenAt: lists.gatesOpenAt?.toISOString() ?? null,
    seasonProducts: lists.seasonProducts,
    passes: lists.passes,
  });
  const networkDown: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
  const connectivity = new Connectivity();
  const validator = new Validator({
    api: new DeviceApi('http://127.0.0.1:9', 'x'.repeat(43), networkDown),
    store,
    connectivity,
    redeemTimeoutMs: 500,
    standId: crypto.randomUUID(),
  });
  validator.setMatch(matchId);
  return { store, validator, connectivity, dir };
}

describe('the shared verdict table (@footarena/checkin-rules), at the gate offline', () => {
  for (const tc of VERDICT_CASES) {
    it(`answers ${tc.offline} for ${tc.name}`, async () => {
      const ticketId = crypto.randomUUID();
      const now = Date.now();
      const gate = await offlineGate({
        revoked: tc.ticket === 'revoked' ? [ticketId] : [],
        used: tc.ticket === 'used' ? [ticketId] : [],
        gatesOpenAt: new Date(now + (tc.gates === 'open' ? -60_000 : 3_600_000)),
        ...seasonListsFor(tc, ticketId),
      });
      const code = codeFor(tc.code, { ticketId, matchId, otherMatchId }, { club, otherClub });
      if (tc.ticket === 'admitted_here') expect(await gate.validator.validate(code)).toMatchObject({ result: 'ok', offline: true });
      expect(await gate.validator.validate(code)).toMatchObject({ result: tc.offline, offline: true });
    });
  }
});

describe('a season pass at the gate offline', () => {
  it('enters once per covered match by its row, is refused where lent or given back, and where its product does not cover the match', async () => {
    const row = crypto.randomUUID();
    const lentRow = crypto.randomUUID();
    const [pass, lent, sinceSync] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const gate = await offlineGate({
      revoked: [lentRow],
      seasonProducts: [CASE_SEASON.productId],
      passes: { [pass]: row, [lent]: lentRow },
    });
    const codeOf = (passId: string, productId: string = CASE_SEASON.productId) =>
      codeFor('season_pass', { ticketId: row, matchId, otherMatchId }, { club, otherClub }, { ...CASE_SEASON, passId, productId });
    expect(await gate.validator.validate(codeOf(pass))).toMatchObject({ result: 'ok', ticketId: row, offline: true });
    expect(await gate.validator.validate(codeOf(pass))).toMatchObject({ result: 'already_used', ticketId: row });
    expect(await gate.validator.validate(codeOf(lent))).toMatchObject({ result: 'revoked', ticketId: lentRow });
    // Sold since the sync: presumed valid once, queued by its code for the server to resolve.
    expect(await gate.validator.validate(codeOf(sinceSync))).toMatchObject({ result: 'ok', ticketId: sinceSync });
    expect(await gate.validator.validate(codeOf(sinceSync))).toMatchObject({ result: 'already_used' });
    expect(await gate.validator.validate(codeOf(pass, crypto.randomUUID()))).toMatchObject({ result: 'wrong_match' });
    const queued = JSON.parse(readFileSync(path.join(gate.dir, 'queue.json'), 'utf8'));
    expect(queued.map((q: { code: string; result: string }) => q.result)).toEqual([
      'ok',
      'already_used',
      'revoked',
      'ok',
      'already_used',
      'wrong_match',
    ]);
    expect(queued[3].code).toBe(codeOf(sinceSync));
  });
});

describe('the gate deciding offline', () => {
  it('queues every scan on disk, with its nonce, before giving the verdict, and says the server is unreachable', async () => {
    const ticketId = crypto.randomUUID();
    const gate = await offlineGate({});
    const code = codeFor('genuine', { ticketId, matchId, otherMatchId }, { club, otherClub });
    await gate.validator.validate(code);
    await gate.validator.validate('FA1:nonsense');
    const queued = JSON.parse(readFileSync(path.join(gate.dir, 'queue.json'), 'utf8'));
    expect(queued).toMatchObject([
      { matchId, code, result: 'ok' },
      { matchId, code: 'FA1:nonsense', result: 'unknown' },
    ]);
    expect(new Set(queued.map((q: { nonce: string }) => q.nonce)).size).toBe(2);
    expect(gate.connectivity).toMatchObject({ online: false, lastError: expect.stringContaining('server unreachable') });
    // A restart (power cut) finds the queue again.
    expect(new GateStore(gate.dir).queue).toHaveLength(2);
  });

  it('refuses without asking anyone when it has no match yet, or the code is empty or too long', async () => {
    const gate = await offlineGate({});
    expect(await gate.validator.validate('   ')).toMatchObject({ result: 'unknown' });
    expect(await gate.validator.validate(`FA1:${'A'.repeat(600)}`)).toMatchObject({ result: 'unknown' });
    gate.validator.setMatch(null);
    expect(await gate.validator.validate('FA1:x')).toMatchObject({ result: 'wrong_match' });
    expect(gate.store.queue).toEqual([]);
  });

  it('sets a corrupt file aside instead of losing it', async () => {
    const gate = await offlineGate({});
    await gate.validator.validate('FA1:x');
    const { writeFileSync, existsSync } = await import('node:fs');
    writeFileSync(path.join(gate.dir, 'queue.json'), '[{"half": ');
    expect(new GateStore(gate.dir).queue).toEqual([]);
    expect(existsSync(path.join(gate.dir, 'queue.json.corrupt'))).toBe(true);
  });
});
