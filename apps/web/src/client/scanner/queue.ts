// Scans decided offline, waiting for a sync to upload them (first scan wins on the server). The queue
// is written to storage at every change, so a closed tab or a reload loses none.
import type { OfflineScan } from '@footarena/gate-protocol';
import { type Store, storageKey } from './storage.ts';

export interface QueuedScan extends OfflineScan {
  matchId: string;
  /** The device that scanned: its scans go up under its own token, even after this phone re-paired. */
  token: string;
}

/** The scans of one sync call: one match, one device's token. */
export interface SyncBatch {
  matchId: string;
  token: string;
  /** The match being scanned, by the device this phone is now: the call also refreshes its lists. */
  current: boolean;
  scans: QueuedScan[];
}

const BATCH_SIZE = 200;

export class ScanQueue {
  #scans: QueuedScan[];

  constructor(private readonly store: Store) {
    this.#scans = store.get<QueuedScan[]>('queue') ?? [];
  }

  get length() {
    return this.#scans.length;
  }

  add(scan: QueuedScan) {
    this.#scans.push(scan);
    this.#save();
  }

  /**
   * What the next sync uploads. Scans queued for another match (the steward switched), or by the
   * device this phone was paired as before, go first, in calls of their own.
   */
  nextBatch(matchId: string, token: string): SyncBatch {
    const other = this.#scans.find((q) => q.matchId !== matchId || q.token !== token);
    const batch = { matchId: other?.matchId ?? matchId, token: other?.token ?? token, current: !other };
    return { ...batch, scans: this.#scans.filter((q) => inBatch(batch, q)).slice(0, BATCH_SIZE) };
  }

  /** Whether scans of that batch's match and device are still waiting (more than one call's worth). */
  hasMore(batch: SyncBatch) {
    return this.#scans.some((q) => inBatch(batch, q));
  }

  /** Forgets the scans the server answered (by nonce); the others go up again with the next sync. */
  forgetAnswered(batch: SyncBatch, nonces: Iterable<string>) {
    const answered = new Set(nonces);
    this.#scans = this.#scans.filter((q) => !(inBatch(batch, q) && answered.has(q.nonce)));
    this.#save();
  }

  /** Forgets every scan of that batch's match and device: the server will never take them. */
  forgetAll(batch: SyncBatch) {
    this.#scans = this.#scans.filter((q) => !inBatch(batch, q));
    this.#save();
  }

  /**
   * Another tab of the scanner on this phone wrote the queue (a `storage` event for `key`): take its
   * version, which holds this tab's scans too, so neither loses any. Says whether it was the queue.
   */
  takeOtherTabs(key: string | null): boolean {
    if (key !== storageKey('queue')) return false;
    this.#scans = this.store.get<QueuedScan[]>('queue') ?? [];
    return true;
  }

  #save() {
    this.store.set('queue', this.#scans);
  }
}

const inBatch = (batch: Pick<SyncBatch, 'matchId' | 'token'>, q: QueuedScan) => q.matchId === batch.matchId && q.token === batch.token;
