import { createHash } from 'node:crypto';
import { judgeCode, judgeTicket } from '@footarena/checkin-rules';
import { parse, UNKNOWN_KEY, verify } from '@footarena/ticket-code';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { clubSigningKey, type ScanResult, scan, ticket } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { selectTicketDetails, type TicketDescription, toDescription } from './describe-ticket.ts';

export interface RedeemAnswer {
  result: ScanResult;
  ticketId: string | null;
  /** What the steward sees of the ticket, when this scan looked it up (not on a repeated nonce). */
  ticket?: TicketDescription;
}

export interface ScanInput {
  clubId: string;
  matchId: string;
  deviceId: string;
  nonce: string;
  code: string;
  /** The stands this scan may admit (the device's restriction, the steward's choice); null: all. */
  standIds: readonly string[] | null;
  /** The match's gate opening time (the caller has read the match to check it is the club's). */
  gatesOpenAt: Date | null;
}

/**
 * A scan at the gate (invariant 3). The code is verified with the club's keys (a forged code never
 * reaches the database), then the ticket is admitted by one atomic UPDATE that only succeeds while
 * it is valid and unused: of two gates scanning it at the same moment, one gets `ok`, the other
 * `already_used`. Every scan is recorded with its result; a repeated (device, nonce) returns the
 * first answer and changes nothing.
 */
export async function redeemTicket(tx: Tx, input: ScanInput, now = new Date()): Promise<RedeemAnswer> {
  const seen = await firstAnswer(tx, input);
  if (seen) return seen;
  const verdict = await judgeScan(tx, input, now);
  const answer =
    verdict.result === 'admissible' ? { ...(await admit(tx, verdict.ticketId, input.deviceId, now)), ticket: verdict.ticket } : verdict;
  return (await recordScan(tx, input, answer, { scannedAt: now })) ?? answer;
}

/**
 * The answer already given to this (device, nonce), if any. It is replayed only for the same code: a
 * nonce sent again with another code (a gate whose counter started over) admits nothing.
 */
export async function firstAnswer(tx: Tx, input: Pick<ScanInput, 'deviceId' | 'nonce' | 'code'>): Promise<RedeemAnswer | undefined> {
  const [seen] = await tx
    .select({ result: scan.result, ticketId: scan.ticketId, codeHash: scan.codeHash })
    .from(scan)
    .where(and(eq(scan.deviceId, input.deviceId), eq(scan.nonce, input.nonce)));
  if (!seen) return undefined;
  if (seen.codeHash !== hashCode(input.code)) throw new DomainError('nonce_reused');
  return { result: seen.result, ticketId: seen.ticketId };
}

const hashCode = (code: string) => createHash('sha256').update(code).digest('base64url');

/**
 * Writes the scan to the log. When the same (device, nonce) was recorded in the meantime (the same
 * request sent twice at once), returns that first answer instead: it decides.
 */
export async function recordScan(
  tx: Tx,
  input: ScanInput,
  answer: RedeemAnswer,
  extra: { scannedAt: Date; offline?: boolean; deviceResult?: ScanResult },
): Promise<RedeemAnswer | undefined> {
  const recorded = await tx
    .insert(scan)
    .values({
      clubId: input.clubId,
      matchId: input.matchId,
      deviceId: input.deviceId,
      nonce: input.nonce,
      codeHash: hashCode(input.code),
      ticketId: answer.ticketId,
      result: answer.result,
      ...extra,
    })
    .onConflictDoNothing()
    .returning({ id: scan.id });
  return recorded.length === 0 ? await firstAnswer(tx, input) : undefined;
}

/** Admits a valid, unused ticket: one guarded UPDATE, so two gates at once cannot both succeed. */
async function admit(tx: Tx, ticketId: string, deviceId: string, at: Date): Promise<RedeemAnswer> {
  const admitted = await tx
    .update(ticket)
    .set({ usedAt: at, usedByDevice: deviceId })
    .where(and(eq(ticket.id, ticketId), isNull(ticket.usedAt), eq(ticket.status, 'valid')))
    .returning({ id: ticket.id });
  return { result: admitted.length > 0 ? 'ok' : 'already_used', ticketId };
}

export type Verdict = RedeemAnswer | { result: 'admissible'; ticketId: string; ticket: TicketDescription };

/**
 * Everything a scan is checked for before admitting (the shared rules of @footarena/checkin-rules),
 * with what the database knows: every club's keys and the ticket's row.
 */
export async function judgeScan(tx: Tx, input: Omit<ScanInput, 'deviceId' | 'nonce'>, at: Date): Promise<Verdict> {
  const parsed = parse(input.code);
  const key = parsed.ok ? await signingKey(tx, parsed.keyId) : undefined;
  const verified = key && parsed.ok ? verify(input.code, { [parsed.keyId]: key.publicKey }) : parsed.ok ? UNKNOWN_KEY : parsed;
  const scope = { clubId: input.clubId, matchId: input.matchId, standIds: input.standIds, gatesOpenAt: input.gatesOpenAt };
  const code = judgeCode({ verified, keyClubId: key?.clubId ?? null }, scope);
  if (code.result !== 'lookup') return code;
  let ticketId = code.ticketId;
  const [found] = await selectTicketDetails(tx).where(eq(ticket.id, ticketId));
  if (!found) return judgeTicket(ticketId, null, scope, at);
  const description = toDescription(found);
  let revoked = found.status === 'revoked';
  if (revoked && found.revokedAt && at < found.revokedAt) {
    // Scanned (offline) before this code was replaced by a re-issue: the entry is the seat's, and
    // counts on the code that now stands for it. A refunded seat has no such code.
    const current = await currentCodeOfSeat(tx, found.seatId);
    if (current) [ticketId, revoked] = [current, false];
  }
  // Whether it entered is decided under the row lock: by the admitting update online, by the first
  // scan offline (record-offline-scan.ts).
  const verdict = judgeTicket(ticketId, { revoked, used: false, standId: found.standId }, scope, at);
  return verdict.result === 'ok' ? { result: 'admissible', ticketId, ticket: description } : { ...verdict, ticket: description };
}

async function currentCodeOfSeat(tx: Tx, seatId: string): Promise<string | undefined> {
  const [current] = await tx
    .select({ id: ticket.id })
    .from(ticket)
    .where(and(eq(ticket.seatId, seatId), eq(ticket.status, 'valid')));
  return current?.id;
}

// Public keys never change once made (a rotation adds a key), so each process keeps those it has
// read: one query less per scan. Bounded: a full cache is emptied rather than grown.
const keyCache = new Map<string, { clubId: string; publicKey: string }>();

async function signingKey(tx: Tx, keyId: string) {
  const cached = keyCache.get(keyId);
  if (cached) return cached;
  const [key] = await tx
    .select({ clubId: clubSigningKey.clubId, publicKey: clubSigningKey.publicKey })
    .from(clubSigningKey)
    .where(eq(clubSigningKey.keyId, keyId));
  if (!key) return undefined; // not cached: the key may yet be made
  if (keyCache.size >= 10_000) keyCache.clear();
  keyCache.set(keyId, key);
  return key;
}
