import { z } from 'zod';

// The device API shared by the web app and the gates (version 1): requests are strict (an unknown
// field is an error, not ignored), answers carry one of the fixed result codes.

export const SCAN_RESULTS = [
  'ok',
  'already_used',
  'wrong_match',
  'wrong_club',
  'revoked',
  'unknown',
  'not_open_yet',
  'bad_signature',
] as const;
export type ScanResult = (typeof SCAN_RESULTS)[number];

export const PairRequest = z.strictObject({
  /** The one-time code the club's back office showed, valid 15 minutes. */
  code: z.string().trim().min(6).max(32),
});
export type PairRequest = z.infer<typeof PairRequest>;

export const PairResponse = z.strictObject({
  deviceId: z.uuid(),
  /** Shown once: the device keeps it; only its hash is stored. */
  token: z.string().min(32),
  clubId: z.string(),
  name: z.string(),
});
export type PairResponse = z.infer<typeof PairResponse>;

export const RedeemRequest = z.strictObject({
  /** The text of the ticket's QR code. */
  code: z.string().min(1).max(512),
  /** Unique per scan on this device: a repeated nonce returns the first answer. */
  nonce: z.string().min(8).max(64),
  matchId: z.uuid(),
});
export type RedeemRequest = z.infer<typeof RedeemRequest>;

export const RedeemResponse = z.strictObject({
  result: z.enum(SCAN_RESULTS),
  ticket: z
    .strictObject({
      id: z.uuid(),
      stand: z.string(),
      category: z.string(),
      /** For the steward to glance at (never the full name). */
      holderFirstName: z.string().nullable(),
    })
    .nullable(),
});
export type RedeemResponse = z.infer<typeof RedeemResponse>;

export const ERROR_CODES = ['bad_request', 'unauthorized', 'not_found', 'payload_too_large', 'unsupported_media_type'] as const;
export const ErrorResponse = z.strictObject({ error: z.enum(ERROR_CODES), message: z.string() });
export type ErrorResponse = z.infer<typeof ErrorResponse>;
