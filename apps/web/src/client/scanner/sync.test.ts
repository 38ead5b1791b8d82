import type { SyncResponse } from '@footarena/gate-protocol';
import { describe, expect, it } from 'vitest';
import { type Api, type ApiCall, Refused, Unauthorized } from './api.ts';
import { memoryStorage } from './fake-storage.ts';
import type { MatchData } from './match-data.ts';
import { type QueuedScan, ScanQueue } from './queue.ts';
import type { Session } from './session.ts';
import { createStore } from './storage.ts';
import { syncOnce } from './sync.ts';

const device = { deviceId: 'd1', token: 'tok', clubId: 'club', name: 'Gate 1' };

let n = 0;
const scan = (matchId: string, token = 'tok'): QueuedScan => ({
  matchId,
  token,
  code: `FA1:code-${++n}`,
  nonce: `nonce-${n}`,
  scannedAt: '2026-11-01T14:00:00.000Z',
  result: 'ok',
});

const data: MatchData = { cursor: '1000', keys: {}, revoked: [], used: ['mine'], gatesOpenAt: null, attendance: null };

/** The scanner's parts, with an API that answers each call with `answer` (or throws what it returns). */
function setUp(answer: (call: ApiCall) => Partial<SyncResponse> | Error, session: Partial<Session> = {}) {
  const local = memoryStorage();
  const store = createStore(() => local);
  const queue = new ScanQueue(store);
  const calls: ApiCall[] = [];
  const api = (async (_path: string, call: ApiCall = {}) => {
    calls.push(call);
    const reply = answer(call);
    if (reply instanceof Error) throw reply;
    return {
      cursor: '2000',
      keys: { k: 'key' },
      revoked: [],
      used: [],
      entries: [],
      shortCodes: {},
      allowReentry: false,
      gatesOpenAt: null,
      uploaded: [],
      attendance: { expected: 1, admitted: 0, stands: [] },
      ...reply,
    };
  }) as Api;
  const s: Session = { device, matchId: 'm1', standId: '', data: { ...data, used: [...data.used] }, online: true, ...session };
  return { parts: { session: s, queue, api, store }, session: s, queue, store, calls };
}

/** Everything uploaded is answered. */
const answerAll = (call: ApiCall) => ({
  uploaded: (call.body as { scans: QueuedScan[] }).scans.map((s) => ({ nonce: s.nonce, result: s.result, conflict: false })),
});

describe('one sync of the scanner', () => {
  it('uploads the match’s scans with the cursor, forgets them, and keeps the new lists on the phone', async () => {
    const { parts, session, queue, store, calls } = setUp((call) => ({ ...answerAll(call), used: ['theirs'] }));
    queue.add(scan('m1'));
    expect(await syncOnce(parts, device, 'm1')).toEqual({ kind: 'synced', refreshed: true, more: false });
    expect(calls[0]).toMatchObject({ token: 'tok', body: { matchId: 'm1', cursor: '1000' } });
    expect(queue.length).toBe(0);
    expect(session.data?.used).toEqual(['mine', 'theirs']);
    expect(store.get<MatchData>('data.m1')?.cursor).toBe('2000');
  });

  it('sends the scans as the API takes them, without the queue’s match and token', async () => {
    const { parts, queue, calls } = setUp(answerAll);
    const queued = scan('m1');
    queue.add(queued);
    await syncOnce(parts, device, 'm1');
    const { matchId: _, token: __, ...sent } = queued;
    expect((calls[0]!.body as { scans: unknown[] }).scans).toEqual([sent]);
  });

  it('uploads another match’s scans first, without a cursor, under their device’s token, and asks to go on', async () => {
    const { parts, session, queue, calls } = setUp(answerAll);
    queue.add(scan('m1'));
    queue.add(scan('m0', 'old-token'));
    expect(await syncOnce(parts, device, 'm1')).toEqual({ kind: 'synced', refreshed: false, more: true });
    expect(calls[0]).toMatchObject({ token: 'old-token', body: { matchId: 'm0', cursor: null } });
    expect(session.data?.cursor).toBe('1000'); // those lists are another match's
    expect(queue.nextBatch('m1', 'tok').current).toBe(true);
  });

  it('keeps the scans the server did not answer, and asks to go on while some wait', async () => {
    const { parts, queue } = setUp(() => ({ uploaded: [] }));
    queue.add(scan('m1'));
    expect(await syncOnce(parts, device, 'm1')).toMatchObject({ kind: 'synced', more: true });
    expect(queue.length).toBe(1);
  });

  it('leaves the data alone when the steward switched match during the call', async () => {
    const setup = setUp(() => {
      setup.session.matchId = 'm2';
      setup.session.data = null;
      return {};
    });
    expect(await syncOnce(setup.parts, device, 'm1')).toMatchObject({ kind: 'synced', refreshed: false });
    expect(setup.session.data).toBeNull();
  });

  it('without network says offline and keeps every scan', async () => {
    const { parts, queue } = setUp(() => new TypeError('Failed to fetch'));
    queue.add(scan('m1'));
    queue.add(scan('m0'));
    expect(await syncOnce(parts, device, 'm1')).toEqual({ kind: 'offline' });
    expect(queue.length).toBe(2);
  });

  it('drops the scans of a revoked earlier device, or of a match it may no longer admit', async () => {
    for (const refusal of [new Unauthorized(), new Refused(403)]) {
      const { parts, queue } = setUp(() => refusal);
      queue.add(scan('m0', 'old-token'));
      queue.add(scan('m1'));
      expect(await syncOnce(parts, device, 'm1')).toEqual({ kind: 'dropped' });
      expect(queue.nextBatch('m1', 'tok')).toMatchObject({ current: true, scans: [expect.objectContaining({ matchId: 'm1' })] });
    }
  });

  it('keeps this device’s scans when it is revoked itself or refused, and says so', async () => {
    const revoked = setUp(() => new Unauthorized());
    revoked.queue.add(scan('m1'));
    expect(await syncOnce(revoked.parts, device, 'm1')).toEqual({ kind: 'revoked' });
    expect(revoked.queue.length).toBe(1);
    const refused = setUp(() => new Refused(404));
    refused.queue.add(scan('m1'));
    expect(await syncOnce(refused.parts, device, 'm1')).toEqual({ kind: 'refused' });
    expect(refused.queue.length).toBe(1);
  });
});
