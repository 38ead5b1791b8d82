// What the scanner is doing, in one object passed to the parts that need it: the device this phone is
// paired as, the match and stand it scans for with their offline data, and whether the network answers.
import type { MatchData } from './match-data.ts';
import type { Store } from './storage.ts';

export interface Device {
  deviceId: string;
  token: string;
  clubId: string;
  name: string;
}

export interface Session {
  device: Device | null;
  matchId: string | null;
  /** '' for every stand the device may admit. */
  standId: string;
  data: MatchData | null;
  online: boolean;
}

/** The session as the phone left it (the scanner opens offline too). */
export function loadSession(store: Store, online: boolean): Session {
  const matchId = store.get<string>('match');
  return {
    device: store.get<Device>('device'),
    matchId,
    standId: store.get<string>('stand') ?? '',
    data: matchId ? store.get<MatchData>(`data.${matchId}`) : null,
    online,
  };
}

/** Keeps the data of the match being scanned on the phone, for the next time it opens. */
export function saveData(store: Store, session: Session) {
  if (session.matchId) store.set(`data.${session.matchId}`, session.data);
}
