import { describe, expect, it } from 'vitest';
import { memoryStorage } from './fake-storage.ts';
import { type QueuedScan, ScanQueue } from './queue.ts';
import { createStore, storageKey } from './storage.ts';

let n = 0;
const scan = (matchId: string, token: string): QueuedScan => ({
  matchId,
  token,
  code: `FA1:code-${++n}`,
  nonce: `nonce-${n}`,
  scannedAt: '2026-11-01T14:00:00.000Z',
  result: 'ok',
});

const fresh = () => {
  const local = memoryStorage();
  return { local, store: createStore(() => local), queue: new ScanQueue(createStore(() => local)) };
};

describe('the offline queue', () => {
  it('is on the phone after each scan: a reopened scanner has it', () => {
    const { store, queue } = fresh();
    const queued = scan('m1', 'tok');
    queue.add(queued);
    const reopened = new ScanQueue(store);
    expect(reopened.length).toBe(1);
    expect(reopened.nextBatch('m1', 'tok').scans).toEqual([queued]);
  });

  it('uploads the scans of the match being scanned, by this device, refreshing its lists', () => {
    const { queue } = fresh();
    const mine = scan('m1', 'tok');
    queue.add(mine);
    expect(queue.nextBatch('m1', 'tok')).toEqual({ matchId: 'm1', token: 'tok', current: true, scans: [mine] });
  });

  it('uploads first, in calls of their own, the scans of another match or of the device this phone was before', () => {
    const { queue } = fresh();
    queue.add(scan('m1', 'tok'));
    const earlier = scan('m0', 'tok');
    queue.add(earlier);
    const before = scan('m1', 'old-token');
    queue.add(before);
    expect(queue.nextBatch('m1', 'tok')).toEqual({ matchId: 'm0', token: 'tok', current: false, scans: [earlier] });
    queue.forgetAnswered(queue.nextBatch('m1', 'tok'), [earlier.nonce]);
    expect(queue.nextBatch('m1', 'tok')).toEqual({ matchId: 'm1', token: 'old-token', current: false, scans: [before] });
  });

  it('sends at most 200 scans in one call and says more are waiting', () => {
    const { queue } = fresh();
    for (let i = 0; i < 250; i++) queue.add(scan('m1', 'tok'));
    const batch = queue.nextBatch('m1', 'tok');
    expect(batch.scans).toHaveLength(200);
    queue.forgetAnswered(
      batch,
      batch.scans.map((s) => s.nonce),
    );
    expect(queue.length).toBe(50);
    expect(queue.hasMore(batch)).toBe(true);
    queue.forgetAnswered(
      batch,
      queue.nextBatch('m1', 'tok').scans.map((s) => s.nonce),
    );
    expect(queue.hasMore(batch)).toBe(false);
  });

  it('forgets only the scans the server answered, and keeps them on the phone that way', () => {
    const { store, queue } = fresh();
    const answered = scan('m1', 'tok');
    const unanswered = scan('m1', 'tok');
    queue.add(answered);
    queue.add(unanswered);
    queue.forgetAnswered(queue.nextBatch('m1', 'tok'), [answered.nonce]);
    expect(new ScanQueue(store).nextBatch('m1', 'tok').scans).toEqual([unanswered]);
  });

  it('forgets an answered nonce only in the batch it was sent with', () => {
    const { queue } = fresh();
    const other = scan('m0', 'tok');
    queue.add(other);
    queue.add(scan('m1', 'tok'));
    queue.forgetAnswered({ matchId: 'm1', token: 'tok', current: true, scans: [] }, [other.nonce]);
    expect(queue.length).toBe(2);
  });

  it('drops every scan of a batch the server will never take, and only those', () => {
    const { queue } = fresh();
    for (let i = 0; i < 3; i++) queue.add(scan('m0', 'revoked'));
    const kept = scan('m1', 'tok');
    queue.add(kept);
    queue.forgetAll(queue.nextBatch('m1', 'tok'));
    expect(queue.nextBatch('m1', 'tok').scans).toEqual([kept]);
    expect(queue.length).toBe(1);
  });

  it('takes the queue another tab of the scanner wrote, and ignores its other entries', () => {
    const { local, store, queue } = fresh();
    const otherTab = new ScanQueue(store);
    otherTab.add(scan('m1', 'tok'));
    otherTab.add(scan('m1', 'tok'));
    expect(queue.takeOtherTabs(storageKey('match'))).toBe(false);
    expect(queue.length).toBe(0);
    expect(queue.takeOtherTabs(storageKey('queue'))).toBe(true);
    expect(queue.length).toBe(2);
    local.removeItem(storageKey('queue')); // the other tab uploaded everything
    expect(queue.takeOtherTabs(storageKey('queue'))).toBe(true);
    expect(queue.length).toBe(0);
  });
});
