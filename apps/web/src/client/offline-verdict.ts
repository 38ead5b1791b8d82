// A browser's verdict without the server: the code verified with WebCrypto against the club's keys (or
// a typed short code looked up in the synced short codes), then the shared rules
// (@footarena/checkin-rules) with the lists of the last sync.
import { judgeOffline, judgeOfflineTyped, type Verdict } from '@footarena/checkin-rules';
import type { ScanDirection } from '@footarena/gate-protocol';
import { parseShortCode, verifyInBrowser } from '@footarena/ticket-code/web';

export interface OfflineData {
  keys: Record<string, string>;
  revoked: readonly string[];
  /** Admitted by any device at the last sync, and by this one since. */
  used: readonly string[];
  gatesOpenAt: string | null;
  /** Short code → ticket id, from the syncs. */
  shortCodes?: Readonly<Record<string, string>>;
  /** Entered and out now (re-entry). */
  outside?: readonly string[];
  allowReentry?: boolean;
  /** The season products covering the match, and pass id → its row here (decision 021). */
  seasonProducts?: readonly string[];
  passes?: Readonly<Record<string, string>>;
}

export async function offlineVerdict(
  code: string,
  data: OfflineData,
  scope: { clubId: string; matchId: string },
  at: Date,
  direction: ScanDirection = 'in',
): Promise<Verdict> {
  const lists = {
    revoked: new Set(data.revoked),
    used: new Set(data.used),
    ownAdmissions: new Set<string>(),
    shortCodes: new Map(Object.entries(data.shortCodes ?? {})),
    outside: new Set(data.outside ?? []),
    seasonProducts: new Set(data.seasonProducts ?? []),
    passes: new Map(Object.entries(data.passes ?? {})),
  };
  const gatesOpenAt = data.gatesOpenAt ? new Date(data.gatesOpenAt) : null;
  // The stand is not in the code: offline, a scan admits for every stand (the server flags others).
  const where = { ...scope, standIds: null, gatesOpenAt, allowReentry: data.allowReentry ?? false };
  const typed = parseShortCode(code.trim());
  if (typed.kind !== 'other') return judgeOfflineTyped(typed, lists, where, at, direction);
  return judgeOffline(await verifyInBrowser(code.trim(), data.keys), lists, where, at, direction);
}
