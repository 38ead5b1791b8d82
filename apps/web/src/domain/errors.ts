// Fixed error codes of the domain; the HTTP layer maps each to a status and a localized message
// in one place (http/errors.ts).
export const ERROR_CODES = [
  'not_found',
  'forbidden',
  'sign_in_locked',
  'club_suspended',
  'sole_owner',
  'wrong_password',
  'already_member',
  'bad_image',
  'image_too_large',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}
