// The offline data of the match being scanned: the club's keys and the lists and counters of the last
// sync, with this phone's own admissions since.
import type { SyncResponse } from '@footarena/gate-protocol';

export type Attendance = SyncResponse['attendance'];

export interface MatchData {
  cursor: string | null;
  keys: Record<string, string>;
  revoked: string[];
  used: string[];
  gatesOpenAt: string | null;
  attendance: Attendance | null;
  /** The match's guest lists (each sync sends them whole), for admitting guests by name offline. */
  guests?: SyncResponse['guests'];
}

/**
 * The data after a sync of this match. The server sends the lists' changes since the cursor it was
 * given: they add to the lists already here (this phone's own admissions included). Data without a
 * cursor was never synced, so the answer holds the complete lists.
 */
export function dataAfterSync(previous: MatchData | null, answer: SyncResponse): MatchData {
  const base = previous?.cursor ? previous : null;
  return {
    cursor: answer.cursor,
    keys: answer.keys,
    revoked: union(base?.revoked, answer.revoked),
    used: union(base?.used, answer.used),
    gatesOpenAt: answer.gatesOpenAt,
    attendance: answer.attendance,
    guests: answer.guests ?? [],
  };
}

const union = (a: string[] | undefined, b: string[]) => [...new Set([...(a ?? []), ...b])];

/**
 * Counts an admission of this phone until the next sync: the ticket is used (offline, it is refused
 * next time), and the counters go up, in the ticket's stand when it is known (online answers name it).
 */
export function recordAdmission(data: MatchData, ticketId: string, stand?: string) {
  data.used.push(ticketId);
  if (!data.attendance) return;
  data.attendance.admitted++;
  const row = data.attendance.stands.find((s) => s.name === stand);
  if (row) row.admitted++;
}
