import { randomUUID } from 'node:crypto';
import { codeFor } from '@footarena/checkin-rules/cases';
import type { RedeemResponse } from '@footarena/gate-protocol';
import { checkCharacter, generateKeyPair } from '@footarena/ticket-code';
import { describe, expect, it } from 'vitest';
import { type Api, type ApiCall, Refused, Unauthorized } from './api.ts';
import { memoryStorage } from './fake-storage.ts';
import type { MatchData } from './match-data.ts';
import { ScanQueue } from './queue.ts';
import { judgeScan, ScanLine } from './scan.ts';
import type { Session } from './session.ts';
import { createStore } from './storage.ts';

const club = generateKeyPair();
const otherClub = generateKeyPair();
const matchId = randomUUID();
const now = () => new Date('2026-11-01T14:00:00.000Z');
const device = { deviceId: 'd1', token: 'tok', clubId: 'club', name: 'Gate 1' };

function setUp(redeem: (call: ApiCall) => RedeemResponse | Error, session: Partial<Session> = {}) {
  const local = memoryStorage();
  const store = createStore(() => local);
  const queue = new ScanQueue(store);
  const calls: ApiCall[] = [];
  const api = (async (_path: string, call: ApiCall = {}) => {
    calls.push(call);
    const reply = redeem(call);
    if (reply instanceof Error) throw reply;
    return reply;
  }) as Api;
  const data: MatchData = {
    cursor: '1000',
    keys: { [club.keyId]: club.publicKey },
    revoked: [],
    used: [],
    gatesOpenAt: '2026-11-01T13:00:00.000Z',
    attendance: { expected: 3, admitted: 0, stands: [{ id: 's1', name: 'Main', expected: 3, admitted: 0 }] },
  };
  const s: Session = { device, matchId, standId: '', data, online: true, ...session };
  return { parts: { session: s, queue, api, store }, session: s, queue, store, calls };
}

const ticketCode = (ticketId: string) => codeFor('genuine', { ticketId, matchId, otherMatchId: randomUUID() }, { club, otherClub });
const offline = () => new TypeError('Failed to fetch');

describe('one scan', () => {
  it('online, shows the server’s answer and counts the admission in the ticket’s stand', async () => {
    const ticket = { id: randomUUID(), stand: 'Main', category: 'adult', holderFirstName: 'Ann' };
    const { parts, session, queue, store, calls } = setUp(() => ({ result: 'ok', ticket }), { standId: 's1' });
    expect(await judgeScan(parts, 'FA1:code', now)).toEqual({
      kind: 'verdict',
      result: 'ok',
      ticket,
      offline: false,
      admitted: true,
      queued: false,
      direction: 'in',
      entry: null,
    });
    expect(calls[0]?.body).toMatchObject({ code: 'FA1:code', matchId, standId: 's1' });
    expect(session.data?.used).toEqual([ticket.id]);
    expect(session.data?.attendance?.stands[0]?.admitted).toBe(1);
    expect(store.get<MatchData>(`data.${matchId}`)?.used).toEqual([ticket.id]); // kept for when the phone reopens
    expect(queue.length).toBe(0);
  });

  it('online, counts nothing for a refusal', async () => {
    const ticket = { id: randomUUID(), stand: 'Main', category: 'adult', holderFirstName: null };
    const { parts, session } = setUp(() => ({ result: 'already_used', ticket }));
    expect(await judgeScan(parts, 'FA1:code', now)).toMatchObject({ result: 'already_used', admitted: false });
    expect(session.data?.attendance?.admitted).toBe(0);
  });

  it('without an answer, decides on the phone and queues the scan with the nonce the server was sent', async () => {
    const ticketId = randomUUID();
    const { parts, session, queue, calls } = setUp(offline);
    const outcome = await judgeScan(parts, ticketCode(ticketId), now);
    expect(outcome).toEqual({
      kind: 'verdict',
      result: 'ok',
      ticket: null,
      offline: true,
      admitted: true,
      queued: true,
      direction: 'in',
      entry: null,
    });
    expect(session.online).toBe(false);
    const [queued] = queue.nextBatch(matchId, 'tok').scans;
    expect(queued).toMatchObject({ result: 'ok', scannedAt: now().toISOString(), nonce: (calls[0]!.body as { nonce: string }).nonce });
    expect(session.data?.used).toEqual([ticketId]);
    expect(session.data?.attendance?.admitted).toBe(1);
  });

  it('online, passes on when and where an already used ticket entered, and a typo of a short code', async () => {
    const entry = { at: '2026-11-01T13:32:00.000Z', device: 'North gate' };
    const { parts } = setUp(() => ({ result: 'already_used', ticket: null, entry }));
    expect(await judgeScan(parts, 'FA1:code', now)).toMatchObject({ result: 'already_used', entry });
    const typo = setUp(() => ({ result: 'unknown', ticket: null, hint: 'check_code' }));
    expect(await judgeScan(typo.parts, 'K7M-Q4P-9X2', now)).toMatchObject({ result: 'unknown', hint: 'check_code' });
  });

  it('offline, judges a typed short code from the synced short codes and says when it entered here', async () => {
    const ticketId = randomUUID();
    const short = `ABCDEFGH${checkCharacter('ABCDEFGH')}`;
    const { parts, session, queue } = setUp(offline, { online: false });
    session.data!.shortCodes = { [short]: ticketId };
    expect(await judgeScan(parts, `abc def gh${short.at(-1)}`, now)).toMatchObject({ result: 'ok', admitted: true, queued: true });
    expect(await judgeScan(parts, short, now)).toMatchObject({
      result: 'already_used',
      entry: { at: now().toISOString(), device: expect.any(String) },
    });
    expect(queue.nextBatch(matchId, 'tok').scans.map((q) => q.code)).toEqual([`abc def gh${short.at(-1)}`, short]);
  });

  it('offline, lets a ticket out and back in where the match allows re-entry, queuing the exit with its direction', async () => {
    const ticketId = randomUUID();
    const code = ticketCode(ticketId);
    const { parts, session, queue } = setUp(offline, { online: false });
    session.data!.allowReentry = true;
    expect(await judgeScan(parts, code, now)).toMatchObject({ result: 'ok' });
    expect(await judgeScan(parts, code, now, 'out')).toMatchObject({ result: 'ok', direction: 'out' });
    expect(session.data?.outside).toEqual([ticketId]);
    expect(await judgeScan(parts, code, now, 'out')).toMatchObject({ result: 'not_inside' });
    expect(await judgeScan(parts, code, now)).toMatchObject({ result: 'ok' });
    expect(await judgeScan(parts, code, now)).toMatchObject({ result: 'already_used' });
    expect(session.data?.attendance?.admitted).toBe(1);
    expect(queue.nextBatch(matchId, 'tok').scans.map((q) => q.direction ?? 'in')).toEqual(['in', 'out', 'out', 'in', 'in']);
  });

  it('offline, refuses a ticket it admitted itself since the last sync', async () => {
    const code = ticketCode(randomUUID());
    const { parts, calls } = setUp(offline, { online: false });
    expect(await judgeScan(parts, code, now)).toMatchObject({ result: 'ok' });
    expect(await judgeScan(parts, code, now)).toMatchObject({ result: 'already_used', admitted: false, queued: true });
    expect(calls).toHaveLength(0); // offline: the server is not asked
  });

  it('offline without the data of a sync, answers unknown and still queues the scan', async () => {
    const { parts, queue } = setUp(offline, { online: false, data: null });
    expect(await judgeScan(parts, ticketCode(randomUUID()), now)).toMatchObject({ result: 'unknown', queued: true });
    expect(queue.length).toBe(1);
  });

  it('refuses a code longer than any ticket without asking or queuing', async () => {
    const { parts, queue, calls } = setUp(offline);
    expect(await judgeScan(parts, 'x'.repeat(513), now)).toMatchObject({ result: 'unknown', offline: false, queued: false });
    expect(calls).toHaveLength(0);
    expect(queue.length).toBe(0);
  });

  it('says the device was revoked, or the match taken off it, instead of a verdict', async () => {
    expect(await judgeScan(setUp(() => new Unauthorized()).parts, 'FA1:code', now)).toEqual({ kind: 'revoked' });
    const withdrawn = setUp(() => new Refused(403));
    expect(await judgeScan(withdrawn.parts, 'FA1:code', now)).toEqual({ kind: 'withdrawn' });
    expect(withdrawn.queue.length).toBe(0);
  });

  it('does nothing without a device or a match', async () => {
    expect(await judgeScan(setUp(offline, { matchId: null }).parts, 'FA1:code', now)).toBeNull();
    expect(await judgeScan(setUp(offline, { device: null }).parts, 'FA1:code', now)).toBeNull();
  });
});

describe('the line of scans', () => {
  it('handles scans one at a time, in the order they came', async () => {
    const line = new ScanLine();
    const done: string[] = [];
    const slow = (name: string, ms: number) => () => new Promise<void>((resolve) => setTimeout(() => resolve(void done.push(name)), ms));
    line.add(slow('first', 30), () => {});
    line.add(slow('second', 0), () => {});
    expect(line.busy).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(done).toEqual(['first', 'second']);
    expect(line.busy).toBe(false);
  });

  it('reports a scan that failed and still runs the next', async () => {
    const line = new ScanLine();
    const events: string[] = [];
    line.add(
      async () => {
        throw new Error('boom');
      },
      () => events.push('failed'),
    );
    line.add(
      async () => void events.push('next'),
      () => events.push('failed again'),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events).toEqual(['failed', 'next']);
    expect(line.busy).toBe(false);
  });
});
