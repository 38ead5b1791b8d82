import { createHash } from 'node:crypto';
import { judgeCode, judgeTicket } from '@footarena/checkin-rules';
import { parse, parseShortCode, UNKNOWN_KEY, verify } from '@footarena/ticket-code';
import { and, eq, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Autocommit, Executor, Tx } from '../../db/client.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { clubSigningKey, type ScanDirection, type ScanMethod, type ScanResult, scan, ticket } from '../../db/schema/index.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { type EntryFacts, entryOf, findEntry, selectTicketDetails, type TicketDescription, toDescription } from './describe-ticket.ts';
import { findPassTicketByShortCode, resolvePassCode } from './find-pass-ticket.ts';

export interface RedeemAnswer {
  result: ScanResult;
  ticketId: string | null;
  /** What the steward sees of the ticket, when this scan looked it up (not on a repeated nonce). */
  ticket?: TicketDescription;
  /** With already_used: when and by which device the ticket entered. */
  entry?: EntryFacts;
}

/** One scan: the device that made it is its actor (a scan is the device's act, not a person's). */
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
  /** How the code reached the device (default: its QR read); a short code is typed. */
  method?: ScanMethod;
  /** Out: an exit scan (re-entry). Default in. */
  direction?: ScanDirection;
  /** Whether the match lets people out and back in (the caller has read the match). */
  allowReentry?: boolean;
}

/**
 * A scan at the gate (invariant 3). The code is verified with the club's keys (a forged code never
 * reaches the database), then the ticket is admitted by one atomic UPDATE that only succeeds while
 * it is valid and unused: of two gates scanning it at the same moment, one gets `ok`, the other
 * `already_used`. Every scan is recorded with its result; a repeated (device, nonce) returns the
 * first answer and changes nothing.
 *
 * Two statements and no transaction: one reads what the scan is judged on (the ticket, the first
 * answer to this nonce), one admits and logs (logScan). Takes the database, not a transaction: a
 * nonce taken meanwhile fails that statement, and the first answer is then read.
 */
export async function redeemTicket(db: Autocommit, { now = new Date() }: Ctx<'now'>, input: ScanInput): Promise<RedeemAnswer> {
  const typed = parseShortCode(input.code);
  if (typed.kind !== 'other') {
    // A short code typed by the steward: looked up within the scanned match (a typo is never looked up).
    const lookup = typed.kind === 'short' ? { matchId: input.matchId, shortCode: typed.code } : null;
    let facts = await readScanFacts(db, 'scan_facts', lookup, BY_DEVICE, { deviceId: input.deviceId, nonce: input.nonce });
    const pass = !facts.ticket && typed.kind === 'short' ? await findPassTicketByShortCode(db, input, typed.code) : null;
    if (pass)
      facts = await readScanFacts(db, 'scan_facts', { ticketId: pass.id }, BY_DEVICE, { deviceId: input.deviceId, nonce: input.nonce });
    return judgeAndLog(db, typedScan(input, typed), foundCode(facts.ticket, input), facts.ticket, facts.seen, now);
  }
  // A season pass's code names its product, not this match: resolved to its row here (one lookup more,
  // only then), then read and admitted like any ticket.
  const code = await resolvePassCode(db, await checkCode(db, input.code), input);
  const lookup = code.ticketId ? { ticketId: code.ticketId } : null;
  const facts = await readScanFacts(db, 'scan_facts', lookup, BY_DEVICE, { deviceId: input.deviceId, nonce: input.nonce });
  return judgeAndLog(db, input, code, facts.ticket, facts.seen, now);
}

/** A typed scan: logged as typed, under the canonical short code (a repeated nonce replays for any spelling). */
export const typedScan = <S extends Pick<ScanInput, 'code' | 'method'>>(input: S, typed: ReturnType<typeof parseShortCode>): S => ({
  ...input,
  method: 'typed',
  code: typed.kind === 'short' ? typed.code : input.code,
});

/**
 * What judgeCode needs for a ticket found without a signed code (a typed short code, a search): the
 * ticket found in the scanned match (of the club: the caller checked the match is), or nothing (`unknown`).
 */
export function foundCode(found: { id: string } | null, scope: { clubId: string; matchId: string }): CheckedCode {
  if (!found) return { verified: { ok: false, error: 'bad_format' }, keyClubId: null, ticketId: null };
  return { verified: { ok: true, keyId: '', ticketId: found.id, matchId: scope.matchId }, keyClubId: scope.clubId, ticketId: found.id };
}

/** The first answer to (device, nonce), as JSON, for one statement that reads what a scan is judged on. */
export const seenJson = (deviceId: SQL) =>
  sql<Seen | null>`(select json_build_object('result', s.result, 'ticketId', s.ticket_id, 'codeHash', s.code_hash)
    from ${scan} s where s.device_id = ${deviceId} and s.nonce = ${sql.placeholder('nonce')})`;
const BY_DEVICE = { seen: seenJson(sql`${sql.placeholder('deviceId')}::uuid`) };

interface Seen {
  result: ScanResult;
  ticketId: string | null;
  codeHash: string;
}

type FieldsOf<E> = { [K in keyof E]: E[K] extends SQL<infer T> ? T : never };
type TicketRow = Awaited<ReturnType<ReturnType<typeof selectTicketDetails>['where']>>[number];

/**
 * The ticket a scan names: by id (a verified QR code), by short code within the scanned match (typed),
 * or by id within the scanned match (found by a search).
 */
export type TicketLookup = { ticketId: string } | { matchId: string; shortCode: string } | { matchId: string; ticketId: string };

/**
 * What a scan is judged on, in one prepared statement (`name`): the ticket the code names, with
 * `extra` (JSON subqueries — the first answer to the nonce, the device… — whose placeholders `params`
 * fill). Without a ticket to read (a code that is not genuine, or names no ticket), `extra` alone.
 */
export async function readScanFacts<E extends Record<string, SQL>>(
  db: Autocommit,
  name: string,
  lookup: TicketLookup | null,
  extra: E,
  params: Record<string, unknown>,
) {
  if (lookup) {
    const [suffix, where, values] =
      'shortCode' in lookup
        ? ([
            'short_code',
            and(eq(ticket.matchId, sql.placeholder('ticketMatchId')), eq(ticket.shortCode, sql.placeholder('shortCode'))),
            { ticketMatchId: lookup.matchId, shortCode: lookup.shortCode },
          ] as const)
        : 'matchId' in lookup
          ? ([
              'in_match',
              and(eq(ticket.matchId, sql.placeholder('ticketMatchId')), eq(ticket.id, sql.placeholder('ticketId'))),
              { ticketMatchId: lookup.matchId, ticketId: lookup.ticketId },
            ] as const)
          : (['ticket', eq(ticket.id, sql.placeholder('ticketId')), { ticketId: lookup.ticketId }] as const);
    const query = preparedOnce(db, `${name}_${suffix}`, (n) => selectTicketDetails(db, extra).where(where).prepare(n));
    const [found] = (await query.execute({ ...params, ...values })) as (TicketRow & FieldsOf<E>)[];
    if (found) {
      const { id, seatId, status, revokedAt, standId, stand, category, holder, usedAt, usedBy, exitedAt, ...rest } = found;
      const row = { id, seatId, status, revokedAt, standId, stand, category, holder, usedAt, usedBy, exitedAt };
      return { ticket: row as TicketRow | null, ...(rest as FieldsOf<E>) };
    }
  }
  const query = preparedOnce(db, name, (n) => db.select(extra).from(sql`(select 1) as one`).prepare(n));
  const [alone] = (await query.execute(params)) as FieldsOf<E>[];
  return { ticket: null as TicketRow | null, ...alone! };
}

/** A code checked against the club keys: what judgeCode needs, and the ticket it names if genuine. */
export async function checkCode(db: Executor, code: string) {
  const parsed = parse(code);
  const key = parsed.ok ? await signingKey(db, parsed.keyId) : undefined;
  const verified = key && parsed.ok ? verify(code, { [parsed.keyId]: key.publicKey }) : parsed.ok ? UNKNOWN_KEY : parsed;
  return { verified, keyClubId: key?.clubId ?? null, ticketId: verified.ok ? verified.ticketId : null };
}
export type CheckedCode = Awaited<ReturnType<typeof checkCode>>;

/** Replays the first answer to the nonce, or judges the scan and logs it (admitting when it may). */
export async function judgeAndLog(
  db: Autocommit,
  input: ScanInput,
  code: CheckedCode,
  found: TicketRow | null,
  seen: Seen | null,
  now: Date,
): Promise<RedeemAnswer> {
  if (seen) return replay(seen, input.code);
  const verdict = await judgeFound(db, input, code, found, now);
  try {
    const answer = await logScan(db, input, verdict, now);
    if (answer.result !== 'already_used' || !answer.ticketId) return answer;
    // When and where it entered: read with the ticket, or — for a scan that lost a race, or the latest
    // entry where people go out and back in — now.
    const reentry = input.allowReentry ?? false;
    const entry = (found && !reentry && entryOf(found)) || (await findEntry(db, input.clubId, answer.ticketId, reentry));
    return entry ? { ...answer, entry } : answer;
  } catch (error) {
    // The same nonce was logged meanwhile (the same request sent twice at once): its answer decides,
    // and this statement — with any admission in it — did not happen.
    if (!nonceTaken(error)) throw error;
    const first = await firstAnswer(db, input);
    if (!first) throw error;
    return first;
  }
}

/**
 * Logs an online scan; an admissible ticket is admitted in the same statement, by the guarded UPDATE
 * (valid and unused), and logged `ok` only if that UPDATE took it. A nonce already logged fails the
 * statement whole (unique index), so a lost race admits nothing.
 */
async function logScan(db: Autocommit, input: ScanInput, verdict: Verdict, now: Date): Promise<RedeemAnswer> {
  const params = {
    clubId: input.clubId,
    matchId: input.matchId,
    deviceId: input.deviceId,
    nonce: input.nonce,
    codeHash: hashCode(input.code),
    ticketId: verdict.ticketId,
    scannedAt: now, // mapped by the column
    usedAt: now.toISOString(), // in SQL of our own: not mapped
    method: input.method ?? 'qr',
    direction: input.direction ?? 'in',
  };
  if (verdict.result !== 'admissible') {
    const log = preparedOnce(db, 'scan_log', (n) =>
      db
        .insert(scan)
        .values({ ...SCAN_VALUES, result: sql.placeholder('result') })
        .prepare(n),
    );
    await log.execute({ ...params, result: verdict.result });
    return verdict;
  }
  const move = movementOf(input);
  const admitAndLog = preparedOnce(db, `scan_${move}_log`, (n) => {
    const moved = db.$with('moved', { id: ticket.id }).as(
      db
        .update(ticket)
        .set(MOVES[move].set)
        .where(and(eq(ticket.id, sql.placeholder('ticketId')), eq(ticket.status, 'valid'), MOVES[move].guard))
        .returning({ id: ticket.id })
        .getSQL(),
    );
    return db
      .with(moved)
      .insert(scan)
      .values({
        ...SCAN_VALUES,
        result: sql`(case when exists (select 1 from ${moved}) then 'ok' else ${sql.raw(`'${MOVES[move].refused}'`)} end)`,
      })
      .returning({ result: scan.result })
      .prepare(n);
  });
  const [logged] = await admitAndLog.execute(params);
  return { result: logged!.result, ticketId: verdict.ticketId, ticket: verdict.ticket };
}

/**
 * The three ways a scan moves a ticket, each one guarded UPDATE: `admit` (single entry: valid and never
 * entered), `reenter` (a match that allows re-entry: never entered, or out now — never inside twice),
 * `exit` (re-entry: inside now). The first entry's time and device stay the ticket's used_at/used_by_device.
 */
const MOVES = {
  admit: {
    set: { usedAt: sql`${sql.placeholder('usedAt')}::timestamptz`, usedByDevice: sql`${sql.placeholder('deviceId')}::uuid` },
    guard: isNull(ticket.usedAt),
    refused: 'already_used',
  },
  reenter: {
    set: {
      usedAt: sql`coalesce(${ticket.usedAt}, ${sql.placeholder('usedAt')}::timestamptz)`,
      usedByDevice: sql`coalesce(${ticket.usedByDevice}, ${sql.placeholder('deviceId')}::uuid)`,
      exitedAt: sql`null`,
    },
    guard: or(isNull(ticket.usedAt), isNotNull(ticket.exitedAt)),
    refused: 'already_used',
  },
  exit: {
    set: { exitedAt: sql`${sql.placeholder('usedAt')}::timestamptz` },
    guard: and(isNotNull(ticket.usedAt), isNull(ticket.exitedAt)),
    refused: 'not_inside',
  },
} as const satisfies Record<
  string,
  { set: Partial<Record<keyof typeof ticket.$inferInsert, SQL>>; guard: SQL | undefined; refused: ScanResult }
>;

const movementOf = (input: Pick<ScanInput, 'direction' | 'allowReentry'>): keyof typeof MOVES =>
  input.direction === 'out' ? 'exit' : input.allowReentry ? 'reenter' : 'admit';

/** The columns of an online scan's log entry, filled by logScan's params. */
const SCAN_VALUES = {
  clubId: sql.placeholder('clubId'),
  matchId: sql.placeholder('matchId'),
  deviceId: sql.placeholder('deviceId'),
  nonce: sql.placeholder('nonce'),
  codeHash: sql.placeholder('codeHash'),
  ticketId: sql.placeholder('ticketId'),
  scannedAt: sql.placeholder('scannedAt'),
  method: sql.placeholder('method'),
  direction: sql.placeholder('direction'),
};

/** Whether an error is the unique index on (device, nonce) refusing a second scan with the same nonce. */
function nonceTaken(error: unknown): boolean {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const { code, constraint, message } = cause as { code?: string; constraint?: string; message?: string };
  return code === '23505' && (constraint === 'scan_device_nonce_uq' || Boolean(message?.includes('scan_device_nonce_uq')));
}

/** The first answer, for the same code only: a nonce sent again with another code admits nothing. */
function replay(seen: Seen, code: string): RedeemAnswer {
  if (seen.codeHash !== hashCode(code)) throw new DomainError('nonce_reused');
  return { result: seen.result, ticketId: seen.ticketId };
}

/**
 * The answer already given to this (device, nonce), if any. It is replayed only for the same code: a
 * nonce sent again with another code (a gate whose counter started over) admits nothing.
 */
export async function firstAnswer(db: Executor, input: Pick<ScanInput, 'deviceId' | 'nonce' | 'code'>): Promise<RedeemAnswer | undefined> {
  const [seen] = await db
    .select({ result: scan.result, ticketId: scan.ticketId, codeHash: scan.codeHash })
    .from(scan)
    .where(and(eq(scan.deviceId, input.deviceId), eq(scan.nonce, input.nonce)));
  return seen ? replay(seen, input.code) : undefined;
}

export const hashCode = (code: string) => createHash('sha256').update(code).digest('base64url');

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
      method: input.method ?? 'qr',
      direction: input.direction ?? 'in',
      ...extra,
    })
    .onConflictDoNothing()
    .returning({ id: scan.id });
  return recorded.length === 0 ? await firstAnswer(tx, input) : undefined;
}

export type Verdict = RedeemAnswer | { result: 'admissible'; ticketId: string; ticket: TicketDescription };

/**
 * Everything a scan is checked for before admitting (the shared rules of @footarena/checkin-rules),
 * with what the database knows: every club's keys and the ticket's row.
 */
export async function judgeScan(tx: Executor, input: Omit<ScanInput, 'deviceId' | 'nonce'>, at: Date): Promise<Verdict> {
  const typed = parseShortCode(input.code);
  const code =
    typed.kind === 'other'
      ? await resolvePassCode(tx, await checkCode(tx, input.code), input)
      : foundCode(await typedTicket(tx, input, typed), input);
  const [found] = code.ticketId ? await selectTicketDetails(tx).where(eq(ticket.id, code.ticketId)) : [];
  return judgeFound(tx, input, code, found ?? null, at);
}

/** The verdict on a checked code and the row of the ticket it names (read by the caller). */
async function judgeFound(
  tx: Executor,
  input: Omit<ScanInput, 'deviceId' | 'nonce'>,
  code: CheckedCode,
  found: TicketRow | null,
  at: Date,
): Promise<Verdict> {
  const scope = {
    clubId: input.clubId,
    matchId: input.matchId,
    standIds: input.standIds,
    gatesOpenAt: input.gatesOpenAt,
    allowReentry: input.allowReentry ?? false,
  };
  const judged = judgeCode(code, scope);
  if (judged.result !== 'lookup') return judged;
  let ticketId = judged.ticketId;
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
  // An exit is judged as of a ticket inside: the exiting update decides whether it is.
  const direction = input.direction ?? 'in';
  const verdict = judgeTicket(ticketId, { revoked, used: direction === 'out', standId: found.standId }, scope, at, direction);
  return verdict.result === 'ok' ? { result: 'admissible', ticketId, ticket: description } : { ...verdict, ticket: description };
}

/** The ticket a typed short code names in the scanned match of the club (a typo names none, unread). */
async function typedTicket(tx: Executor, scope: Pick<ScanInput, 'clubId' | 'matchId'>, typed: ReturnType<typeof parseShortCode>) {
  if (typed.kind !== 'short') return null;
  const [found] = await tx
    .select({ id: ticket.id })
    .from(ticket)
    .where(and(eq(ticket.clubId, scope.clubId), eq(ticket.matchId, scope.matchId), eq(ticket.shortCode, typed.code)));
  return found ?? (await findPassTicketByShortCode(tx, scope, typed.code));
}

async function currentCodeOfSeat(tx: Executor, seatId: string): Promise<string | undefined> {
  const [current] = await tx
    .select({ id: ticket.id })
    .from(ticket)
    .where(and(eq(ticket.seatId, seatId), eq(ticket.status, 'valid')));
  return current?.id;
}

// Public keys never change once made (a rotation adds a key), so each process keeps those it has
// read: one query less per scan. Bounded: a full cache is emptied rather than grown.
const keyCache = new Map<string, { clubId: string; publicKey: string }>();

async function signingKey(tx: Executor, keyId: string) {
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
