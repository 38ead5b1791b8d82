// One sync call: uploads a batch of the queue and, for the match being scanned, refreshes its lists and
// counters. What the screen does about the outcome is the caller's business.
import type { SyncResponse } from '@footarena/gate-protocol';
import { type Api, Refused, Unauthorized } from './api.ts';
import { dataAfterSync } from './match-data.ts';
import type { ScanQueue } from './queue.ts';
import { type Session, saveData } from './session.ts';
import type { Store } from './storage.ts';

export type SyncOutcome =
  /** `refreshed`: the match's data changed; `more`: call again at once (other batches wait). */
  | { kind: 'synced'; refreshed: boolean; more: boolean }
  /** The scans of a revoked device, or of a match it may no longer admit, were forgotten. */
  | { kind: 'dropped' }
  /** This device's token no longer works. */
  | { kind: 'revoked' }
  | { kind: 'refused' }
  | { kind: 'offline' };

export interface SyncParts {
  session: Session;
  queue: ScanQueue;
  api: Api;
  store: Store;
}

/** Needs a device and a match (the caller checks). */
export async function syncOnce(
  { session, queue, api, store }: SyncParts,
  device: { token: string },
  matchId: string,
): Promise<SyncOutcome> {
  const batch = queue.nextBatch(matchId, device.token);
  try {
    const answer = await api<SyncResponse>('/sync', {
      token: batch.token,
      body: {
        matchId: batch.matchId,
        cursor: batch.current ? (session.data?.cursor ?? null) : null,
        scans: batch.scans.map(({ matchId: _, token: __, ...scan }) => scan),
      },
    });
    queue.forgetAnswered(
      batch,
      answer.uploaded.map((u) => u.nonce),
    );
    // The steward may have switched match while the call was on its way: these lists are not theirs.
    const refreshed = batch.current && batch.matchId === session.matchId;
    if (refreshed) {
      session.data = dataAfterSync(session.data, answer);
      saveData(store, session);
    }
    return { kind: 'synced', refreshed, more: !batch.current || queue.hasMore(batch) };
  } catch (error) {
    if ((error instanceof Unauthorized || error instanceof Refused) && !batch.current) {
      // That device was revoked, or that match is gone for it: the server will never take these scans.
      queue.forgetAll(batch);
      return { kind: 'dropped' };
    }
    if (error instanceof Unauthorized) return { kind: 'revoked' };
    return error instanceof Refused ? { kind: 'refused' } : { kind: 'offline' };
  }
}
