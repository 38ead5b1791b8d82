import type { Child } from 'hono/jsx';
import { assetUrl } from '../../asset-url.ts';
import { Form } from '../../components/form.tsx';
import {
  GateTime,
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

export interface TicketPageProps {
  ticket: ShownTicket;
  /** The QR code (inline SVG, quiet zone included) of a valid ticket; none for a revoked one. */
  qr: Child | null;
  /** Its place among the match's valid tickets (null when it no longer admits), and how many there are. */
  position: number | null;
  count: number;
  /** The match's other tickets on either side, for next / previous (and a swipe). */
  previousId: string | null;
  nextId: string | null;
  renderedAt: Date;
  /** A season pass shown like a ticket: its next match instead of a kick-off, and where to manage it. */
  season?: SeasonPassFacts;
}

/**
 * One ticket, full screen, to scan at the gate: the code as large as the screen allows, what it is
 * for beside it, the way to the match's other tickets, and — away from the code, behind its own
 * confirmation — the new code for a leaked one.
 */
export function TicketPage({ ticket: tk, qr, position, count, previousId, nextId, renderedAt, season }: TicketPageProps) {
  const t = useT();
  return (
    <div class="ticket-full">
      <div class="ticket-code">
        {qr ? (
          <>
            <div class="qr" role="img" aria-label={t('tickets.qrLabel')}>
              {qr}
            </div>
            <p class="under-qr">
              <ShortCode ticket={tk} />
            </p>
          </>
        ) : (
          <p class="no-code">
            <TicketState ticket={tk} />
          </p>
        )}
      </div>
      <div class="ticket-side">
        <OfflineNote renderedAt={renderedAt} />
        <h1>
          <MatchName ticket={tk} />
        </h1>
        {season ? (
          <p class="when">
            <SeasonNext season={season} />
          </p>
        ) : (
          <p class="when">
            <MatchWhen ticket={tk} gates={false} />
          </p>
        )}
        {tk.gatesOpenAt ? (
          <p class="gates">
            <GateTime ticket={tk} />
          </p>
        ) : null}
        <p>
          <TicketWhat ticket={tk} position={position} count={count} />
        </p>
        {qr ? (
          <>
            <p>
              <TicketState ticket={tk} />
            </p>
            <p class="hint brightness">
              <span aria-hidden="true">☀ </span>
              {t('tickets.brightness')}
            </p>
          </>
        ) : null}
        <nav class="ticket-nav" aria-label={t('tickets.navLabel')}>
          {previousId ? (
            <a href={`/account/tickets/${previousId}`} rel="prev" class="button secondary">
              <span aria-hidden="true">← </span>
              {t('tickets.previous')}
            </a>
          ) : null}
          {nextId ? (
            <a href={`/account/tickets/${nextId}`} rel="next" class="button secondary">
              {t('tickets.next')}
              <span aria-hidden="true"> →</span>
            </a>
          ) : null}
          <a href="/account/tickets" class="all">
            {t('tickets.all')}
          </a>
        </nav>
        {season ? (
          <p>
            <a href={`/account/season/${tk.id}`}>{t('tickets.seasonManage')}</a>
          </p>
        ) : null}
        {!season &&
        tk.status === 'valid' &&
        !tk.usedAt &&
        !tk.past &&
        tk.allowTransfers &&
        tk.kickoffAt.getTime() > renderedAt.getTime() ? (
          <p>
            <a href={`/account/tickets/${tk.id}/pass-on`} class="button secondary">
              {t('passOn.action')}
            </a>
          </p>
        ) : null}
        {!season && tk.status === 'valid' && !tk.usedAt && !tk.past ? (
          <details class="leaked">
            <summary>{t('tickets.leaked')}</summary>
            <p class="hint">{t('tickets.reissueHint')}</p>
            <Form action={`/account/tickets/${tk.id}/reissue`} idPrefix="reissue">
              <button type="submit" class="danger">
                {t('tickets.reissue')}
              </button>
            </Form>
          </details>
        ) : null}
      </div>
      <script type="module" src={assetUrl('tickets.js')} />
    </div>
  );
}
