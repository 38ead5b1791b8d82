import { MAX_SYNC_SCANS, type MatchesResponse } from '@footarena/gate-protocol';
import type { Connectivity } from './connectivity.ts';
import { type DeviceApi, RefusedByServer } from './device-api.ts';
import type { GateStore } from './store.ts';
import type { Validator } from './validator.ts';

/** A match stays the gate's until this long after its kick-off. */
const MATCH_LASTS_MS = 4 * 3_600_000;

export interface SyncerDeps {
  api: DeviceApi;
  store: GateStore;
  validator: Validator;
  connectivity: Connectivity;
  /** The configured match, if any; else the club's current or next one. */
  matchId?: string;
  now?: () => Date;
}

/**
 * Keeps the gate ready to decide offline: the club's keys and the match's revoked and admitted
 * tickets (since a cursor), and uploads the scans made offline, oldest match first.
 */
export class Syncer {
  private running: Promise<void> | null = null;

  constructor(private readonly deps: SyncerDeps) {}

  /** One round; concurrent calls share it. Never throws: problems go to connectivity. */
  sync(): Promise<void> {
    this.running ??= this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async round() {
    const { api, store, validator, connectivity } = this.deps;
    try {
      const matchId = this.deps.matchId ?? chooseMatch(await api.matches(), this.deps.now?.() ?? new Date());
      validator.setMatch(matchId);
      // Scans of another match (the gate moved on) go up first, in their own calls.
      for (const other of new Set(store.queue.map((q) => q.matchId))) if (other !== matchId) await this.upload(other, null, false);
      if (matchId) await this.upload(matchId, store.lists?.matchId === matchId ? store.lists.cursor : null, true);
      connectivity.up();
    } catch (error) {
      if (error instanceof RefusedByServer) connectivity.problem(`sync refused: ${error.message}`);
      else connectivity.down(`server unreachable: ${(error as Error).message}`);
    }
  }

  /** Uploads the match's queued scans in batches and, for the gate's own match, keeps the lists since `cursor`. */
  private async upload(matchId: string, cursor: string | null, keepLists: boolean) {
    const { api, store } = this.deps;
    for (;;) {
      const batch = store.queue.filter((q) => q.matchId === matchId).slice(0, MAX_SYNC_SCANS);
      const answer = await api.sync({
        matchId,
        cursor,
        scans: batch.map(({ matchId: _, ...scan }) => scan),
      });
      await store.dequeue(new Set(answer.uploaded.map((u) => u.nonce)));
      if (batch.length === MAX_SYNC_SCANS) continue;
      if (!keepLists) return;
      const previous = store.lists?.matchId === matchId && cursor !== null ? store.lists : null;
      await store.saveLists({
        matchId,
        cursor: answer.cursor,
        keys: answer.keys,
        revoked: merge(previous?.revoked, answer.revoked),
        used: merge(previous?.used, answer.used),
        gatesOpenAt: answer.gatesOpenAt,
        // Sent whole each time; each pass's row as it is now replaces what the gate knew.
        seasonProducts: answer.seasonProducts ?? [],
        passes: { ...previous?.passes, ...answer.passes },
      });
      return;
    }
  }
}

/** The club's match being played or coming next (the list is the server's, soonest first). */
export function chooseMatch(answer: MatchesResponse, now: Date): string | null {
  const current = answer.matches
    .filter((m) => Date.parse(m.kickoffAt) + MATCH_LASTS_MS > now.getTime())
    .sort((a, b) => Date.parse(a.kickoffAt) - Date.parse(b.kickoffAt))[0];
  return current?.id ?? null;
}

const merge = (base: readonly string[] | undefined, more: readonly string[]) => [...new Set([...(base ?? []), ...more])];
