// One scan, from a code to a verdict: asked of the server while online; without the network (or without
// an answer in time) decided on the phone with the shared rules and queued for the next sync.
import type { Entry, RedeemResponse, ScanDirection, ScanResult } from '@footarena/gate-protocol';
import { parseShortCode } from '@footarena/ticket-code/web';
import { offlineVerdict } from '../offline-verdict.ts';
import { type Api, Refused, Unauthorized } from './api.ts';
import { recordAdmission, recordExit } from './match-data.ts';
import type { ScanQueue } from './queue.ts';
import { type Session, saveData } from './session.ts';
import type { Store } from './storage.ts';

const MAX_CODE_LENGTH = 512;
const REDEEM_TIMEOUT_MS = 3_000;

export type ScanOutcome =
  | {
      kind: 'verdict';
      result: ScanResult;
      ticket: RedeemResponse['ticket'];
      offline: boolean;
      admitted: boolean;
      queued: boolean;
      direction: ScanDirection;
      /** With already_used: when and by which device it entered, when known. */
      entry?: Entry | null;
      /** A typed short code with a wrong check character: "check the code". */
      hint?: 'check_code';
    }
  /** This device's token no longer works. */
  | { kind: 'revoked' }
  /** The club took this match (or stand) off this device. */
  | { kind: 'withdrawn' };

export interface ScanParts {
  session: Session;
  queue: ScanQueue;
  api: Api;
  store: Store;
}

/**
 * Judges one code for the session's match and records what follows from it (an admission, a queued
 * scan). A redeem that fails for lack of network sets `session.online` to false; null when no match is
 * being scanned.
 */
export async function judgeScan(
  { session, queue, api, store }: ScanParts,
  code: string,
  now: () => Date,
  direction: ScanDirection = 'in',
): Promise<ScanOutcome | null> {
  const { device, matchId, standId } = session;
  if (!matchId || !device) return null;
  const verdict = (result: ScanResult, ticket: RedeemResponse['ticket'], offline: boolean, admitted: boolean, queued: boolean) =>
    ({ kind: 'verdict', result, ticket, offline, admitted, queued, direction }) as const;
  // Longer than any code the API takes: certainly not a ticket, and nothing to upload.
  if (code.length > MAX_CODE_LENGTH) return verdict('unknown', null, !session.online, false, false);
  const typo = parseShortCode(code).kind === 'typo' ? ({ hint: 'check_code' } as const) : {};
  const nonce = crypto.randomUUID();
  const out = direction === 'out' ? { direction } : {};
  if (session.online) {
    try {
      const body = { code, nonce, matchId, ...(standId ? { standId } : {}), ...out };
      const answer = await api<RedeemResponse>('/redeem', { body, timeout: REDEEM_TIMEOUT_MS });
      const admitted = admit(answer.ticket?.id ?? null, answer.result, answer.ticket?.stand);
      return { ...verdict(answer.result, answer.ticket, false, admitted, false), entry: answer.entry ?? null, ...typo };
    } catch (error) {
      if (error instanceof Unauthorized) return { kind: 'revoked' };
      if (error instanceof Refused) return { kind: 'withdrawn' };
      session.online = false;
    }
  }
  // Offline, or no answer in time: decide here, with the same nonce, so that if the request did
  // reach the server, the upload gets its first answer back instead of a second entry.
  const local = session.data
    ? await offlineVerdict(code, session.data, { clubId: device.clubId, matchId }, now(), direction)
    : { result: 'unknown' as const, ticketId: null };
  queue.add({ matchId, token: device.token, code, nonce, scannedAt: now().toISOString(), result: local.result, ...out });
  const entry = local.result === 'already_used' && local.ticketId ? (session.data?.entries?.[local.ticketId] ?? null) : null;
  return { ...verdict(local.result, null, true, admit(local.ticketId, local.result, undefined, now()), true), entry, ...typo };

  /** What an `ok` changes on the phone: an entry (or a re-entry) counted, or an exit. */
  function admit(ticketId: string | null, result: ScanResult, stand?: string, at?: Date) {
    if (!session.data || !ticketId || result !== 'ok') return false;
    if (direction === 'out') recordExit(session.data, ticketId, stand);
    else recordAdmission(session.data, ticketId, stand, at ? { at: at.toISOString(), device: device!.name } : undefined);
    saveData(store, session);
    return true;
  }
}

/**
 * Scans are handled one at a time, in the order they came; whatever fails in one, the next still runs.
 * `busy` lets the camera offer a code only when nothing is pending.
 */
export class ScanLine {
  #pending = 0;
  #chain = Promise.resolve();

  get busy() {
    return this.#pending > 0;
  }

  add(scan: () => Promise<unknown>, onFailure: () => void) {
    this.#pending++;
    this.#chain = this.#chain
      .then(scan)
      .then(() => undefined)
      .catch(onFailure)
      .finally(() => void this.#pending--);
  }
}

// RFC 8032, test 1: a valid Ed25519 public key, to ask the browser whether it can verify at all.
const PROBE_KEY = Uint8Array.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'.match(/../g)!, (h) =>
  Number.parseInt(h, 16),
);

/** Offline checks need WebCrypto's Ed25519 (recent browsers). */
export async function canCheckOffline(): Promise<boolean> {
  const able = await crypto.subtle
    ?.importKey('raw', PROBE_KEY, { name: 'Ed25519' }, false, ['verify'])
    .then(() => true)
    .catch(() => false);
  return able === true;
}
