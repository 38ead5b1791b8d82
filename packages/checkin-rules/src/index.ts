// The scan verdict, written once for the three places that judge a ticket at the gate: the server
// (with the database), the steward's browser scanner and the Raspberry Pi gate (offline, with the lists
// of their last sync). Pure: no clock, no storage, no crypto; each place gathers the facts it has.
import type { ScanDirection, ScanResult } from '@footarena/gate-protocol';
import type { ShortCodeParse, VerifyResult } from '@footarena/ticket-code';

/** How long before the gates open a ticket is still refused as "not open yet". */
export const EARLY_MINUTES = 0;

/** Where and when a device scans: its club, the match it admits for, the stands it may admit. */
export interface ScanScope {
  clubId: string;
  matchId: string;
  /** The stands this scan may admit (the device's restriction, the steward's choice); null: all. */
  standIds: readonly string[] | null;
  gatesOpenAt: Date | null;
  /** The match lets people out and back in (an exit scan, then an entry again); default no. */
  allowReentry?: boolean;
}

/** The code checked against the keys at hand, and the club of the key that signed it (when known). */
export interface CodeFacts {
  verified: VerifyResult;
  /** The server knows every club's keys; a device holds only its own club's, so it passes its club. */
  keyClubId: string | null;
}

/** What is known of the ticket a genuine code names. */
export interface TicketFacts {
  revoked: boolean;
  used: boolean;
  /** Its stand; null where the scanning side cannot know it (offline: the code does not carry it). */
  standId: string | null;
  /** Entered, then went out (re-entry): it may enter again, where the match allows re-entry. */
  outside?: boolean;
}

export type Verdict = { result: ScanResult; ticketId: string | null };

/**
 * The checks of the code itself, before any ticket is looked up: format, signature, club, match.
 * Returns a refusal, or the ticket id to look up.
 */
export function judgeCode(code: CodeFacts, scope: ScanScope): Verdict | { result: 'lookup'; ticketId: string } {
  const { verified } = code;
  if (!verified.ok) return { result: verified.error === 'bad_format' ? 'unknown' : 'bad_signature', ticketId: null };
  if (code.keyClubId !== scope.clubId) return { result: 'wrong_club', ticketId: null };
  if (verified.matchId !== scope.matchId) return { result: 'wrong_match', ticketId: verified.ticketId };
  return { result: 'lookup', ticketId: verified.ticketId };
}

/**
 * The checks of the ticket, in this order: it exists, is not revoked, belongs to a stand this scan
 * admits, the gates are open, it has not entered (or, where the match allows re-entry, it went out
 * since). `ok` means admissible: the server then admits it by one atomic update, a device offline
 * records the entry. An exit scan (`out`, re-entry) is `ok` for a ticket inside, else `not_inside`.
 */
export function judgeTicket(
  ticketId: string,
  ticket: TicketFacts | null,
  scope: ScanScope,
  at: Date,
  direction: ScanDirection = 'in',
): Verdict {
  if (!ticket) return { result: 'unknown', ticketId };
  if (ticket.revoked) return { result: 'revoked', ticketId };
  if (ticket.standId !== null && scope.standIds && !scope.standIds.includes(ticket.standId)) return { result: 'wrong_stand', ticketId };
  const outside = scope.allowReentry === true && ticket.outside === true;
  if (direction === 'out') return { result: scope.allowReentry && ticket.used && !outside ? 'ok' : 'not_inside', ticketId };
  if (scope.gatesOpenAt && at.getTime() < scope.gatesOpenAt.getTime() - EARLY_MINUTES * 60_000) return { result: 'not_open_yet', ticketId };
  if (ticket.used && !outside) return { result: 'already_used', ticketId };
  return { result: 'ok', ticketId };
}

/** What a device keeps from its syncs, plus the entries it made itself since. */
export interface SyncedLists {
  revoked: ReadonlySet<string>;
  used: ReadonlySet<string>;
  ownAdmissions: ReadonlySet<string>;
  /** Short code → ticket id, for typed codes (judgeOfflineTyped). */
  shortCodes?: ReadonlyMap<string, string>;
  /** Entered and out now (re-entry), as synced and as this device let them out or back in since. */
  outside?: ReadonlySet<string>;
  /** The season products covering the match (decision 021): their pass codes are judged here. */
  seasonProducts?: ReadonlySet<string>;
  /** Season pass id → the pass's ticket row on this match, which carries its entry here. */
  passes?: ReadonlyMap<string, string>;
}

/**
 * A device's verdict without the server: the code verified with its club's keys, the ticket judged
 * from the lists. A genuine code of this match missing from the lists was sold after the last sync:
 * it is presumed valid; its stand cannot be known. A season pass's code (its product's id where the
 * match's would be) of a product covering the match is judged by the pass's row here, as the server
 * does; a pass missing from the synced map was sold since, presumed valid the same way (judged by its
 * pass id: the server resolves it on upload).
 */
export function judgeOffline(
  verified: VerifyResult,
  lists: SyncedLists,
  scope: ScanScope,
  at: Date,
  direction: ScanDirection = 'in',
): Verdict {
  const code = judgeCode({ verified, keyClubId: verified.ok ? scope.clubId : null }, scope);
  if (code.result === 'wrong_match' && verified.ok && lists.seasonProducts?.has(verified.matchId)) {
    const row = lists.passes?.get(verified.ticketId) ?? verified.ticketId;
    return judgeListed(row, lists, scope, at, direction);
  }
  if (code.result !== 'lookup') return code;
  return judgeListed(code.ticketId, lists, scope, at, direction);
}

/**
 * A typed short code without the server: a typo, or a code missing from the lists, is `unknown` (a
 * short code is not signed: unlike a QR code, an unknown one cannot be presumed sold since the sync).
 */
export function judgeOfflineTyped(
  typed: ShortCodeParse,
  lists: SyncedLists,
  scope: ScanScope,
  at: Date,
  direction: ScanDirection = 'in',
): Verdict {
  const id = typed.kind === 'short' ? lists.shortCodes?.get(typed.code) : undefined;
  if (!id) return { result: 'unknown', ticketId: null };
  return judgeListed(id, lists, scope, at, direction);
}

function judgeListed(id: string, lists: SyncedLists, scope: ScanScope, at: Date, direction: ScanDirection): Verdict {
  const used = lists.used.has(id) || lists.ownAdmissions.has(id);
  return judgeTicket(
    id,
    { revoked: lists.revoked.has(id), used, standId: null, outside: lists.outside?.has(id) ?? false },
    scope,
    at,
    direction,
  );
}
