import type { ErrorResponse } from '@footarena/gate-protocol';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../../domain/errors.ts';

type ErrorCode = ErrorResponse['error'];

// The device API's refusals (docs/device-api.md §3), each code once with its status. Edge refusals are
// thrown as HTTPException(status, message), domain errors as DomainError(code); `answerError`, the
// sub-app's onError, turns both into the documented {error, message}.
const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  nonce_reused: 409,
  stand_full: 409,
  free_entry_off: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  not_enough_seats: 409,
  sale_closed: 409,
  quota_exceeded: 409,
};
const CODE_OF_STATUS = new Map(Object.entries(STATUS).map(([code, status]) => [status, code as ErrorCode]));

/** What a device is told for each domain error the API's operations throw (English: a machine reads the code). */
const DOMAIN_MESSAGES = {
  not_found: 'Not found: no such pairing code (unknown, used or expired), or no such match for this club.',
  forbidden: 'This device may not admit for this match or stand.',
  nonce_reused: 'This device already sent this nonce with another code: nothing was admitted. Use a new nonce for every scan.',
  stand_full: 'This stand has no seat left: the free entry was not counted.',
  free_entry_off: 'Free entry ("children under N enter free") is not on for this match.',
  not_enough_seats: 'Not enough seats left on a stand of this sale: nothing was sold.',
  sale_closed: 'This match is not on sale at the gate (not yet on sale, played or cancelled): nothing was sold.',
  quota_exceeded: 'This offline sale goes beyond the seats this device reserved: it is not recorded.',
} as const satisfies Partial<Record<ErrorCode, string>>;
type DomainCode = keyof typeof DOMAIN_MESSAGES;

const isDeviceApiCode = (code: string): code is DomainCode => Object.hasOwn(DOMAIN_MESSAGES, code);

/** The documented body for a domain error of the contract, or null for any other error. */
export function refusalOf(error: unknown): (ErrorResponse & { error: DomainCode }) | null {
  if (!(error instanceof DomainError) || !isDeviceApiCode(error.code)) return null;
  return { error: error.code, message: DOMAIN_MESSAGES[error.code] };
}

/**
 * The device API's error handler: every refusal as {error, message}. Anything else (a bug, a domain
 * code outside the contract) goes on to the app's handler, which logs it.
 */
export function answerError(error: Error, c: Context) {
  const refusal = refusalOf(error);
  if (refusal) return c.json(refusal satisfies ErrorResponse, STATUS[refusal.error]);
  const code = error instanceof HTTPException ? CODE_OF_STATUS.get(error.status) : undefined;
  if (code) return c.json({ error: code, message: error.message || code } satisfies ErrorResponse, STATUS[code]);
  throw error;
}
