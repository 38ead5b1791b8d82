import { Hono } from 'hono';
import { DomainError } from '../../domain/errors.ts';
import { listMyTickets, type MyTicket } from '../../domain/tickets/list-my-tickets.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { Price, useT } from '../../views/components/form.tsx';
import { ticketQrSvg } from '../../views/components/ticket-qr.tsx';
import { render } from '../../views/layouts/layout.tsx';
import { requireUser } from '../middleware/access.ts';
import type { AppEnv } from '../types.ts';

function TicketFacts({ ticket: tk, locale }: { ticket: MyTicket; locale: Parameters<typeof formatDateTime>[1] }) {
  const t = useT();
  return (
    <>
      <p>
        <strong>{tk.isHome ? `${tk.club} – ${tk.opponent}` : `${tk.opponent} – ${tk.club}`}</strong>
        <br />
        {formatDateTime(tk.kickoffAt, locale)}
        {tk.gatesOpenAt ? ` · ${t('match.gatesOpen', { time: formatDateTime(tk.gatesOpenAt, locale) })}` : null}
      </p>
      <p>
        {tk.stand} · {t(`category.${tk.category}`)} · <Price cents={tk.unitPriceCents} /> · {t('order.reference')} {tk.reference}
      </p>
      {tk.status === 'revoked' ? (
        <p class="badge bad">{t('tickets.revoked')}</p>
      ) : tk.past ? (
        <p class="badge">{t('tickets.past')}</p>
      ) : null}
    </>
  );
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
              {tk.status === 'valid' && !tk.past ? <a href={`/account/tickets/${tk.id}`}>{t('tickets.show')}</a> : null}
            </li>
          ))}
        </ul>
      </>,
      { title: t('tickets.title') },
    );
  })
  .get('/:id', async (c) => {
    const t = c.get('t');
    const [tk] = await listMyTickets(c.get('deps').db, c.get('user')!.id, { ticketId: c.req.param('id') });
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
        <p>
          <a href="/account/tickets">← {t('tickets.title')}</a>
        </p>
      </section>,
      { title: t('tickets.title') },
    );
  });
