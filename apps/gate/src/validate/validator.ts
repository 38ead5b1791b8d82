import { randomUUID } from 'node:crypto';
import { judgeOffline } from '@footarena/checkin-rules';
import { verify } from '@footarena/ticket-code';
import type { ScanVerdict } from '../controller.ts';
import type { Connectivity } from './connectivity.ts';
import { type DeviceApi, RefusedByServer } from './device-api.ts';
import type { GateStore, Lists } from './store.ts';

const MAX_CODE_LENGTH = 512;

export interface ValidatorDeps {
  api: DeviceApi;
  store: GateStore;
  connectivity: Connectivity;
  redeemTimeoutMs: number;
  standId?: string;
  now?: () => Date;
}

/**
 * A scan's verdict: the server's first (redeem, with a short timeout), else the gate's own with the
 * shared rules and the lists of its last sync. An offline scan is queued on disk, with the nonce the
 * online attempt carried, before the verdict is given: if that attempt did reach the server, the
 * upload is answered with its first answer and the entry is not counted twice.
 */
export class Validator {
  /** The match this gate admits for (configured, or chosen by the sync). */
  matchId: string | null = null;
  /** Tickets this gate let in since it has been admitting for the match. */
  private readonly own = new Set<string>();
  private sets: {
    lists: Lists;
    revoked: Set<string>;
    used: Set<string>;
    seasonProducts: Set<string>;
    passes: Map<string, string>;
  } | null = null;

  constructor(private readonly deps: ValidatorDeps) {}

  setMatch(matchId: string | null) {
    if (matchId !== this.matchId) this.own.clear();
    this.matchId = matchId;
  }

  async validate(raw: string): Promise<ScanVerdict> {
    const code = raw.trim();
    const matchId = this.matchId;
    // Nothing to admit for yet, or no ticket code at all: refused without asking anyone.
    if (!matchId) return { result: 'wrong_match', ticketId: null, offline: true };
    if (!code || code.length > MAX_CODE_LENGTH) return { result: 'unknown', ticketId: null, offline: true };
    const { api, connectivity, redeemTimeoutMs, standId } = this.deps;
    const nonce = randomUUID();
    try {
      const answer = await api.redeem({ code, nonce, matchId, ...(standId ? { standId } : {}) }, redeemTimeoutMs);
      connectivity.up();
      if (answer.result === 'ok' && answer.ticket) this.own.add(answer.ticket.id);
      return { result: answer.result, ticketId: answer.ticket?.id ?? null, offline: false };
    } catch (error) {
      if (error instanceof RefusedByServer) {
        // A revoked gate, a match it may not admit for: the server said no, so the gate stays shut.
        connectivity.problem(`the server refused the scan: ${error.message}`);
        return { result: 'unknown', ticketId: null, offline: false };
      }
      connectivity.down(`server unreachable: ${(error as Error).message}`);
    }
    return this.offline(code, nonce, matchId);
  }

  private async offline(code: string, nonce: string, matchId: string): Promise<ScanVerdict> {
    const { store, standId } = this.deps;
    const now = this.deps.now?.() ?? new Date();
    const lists = this.listsOf(matchId);
    const scope = {
      clubId: store.device?.clubId ?? '',
      matchId,
      standIds: standId ? [standId] : null,
      gatesOpenAt: lists?.gatesOpenAt ? new Date(lists.gatesOpenAt) : null,
    };
    const verdict = judgeOffline(
      verify(code, lists?.keys ?? {}),
      {
        revoked: this.sets?.revoked ?? new Set(),
        used: this.sets?.used ?? new Set(),
        ownAdmissions: this.own,
        seasonProducts: this.sets?.seasonProducts,
        passes: this.sets?.passes,
      },
      scope,
      now,
    );
    await store.enqueue({ matchId, code, nonce, scannedAt: now.toISOString(), result: verdict.result });
    if (verdict.result === 'ok' && verdict.ticketId) this.own.add(verdict.ticketId);
    return { ...verdict, offline: true };
  }

  /** The synced lists of the match, as sets made once per sync. */
  private listsOf(matchId: string) {
    const lists = this.deps.store.lists?.matchId === matchId ? this.deps.store.lists : null;
    if (lists && this.sets?.lists !== lists)
      this.sets = {
        lists,
        revoked: new Set(lists.revoked),
        used: new Set(lists.used),
        seasonProducts: new Set(lists.seasonProducts),
        passes: new Map(Object.entries(lists.passes ?? {})),
      };
    if (!lists) this.sets = null;
    return lists;
  }
}
