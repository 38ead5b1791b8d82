// A browser's verdict without the server: the code verified with WebCrypto against the club's keys,
// then the shared rules (@footarena/checkin-rules) with the lists of the last sync.
import { judgeOffline, type Verdict } from '@footarena/checkin-rules';
import { verifyInBrowser } from '@footarena/ticket-code/web';

export interface OfflineData {
  keys: Record<string, string>;
  revoked: readonly string[];
  /** Admitted by any device at the last sync, and by this one since. */
  used: readonly string[];
  gatesOpenAt: string | null;
}

export async function offlineVerdict(
  code: string,
  data: OfflineData,
  scope: { clubId: string; matchId: string },
  at: Date,
): Promise<Verdict> {
  const verified = await verifyInBrowser(code.trim(), data.keys);
  const lists = { revoked: new Set(data.revoked), used: new Set(data.used), ownAdmissions: new Set<string>() };
  const gatesOpenAt = data.gatesOpenAt ? new Date(data.gatesOpenAt) : null;
  // The stand is not in the code: offline, a scan admits for every stand (the server flags others).
  return judgeOffline(verified, lists, { ...scope, standIds: null, gatesOpenAt }, at);
}
