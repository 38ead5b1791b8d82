// Fixed error codes of the domain; the HTTP layer maps each to a status and a localized message
// in one place (http/errors.ts).
export const ERROR_CODES = [
  'not_found',
  'forbidden',
  'rate_limited',
  'club_suspended',
  'sole_owner',
  'wrong_password',
  'already_member',
  'bad_image',
  'image_too_large',
  // catalog: venues, stands, matches
  'kickoff_in_past',
  'cap_above_capacity',
  'cap_below_sold',
  'capacity_below_cap',
  'price_out_of_range',
  'sale_closes_after_kickoff',
  'sale_window_inverted',
  'gates_open_after_kickoff',
  'opponent_is_self',
  'opponent_ambiguous',
  'venue_required',
  'stand_has_sales',
  'no_stand_open',
  'match_not_editable',
  // sales
  'empty_order',
  'over_order_limit',
  'sale_closed',
  'not_enough_seats',
  'seats_gone',
  'payment_mismatch',
  'payments_not_ready',
  'match_cancelled',
  // season tickets and member prices (decision 021)
  'season_sale_closed',
  'season_sold_out',
  'season_priority_only',
  'season_priority_limit',
  'member_price_only',
  // guest lists and free entries
  'guest_allowance_exceeded',
  'guest_allowance_below_used',
  'guest_entered',
  'free_entry_off',
  'stand_full',
  // the box office at the gate
  'quota_exceeded',
  'quota_out_of_range',
  // season tickets: the club's products (decision 021)
  'season_stand_not_open',
  'season_stand_too_small',
  'season_passes_sold',
  'season_stand_locked',
  'season_renewal_other_stand',
  'season_priority_invalid',
  // tickets and check-in
  'ticket_used',
  'ticket_entered',
  'nonce_reused',
  // passing tickets on, members, credit, season seats lent and given back (issue 19)
  'transfers_off',
  'match_started',
  'member_exists',
  'seat_passed',
  'loan_used',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    /** The form field the problem is about, when there is one. */
    readonly field?: string,
    /** Other problems of the same input found at the same time, so that a form shows them all at once. */
    readonly also: readonly DomainError[] = [],
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

/** Throws the problems found in one input, all at once (the first, with the others in `also`). */
export function throwAll(problems: DomainError[]): void {
  const [first, ...also] = problems;
  if (first) throw new DomainError(first.code, first.params, first.field, also);
}
