import { type Context, Hono } from 'hono';
import { matchTitle } from '../../domain/catalog/match-title.ts';
import { DomainError } from '../../domain/errors.ts';
import { listMyOrders } from '../../domain/sales/list-my-orders.ts';
import { findOrderTickets } from '../../domain/tickets/find-order-tickets.ts';
import { listMyTickets, type MyTicket } from '../../domain/tickets/list-my-tickets.ts';
import { reissueTicket } from '../../domain/tickets/reissue-ticket.ts';
import { resendTickets } from '../../domain/tickets/resend-tickets.ts';
import { formatDateTime, formatTime, type Locale } from '../../i18n/index.ts';
import { Form, Price, useT } from '../../views/components/form.tsx';
import { ticketQrSvg } from '../../views/components/ticket-qr.tsx';
import { VerifiedBadge } from '../../views/components/verified-badge.tsx';
import { render } from '../../views/layouts/layout.tsx';
import { renderMatchIcs, renderTicketsPdf } from '../../views/tickets/ticket-files.ts';
import { requireUser } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import type { AppEnv } from '../types.ts';

function TicketFacts({ ticket: tk, locale }: { ticket: MyTicket; locale: Locale }) {
  const t = useT();
  return (
    <>
      <p>
        <strong>{matchTitle(tk.isHome, tk.club, tk.opponent)}</strong>
        <VerifiedBadge verified={tk.clubVerified} />
        <br />
        {formatDateTime(tk.kickoffAt, locale)}
        {tk.gatesOpenAt ? ` · ${t('match.gatesOpen', { time: formatDateTime(tk.gatesOpenAt, locale) })}` : null}
      </p>
      <p>
        {tk.stand} · {t(`category.${tk.category}`)} · <Price cents={tk.unitPriceCents} /> · {t('order.reference')} {tk.reference}
      </p>
      {tk.status === 'revoked' ? (
        <p class="badge bad">{t(tk.replaced ? 'tickets.replaced' : 'tickets.revoked')}</p>
      ) : tk.usedAt ? (
        <p class="badge">{t('tickets.entered', { time: formatTime(tk.usedAt, locale) })}</p>
      ) : tk.past ? (
        <p class="badge">{t('tickets.past')}</p>
      ) : null}
    </>
  );
}

/** The signed-in buyer's own order, with its valid tickets; anyone else's is not found. */
async function ownOrderTickets(c: Context<AppEnv>, reference: string) {
  const { db } = c.get('deps');
  const [mine] = await listMyOrders(db, c.get('user')!.id, { reference });
  const o = mine ? await findOrderTickets(db, mine.id) : null;
  if (!mine || !o || o.tickets.length === 0) throw new DomainError('not_found');
  return { ...o, orderId: mine.id };
}

/** "My tickets": every ticket's QR, to show at the gate; one ticket full screen for scanning. */
export const ticketRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get('/', async (c) => {
    const t = c.get('t');
    const locale = c.get('locale');
    const tickets = await listMyTickets(c.get('deps').db, c.get('user')!.id);
    return render(
      c,
      <>
        <h1>{t('tickets.title')}</h1>
        {tickets.length === 0 ? <p class="card">{t('tickets.none')}</p> : null}
        <ul class="matches">
          {tickets.map((tk) => (
            <li class={tk.status === 'revoked' || tk.past ? 'card ticket inactive' : 'card ticket'}>
              <TicketFacts ticket={tk} locale={locale} />
              {tk.status === 'valid' && !tk.past ? (
                <p class="actions">
                  <a href={`/account/tickets/${tk.id}`}>{t('tickets.show')}</a>
                  <a href={`/account/tickets/orders/${tk.reference}/tickets.pdf`}>{t('tickets.pdf')}</a>
                  <a href={`/account/tickets/${tk.id}/match.ics`}>{t('tickets.calendar')}</a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </>,
      { title: t('tickets.title') },
    );
  })
  .get('/orders/:reference/tickets.pdf', async (c) => {
    const o = await ownOrderTickets(c, c.req.param('reference'));
    const pdf = await renderTicketsPdf(o, c.get('locale'));
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `attachment; filename="tickets-${o.reference}.pdf"`);
    c.header('Cache-Control', 'private, no-store');
    return c.body(new Uint8Array(pdf).buffer as ArrayBuffer);
  })
  .post('/orders/:reference/resend', async (c) => {
    const o = await ownOrderTickets(c, c.req.param('reference'));
    await c.get('deps').db.transaction((tx) => resendTickets(tx, operationContext(c), { actor: actorOf(c), orderId: o.orderId }));
    return redirectWithFlash(c, '/account/tickets', 'success', c.get('t')('tickets.resent', { email: o.email }));
  })
  .get('/:ticketId/match.ics', async (c) => {
    const [tk] = await listMyTickets(c.get('deps').db, c.get('user')!.id, { ticketId: c.req.param('ticketId') });
    if (!tk) throw new DomainError('not_found');
    const o = await ownOrderTickets(c, tk.reference);
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="match.ics"');
    return c.body(renderMatchIcs(o, c.get('deps').config.baseURL));
  })
  .post('/:ticketId/reissue', async (c) => {
    const id = await c
      .get('deps')
      .db.transaction((tx) => reissueTicket(tx, operationContext(c), { actor: actorOf(c), ticketId: c.req.param('ticketId') }));
    return redirectWithFlash(c, `/account/tickets/${id}`, 'success', c.get('t')('tickets.reissued'));
  })
  .get('/:ticketId', async (c) => {
    const t = c.get('t');
    const [tk] = await listMyTickets(c.get('deps').db, c.get('user')!.id, { ticketId: c.req.param('ticketId') });
    if (!tk) throw new DomainError('not_found');
    const qr = tk.status === 'valid' ? await ticketQrSvg(tk.code) : null;
    return render(
      c,
      <section class="ticket-full">
        {qr ? (
          <div class="qr" role="img" aria-label={t('tickets.qrLabel')}>
            {qr}
          </div>
        ) : null}
        <TicketFacts ticket={tk} locale={c.get('locale')} />
        {tk.status === 'valid' && !tk.past ? (
          <div class="actions">
            <Form action={`/account/tickets/orders/${tk.reference}/resend`} idPrefix="resend">
              <button type="submit" class="secondary">
                {t('tickets.resend')}
              </button>
            </Form>
            {tk.usedAt ? null : (
              <Form action={`/account/tickets/${tk.id}/reissue`} idPrefix="reissue">
                <button type="submit" class="secondary">
                  {t('tickets.reissue')}
                </button>
              </Form>
            )}
          </div>
        ) : null}
        {tk.status === 'valid' && !tk.usedAt ? <p class="hint">{t('tickets.reissueHint')}</p> : null}
        <p>
          <a href="/account/tickets">← {t('tickets.title')}</a>
        </p>
      </section>,
      { title: t('tickets.title') },
    );
  });
