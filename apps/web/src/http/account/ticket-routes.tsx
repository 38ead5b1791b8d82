import { type Context, Hono } from 'hono';
import { matchTitle } from '../../domain/catalog/match-title.ts';
import { DomainError } from '../../domain/errors.ts';
import { listMyOrders } from '../../domain/sales/list-my-orders.ts';
import { findOrderTickets } from '../../domain/tickets/find-order-tickets.ts';
import { listMyTickets } from '../../domain/tickets/list-my-tickets.ts';
import { reissueTicket } from '../../domain/tickets/reissue-ticket.ts';
import { resendTickets } from '../../domain/tickets/resend-tickets.ts';
import type { ShownTicket } from '../../views/components/ticket-facts.tsx';
import { ticketQrSvg } from '../../views/components/ticket-qr.tsx';
import { render } from '../../views/layouts/layout.tsx';
import { TicketPage } from '../../views/pages/account/ticket-page.tsx';
import { TicketsPage } from '../../views/pages/account/tickets-page.tsx';
import { renderMatchIcs, renderTicketsPdf } from '../../views/tickets/ticket-files.ts';
import { requireUser } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import type { AppEnv } from '../types.ts';

/** A supporter's tickets, each with its match named as everywhere else. */
async function myTickets(c: Context<AppEnv>, only: { ticketId?: string } = {}): Promise<ShownTicket[]> {
  const tickets = await listMyTickets(c.get('deps').db, c.get('user')!.id, only);
  return tickets.map((tk) => ({ ...tk, title: matchTitle(tk.isHome, tk.club, tk.opponent) }));
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
  .get('/', async (c) => render(c, <TicketsPage tickets={await myTickets(c)} />, { title: c.get('t')('tickets.title') }))
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
    const [tk] = await myTickets(c, { ticketId: c.req.param('ticketId') });
    if (!tk) throw new DomainError('not_found');
    const qr = tk.status === 'valid' ? await ticketQrSvg(tk.code) : null;
    return render(c, <TicketPage ticket={tk} qr={qr} />, { title: c.get('t')('tickets.title') });
  });
