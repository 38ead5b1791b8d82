import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type ErrorCode } from '../domain/errors.ts';
import type { MessageKey } from '../i18n/index.ts';
import { render } from '../views/layouts/layout.tsx';
import type { AppEnv } from './types.ts';

// Each domain error code, once: the HTTP status and the message a person reads.
export const ERROR_HTTP: Record<ErrorCode, { status: ContentfulStatusCode; message: MessageKey }> = {
  not_found: { status: 404, message: 'error.notFound' },
  forbidden: { status: 403, message: 'error.forbidden' },
  rate_limited: { status: 429, message: 'error.rateLimited' },
  club_suspended: { status: 403, message: 'error.clubSuspended' },
  sole_owner: { status: 409, message: 'error.soleOwner' },
  wrong_password: { status: 400, message: 'error.wrongPassword' },
  already_member: { status: 409, message: 'error.alreadyMember' },
  bad_image: { status: 400, message: 'error.badImage' },
  image_too_large: { status: 413, message: 'error.imageTooLarge' },
  kickoff_in_past: { status: 400, message: 'error.kickoffInPast' },
  cap_above_capacity: { status: 400, message: 'error.capAboveCapacity' },
  cap_below_sold: { status: 409, message: 'error.capBelowSold' },
  capacity_below_cap: { status: 409, message: 'error.capacityBelowCap' },
  price_out_of_range: { status: 400, message: 'error.priceOutOfRange' },
  sale_closes_after_kickoff: { status: 400, message: 'error.saleClosesAfterKickoff' },
  sale_window_inverted: { status: 400, message: 'error.saleWindowInverted' },
  gates_open_after_kickoff: { status: 400, message: 'error.gatesOpenAfterKickoff' },
  opponent_is_self: { status: 400, message: 'error.opponentIsSelf' },
  opponent_ambiguous: { status: 400, message: 'error.opponentAmbiguous' },
  venue_required: { status: 400, message: 'error.venueRequired' },
  stand_has_sales: { status: 409, message: 'error.standHasSales' },
  no_stand_open: { status: 409, message: 'error.noStandOpen' },
  match_not_editable: { status: 409, message: 'error.matchNotEditable' },
  empty_order: { status: 400, message: 'error.emptyOrder' },
  over_order_limit: { status: 400, message: 'error.overOrderLimit' },
  sale_closed: { status: 409, message: 'error.saleClosed' },
  not_enough_seats: { status: 409, message: 'error.notEnoughSeats' },
  season_sale_closed: { status: 409, message: 'error.seasonSaleClosed' },
  season_sold_out: { status: 409, message: 'error.seasonSoldOut' },
  season_priority_only: { status: 403, message: 'error.seasonPriorityOnly' },
  season_priority_limit: { status: 409, message: 'error.seasonPriorityLimit' },
  member_price_only: { status: 403, message: 'error.memberPriceOnly' },
  seats_gone: { status: 409, message: 'error.seatsGone' },
  payment_mismatch: { status: 409, message: 'error.paymentMismatch' },
  payments_not_ready: { status: 409, message: 'error.paymentsNotReady' },
  match_cancelled: { status: 409, message: 'error.saleClosed' },
  guest_allowance_exceeded: { status: 409, message: 'error.guestAllowanceExceeded' },
  guest_allowance_below_used: { status: 409, message: 'error.guestAllowanceBelowUsed' },
  guest_entered: { status: 409, message: 'error.guestEntered' },
  free_entry_off: { status: 409, message: 'error.freeEntryOff' },
  stand_full: { status: 409, message: 'error.standFull' },
  quota_exceeded: { status: 409, message: 'error.quotaExceeded' },
  quota_out_of_range: { status: 400, message: 'error.quotaOutOfRange' },
  season_stand_not_open: { status: 409, message: 'error.seasonStandNotOpen' },
  season_stand_too_small: { status: 409, message: 'error.seasonStandTooSmall' },
  season_passes_sold: { status: 409, message: 'error.seasonPassesSold' },
  season_stand_locked: { status: 409, message: 'error.seasonStandLocked' },
  season_renewal_other_stand: { status: 400, message: 'error.seasonRenewalOtherStand' },
  season_priority_invalid: { status: 400, message: 'error.seasonPriorityInvalid' },
  ticket_used: { status: 409, message: 'error.ticketUsed' },
  match_started: { status: 409, message: 'error.matchStarted' },
  seat_passed: { status: 409, message: 'error.seatPassed' },
  loan_used: { status: 409, message: 'error.loanUsed' },
  ticket_entered: { status: 409, message: 'error.ticketEntered' },
  nonce_reused: { status: 409, message: 'error.nonceReused' },
  transfers_off: { status: 409, message: 'error.transfersOff' },
  member_exists: { status: 409, message: 'error.memberExists' },
};

export function domainMessage(c: Context<AppEnv>, error: DomainError): string {
  return c.get('t')(ERROR_HTTP[error.code].message, error.params);
}

function ErrorPage(props: { title: string; text: string }) {
  return (
    <section class="card narrow">
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      <p>
        <a href="/">← FootArena</a>
      </p>
    </section>
  );
}

const PAGE: Partial<Record<number, { title: MessageKey; text: MessageKey }>> = {
  400: { title: 'error.400.title', text: 'error.badRequest' },
  403: { title: 'error.403.title', text: 'error.403.text' },
  404: { title: 'error.404.title', text: 'error.404.text' },
  413: { title: 'error.413.title', text: 'error.413.text' },
  429: { title: 'error.429.title', text: 'error.429.text' },
};

/** Renders an error page that says what happened and nothing about the inside of the app. */
export function renderError(c: Context<AppEnv>, status: ContentfulStatusCode, text?: string) {
  const t = c.get('t');
  const page = PAGE[status] ?? { title: 'error.500.title', text: 'error.500.text' };
  c.status(status);
  return render(c, <ErrorPage title={t(page.title)} text={text ?? t(page.text)} />, { title: t(page.title) });
}

export function handleError(error: Error, c: Context<AppEnv>) {
  if (error instanceof DomainError) {
    // Outside the pages (the webhook) there is no language: a machine reads the code.
    if (!c.get('t')) return c.json({ error: error.code }, ERROR_HTTP[error.code].status);
    return renderError(c, ERROR_HTTP[error.code].status, domainMessage(c, error));
  }
  if (error instanceof HTTPException && error.status < 500) {
    const t = c.get('t');
    if (!t) return c.text(error.message || 'Error', error.status); // failed before the locale was set
    const text = error.message === 'csrf' ? t('error.csrf') : error.status === 400 ? t('error.badRequest') : undefined;
    return renderError(c, error.status, text);
  }
  c.get('deps').logger.error({ reqId: c.get('requestId'), err: { message: error.message, stack: error.stack } }, 'unhandled error');
  if (!c.get('t')) return c.text('Internal Server Error', 500);
  return renderError(c, 500);
}
