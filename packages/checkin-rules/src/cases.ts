// The verdict table every place that judges a scan must pass: the pure rules (./index.test.ts), the
// server with its database, and each device's offline check with real signed codes and synced lists.
import type { ScanResult } from '@footarena/gate-protocol';
import { type KeyPair, sign } from '@footarena/ticket-code';

type SigningKey = Pick<KeyPair, 'keyId' | 'privateKey'>;

export interface VerdictCase {
  name: string;
  /**
   * genuine: signed by the club for this match; other_club: genuine, by another club's key. season_pass:
   * a season pass's code of a product covering this match (the ticket is then the pass's row on this
   * match); other_season: a pass of a product that does not cover it.
   */
  code: 'genuine' | 'tampered' | 'garbage' | 'other_club' | 'other_match' | 'season_pass' | 'other_season';
  /**
   * sold: valid and unused; missing: signed but unknown to the server (and to the lists); used: admitted
   * by another device (in the synced lists); admitted_here: admitted by this device since its last sync.
   */
  ticket: 'sold' | 'missing' | 'revoked' | 'used' | 'admitted_here';
  /** Whether the ticket's stand is one the scan admits. */
  stand: 'admitted' | 'other';
  gates: 'open' | 'not_yet';
  /** The server's answer, with the database. */
  online: ScanResult;
  /** A device's answer offline, with the lists of its last sync. */
  offline: ScanResult;
}

const c = (
  name: string,
  code: VerdictCase['code'],
  ticket: VerdictCase['ticket'],
  online: ScanResult,
  offline: ScanResult,
  more: Partial<Pick<VerdictCase, 'stand' | 'gates'>> = {},
): VerdictCase => ({ name, code, ticket, stand: 'admitted', gates: 'open', online, offline, ...more });

export const VERDICT_CASES: readonly VerdictCase[] = [
  c('a sold ticket when the gates are open', 'genuine', 'sold', 'ok', 'ok'),
  c('a tampered code', 'tampered', 'sold', 'bad_signature', 'bad_signature'),
  c('text that is no ticket code', 'garbage', 'sold', 'unknown', 'unknown'),
  // A device holds only its own club's keys: another club's ticket looks forged to it.
  c("another club's genuine ticket", 'other_club', 'sold', 'wrong_club', 'bad_signature'),
  c('a ticket for another match', 'other_match', 'sold', 'wrong_match', 'wrong_match'),
  c('a revoked ticket', 'genuine', 'revoked', 'revoked', 'revoked'),
  c('a ticket admitted by another device', 'genuine', 'used', 'already_used', 'already_used'),
  c('a ticket this device admitted since its last sync', 'genuine', 'admitted_here', 'already_used', 'already_used'),
  // Offline the stand is unknown (not in the code): admitted, and flagged by the server on upload.
  c('a ticket of a stand this entrance does not serve', 'genuine', 'sold', 'wrong_stand', 'ok', { stand: 'other' }),
  c('a ticket before the gates open', 'genuine', 'sold', 'not_open_yet', 'not_open_yet', { gates: 'not_yet' }),
  // Offline, a genuine code missing from the lists was sold after the last sync.
  c('a genuine code the server does not know', 'genuine', 'missing', 'unknown', 'ok'),
  c('a revoked ticket of another stand', 'genuine', 'revoked', 'revoked', 'revoked', { stand: 'other' }),
  c('a revoked ticket before the gates open', 'genuine', 'revoked', 'revoked', 'revoked', { gates: 'not_yet' }),
  c('a used ticket before the gates open', 'genuine', 'used', 'not_open_yet', 'not_open_yet', { gates: 'not_yet' }),
  c('a used ticket of another stand', 'genuine', 'used', 'wrong_stand', 'already_used', { stand: 'other' }),
  // Season passes (decision 021): once per covered match, by the pass's row on it.
  c('a season pass at a match its product covers', 'season_pass', 'sold', 'ok', 'ok'),
  c('a season pass already entered at this match', 'season_pass', 'used', 'already_used', 'already_used'),
  c('a season pass this device admitted here since its last sync', 'season_pass', 'admitted_here', 'already_used', 'already_used'),
  c('a season pass lent, given back or revoked for this match', 'season_pass', 'revoked', 'revoked', 'revoked'),
  c('a season pass before the gates open', 'season_pass', 'sold', 'not_open_yet', 'not_open_yet', { gates: 'not_yet' }),
  // Sold after the last sync: not in the device's map, presumed valid; the server knows it has no row here.
  c('a season pass the server has no row of on this match', 'season_pass', 'missing', 'wrong_match', 'ok'),
  c('a season pass of a product not covering this match', 'other_season', 'sold', 'wrong_match', 'wrong_match'),
];

/** The season pass and products of the season cases, unless a test passes its own. */
export const CASE_SEASON = {
  passId: '44444444-4444-4444-8444-444444444444',
  productId: '55555555-5555-4555-8555-555555555555',
  otherProductId: '66666666-6666-4666-8666-666666666666',
} as const;
export type CaseSeason = { passId: string; productId: string; otherProductId: string };

/**
 * What a device's sync holds of season passes for a case: the products covering the match, and the
 * pass → row map (without the row for `missing`: sold since the sync). Empty for other cases.
 */
export function seasonListsFor(tc: VerdictCase, ticketId: string, season: CaseSeason = CASE_SEASON) {
  if (tc.code !== 'season_pass' && tc.code !== 'other_season') return { seasonProducts: [], passes: {} };
  return {
    seasonProducts: [season.productId],
    passes: tc.ticket === 'missing' || tc.code === 'other_season' ? {} : { [season.passId]: ticketId },
  };
}

/** The text a case's code is, for a ticket of `matchId` (another match's for other_match). */
export function codeFor(
  kind: VerdictCase['code'],
  ticket: { ticketId: string; matchId: string; otherMatchId: string },
  keys: { club: SigningKey; otherClub: SigningKey },
  season: CaseSeason = CASE_SEASON,
): string {
  const fields = { keyId: keys.club.keyId, ticketId: ticket.ticketId, matchId: ticket.matchId };
  // A pass's code: the pass id as ticket id, the product id as match id.
  if (kind === 'season_pass') return sign({ ...fields, ticketId: season.passId, matchId: season.productId }, keys.club.privateKey);
  if (kind === 'other_season') return sign({ ...fields, ticketId: season.passId, matchId: season.otherProductId }, keys.club.privateKey);
  if (kind === 'garbage') return 'FA1:this is not a ticket';
  if (kind === 'other_club') return sign({ ...fields, keyId: keys.otherClub.keyId }, keys.otherClub.privateKey);
  if (kind === 'other_match') return sign({ ...fields, matchId: ticket.otherMatchId }, keys.club.privateKey);
  const code = sign(fields, keys.club.privateKey);
  if (kind === 'genuine') return code;
  // The signature's last base45 digit changed (the highest of its group: going to 0, or from 0 to 1,
  // never overflows two bytes): still well-formed, no longer signed.
  const last = code.at(-1) === '0' ? '1' : '0';
  return code.slice(0, -1) + last;
}
