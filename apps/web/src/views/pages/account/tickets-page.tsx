import type { Child } from 'hono/jsx';
import type { MatchTickets } from '../../../domain/tickets/group-my-tickets.ts';
import { assetUrl } from '../../asset-url.ts';
import { Form } from '../../components/form.tsx';
import {
  MatchName,
  MatchWhen,
  SeasonNext,
  type SeasonPassFacts,
  ShortCode,
  type ShownTicket,
  TicketState,
  TicketWhat,
} from '../../components/ticket-facts.tsx';
import { OfflineNote } from '../../components/ticket-offline.tsx';
import { useT } from '../../components/use-t.ts';

export interface TicketsPageProps {
  /** Matches still to come, soonest first, each with its orders and tickets. */
  upcoming: MatchTickets<ShownTicket>[];
  /** Matches played, latest first: folded away. */
  past: MatchTickets<ShownTicket>[];
  /** When this page was made: what the offline copy says it dates from. */
  renderedAt: Date;
  /** Season passes, a block per product ("Season ticket 2026–27 · North stand"). */
  seasons?: MatchTickets<ShownPass>[];
}

/** A pass in the shape of a ticket (listMyPasses), with what a pass adds. */
export type ShownPass = ShownTicket & SeasonPassFacts;

/** "My tickets": a block per match, its tickets by order ("1 of 3"), the QR a tap away; past matches folded. */
export function TicketsPage({ upcoming, past, renderedAt, seasons = [] }: TicketsPageProps) {
  const t = useT();
  return (
    <div class="my-tickets">
      <h1>{t('tickets.title')}</h1>
      <OfflineNote renderedAt={renderedAt} />
      {[...upcoming, ...seasons.filter((g) => !g.past)].some((group) => group.valid.length > 0) ? (
        <p class="saved-note" id="tickets-offline-ready" hidden>
          {t('tickets.offlineReady')}
        </p>
      ) : null}
      {seasons.map((group) => (
        <SeasonBlock group={group} />
      ))}
      {upcoming.length === 0 && seasons.length === 0 ? (
        <p class="card">{t(past.length === 0 ? 'tickets.none' : 'tickets.noneUpcoming')}</p>
      ) : null}
      {upcoming.map((group) => (
        <MatchBlock group={group} />
      ))}
      {past.length > 0 ? (
        <details class="past-tickets">
          <summary>{t('matches.past')}</summary>
          {past.map((group) => (
            <MatchBlock group={group} />
          ))}
        </details>
      ) : null}
      <script type="module" src={assetUrl('tickets.js')} />
    </div>
  );
}

function MatchBlock({ group }: { group: MatchTickets<ShownTicket> }) {
  const live = !group.past;
  const headingId = `match-${group.matchId}`;
  return (
    <section class={live ? 'card match-tickets' : 'card match-tickets inactive'} aria-labelledby={headingId}>
      <h2 id={headingId}>
        <MatchName ticket={group.first} />
      </h2>
      <p class="when">
        <MatchWhen ticket={group.first} />
      </p>
      {live ? <GroupActions group={group} /> : null}
      {group.orders.map((o) => (
        <div class="order-tickets">
          <OrderLines order={o} count={group.valid.length} live={live} codes={live} />
          {live ? <OrderActions order={o} /> : null}
        </div>
      ))}
    </section>
  );
}

/**
 * The first valid ticket full screen, and the calendar file: its match, or for a pass the matches it
 * still has to play (decision 021).
 */
function GroupActions<T extends ShownTicket>({ group }: { group: MatchTickets<T> }) {
  const t = useT();
  const first = group.valid[0];
  return first ? (
    <p class="actions">
      <a class="button" href={`/account/tickets/${first.id}`}>
        {t('tickets.show')}
      </a>
      <a href={`/account/tickets/${first.id}/match.ics`}>{t('tickets.calendar')}</a>
    </p>
  ) : null;
}

/** A bought order's PDF (a season order's: a page per pass, as mailed) and its mail again, while it holds a valid one. */
function OrderActions<T extends ShownTicket>({ order: o }: { order: MatchTickets<T>['orders'][number] }) {
  const t = useT();
  return o.tickets.some((n) => n.ticket.status === 'valid' && n.ticket.bought) ? (
    <div class="actions">
      <a href={`/account/tickets/orders/${o.reference}/tickets.pdf`}>{t('tickets.pdf')}</a>
      <Form action={`/account/tickets/orders/${o.reference}/resend`} idPrefix={`resend-${o.reference}`} class="inline">
        <button type="submit" class="link">
          {t('tickets.resend')}
        </button>
      </Form>
    </div>
  ) : null;
}

/**
 * One season product's passes: the product named, the next match, each pass with its short code, a tap
 * to its QR full screen (the same page as a ticket's), and the way to its matches (lend, give back).
 */
function SeasonBlock({ group }: { group: MatchTickets<ShownPass> }) {
  const t = useT();
  const live = !group.past;
  const headingId = `season-${group.matchId}`;
  return (
    <section class={live ? 'card match-tickets season-tickets' : 'card match-tickets season-tickets inactive'} aria-labelledby={headingId}>
      <h2 id={headingId}>
        <MatchName ticket={group.first} />
      </h2>
      <p class="when">
        <SeasonNext season={group.first} />
      </p>
      {live ? <GroupActions group={group} /> : null}
      {group.orders.map((o) => (
        <div class="order-tickets">
          <OrderLines
            order={o}
            count={group.valid.length}
            live={live}
            codes
            more={(tk) => (
              <>
                <br />
                <a href={`/account/season/${tk.id}`}>{t('tickets.seasonManage')}</a>
              </>
            )}
          />
          {live ? <OrderActions order={o} /> : null}
        </div>
      ))}
    </section>
  );
}

/**
 * One order's tickets (or passes): each a tap to its QR full screen while it can be used, its state, and
 * — `codes` — the short code of a valid one, followed by `more`.
 */
function OrderLines<T extends ShownTicket>({
  order: o,
  count,
  live,
  codes,
  more,
}: {
  order: MatchTickets<T>['orders'][number];
  count: number;
  live: boolean;
  codes: boolean;
  more?: (ticket: T) => Child;
}) {
  const t = useT();
  return (
    <>
      <h3>
        {t('order.reference')} {o.reference}
      </h3>
      <ul class="ticket-lines">
        {o.tickets.map(({ ticket: tk, position }) => (
          <li class={tk.status === 'valid' ? undefined : 'inactive'}>
            {tk.status === 'valid' && live ? (
              <a href={`/account/tickets/${tk.id}`}>
                <TicketWhat ticket={tk} position={position} count={count} />
              </a>
            ) : (
              <TicketWhat ticket={tk} position={position} count={count} />
            )}{' '}
            <TicketState ticket={tk} />
            {tk.status === 'valid' && codes ? (
              <>
                <br />
                <ShortCode ticket={tk} />
                {more?.(tk)}
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** "My tickets" installs as an app of its own (manifest), with the bar in the site's green. */
export function TicketsHead() {
  return (
    <>
      <link rel="manifest" href="/account/tickets/manifest.webmanifest" />
      <meta name="theme-color" content="#0a6b3d" />
    </>
  );
}
