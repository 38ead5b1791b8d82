// The offline data of the match being scanned: the club's keys and the lists and counters of the last
// sync, with this phone's own admissions since.
import type { SyncResponse } from '@footarena/gate-protocol';

export type Attendance = SyncResponse['attendance'];

/** When and by which device a ticket entered (what "already used" tells), as synced or made here. */
export interface KnownEntry {
  at: string;
  device: string | null;
}

export interface MatchData {
  cursor: string | null;
  keys: Record<string, string>;
  revoked: string[];
  used: string[];
  gatesOpenAt: string | null;
  attendance: Attendance | null;
  /** Short code → ticket id (typed codes, offline). Absent in data saved before short codes. */
  shortCodes?: Record<string, string>;
  /** Entries by ticket id. */
  entries?: Record<string, KnownEntry>;
  /** Tickets entered and out now (re-entry). */
  outside?: string[];
  /** The match lets people out and back in: the scanner shows Entry/Exit. */
  allowReentry?: boolean;
  /** The match's guest lists (each sync sends them whole), for admitting guests by name offline. */
  guests?: SyncResponse['guests'];
  /** The season products covering the match (each sync sends them whole). */
  seasonProducts?: string[];
  /** Season pass id → its ticket row on this match. */
  passes?: Record<string, string>;
}

/**
 * The data after a sync of this match. The server sends the lists' changes since the cursor it was
 * given: they add to the lists already here (this phone's own admissions included). Data without a
 * cursor was never synced, so the answer holds the complete lists.
 */
export function dataAfterSync(previous: MatchData | null, answer: SyncResponse): MatchData {
  const base = previous?.cursor ? previous : null;
  const entries = { ...base?.entries };
  const outside = new Set(base?.outside);
  // Each ticket the server sends is as it is now: its entry, and whether it is out, replace ours.
  for (const e of answer.entries) {
    entries[e.id] = { at: e.at, device: e.device };
    if (e.outside) outside.add(e.id);
    else outside.delete(e.id);
  }
  return {
    cursor: answer.cursor,
    keys: answer.keys,
    revoked: union(base?.revoked, answer.revoked),
    used: union(base?.used, answer.used),
    gatesOpenAt: answer.gatesOpenAt,
    attendance: answer.attendance,
    shortCodes: { ...base?.shortCodes, ...answer.shortCodes },
    entries,
    outside: [...outside],
    allowReentry: answer.allowReentry,
    guests: answer.guests ?? [],
    seasonProducts: answer.seasonProducts ?? [],
    passes: { ...base?.passes, ...answer.passes },
  };
}

const union = (a: string[] | undefined, b: string[]) => [...new Set([...(a ?? []), ...b])];

/**
 * Counts an admission of this phone until the next sync: the ticket is used (offline, it is refused
 * next time), and the counters go up, in the ticket's stand when it is known (online answers name it).
 */
export function recordAdmission(data: MatchData, ticketId: string, stand?: string, entry?: KnownEntry) {
  const again = data.outside?.includes(ticketId) ?? false;
  if (again) {
    // Back in after going out (re-entry): inside again, not a new admission.
    data.outside = data.outside!.filter((id) => id !== ticketId);
    count(data, stand, 'inside', 1);
    return;
  }
  data.used.push(ticketId);
  if (entry) data.entries = { ...data.entries, [ticketId]: entry };
  count(data, stand, 'admitted', 1);
  count(data, stand, 'inside', 1);
}

/** Counts an exit of this phone (re-entry) until the next sync: the ticket is outside, one fewer inside. */
export function recordExit(data: MatchData, ticketId: string, stand?: string) {
  data.outside = [...new Set([...(data.outside ?? []), ticketId])];
  count(data, stand, 'inside', -1);
}

function count(data: MatchData, stand: string | undefined, field: 'admitted' | 'inside', by: number) {
  const a = data.attendance;
  if (!a) return;
  if (field === 'admitted') a.admitted += by;
  else if (a.inside !== undefined) a.inside += by;
  const row = a.stands.find((s) => s.name === stand);
  if (!row) return;
  if (field === 'admitted') row.admitted += by;
  else if (row.inside !== undefined) row.inside += by;
}
