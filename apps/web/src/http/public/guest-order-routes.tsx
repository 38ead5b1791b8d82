import { type Context, Hono } from 'hono';
import { DomainError } from '../../domain/errors.ts';
import { cancelPendingOrder } from '../../domain/sales/cancel-pending-order.ts';
import { guestOrderPath, guestTokenHash } from '../../domain/sales/guest-link.ts';
import { findGuestOrder } from '../../domain/sales/list-my-orders.ts';
import { orderSubjectPath } from '../../domain/sales/order-subject.ts';
import { findOrderTickets } from '../../domain/tickets/find-order-tickets.ts';
import { ticketQrSvg } from '../../views/components/ticket-qr.tsx';
import { render } from '../../views/layouts/layout.tsx';
import { MyOrderPage } from '../../views/pages/account/my-order-page.tsx';
import { redirectWithFlash } from '../middleware/flash.ts';
import { operationContext } from '../operation.ts';
import { sendOrderPdf } from '../order-pdf.ts';
import type { AppEnv } from '../types.ts';

/** The order a guest's private link names; a wrong token finds nothing (404, as any unknown page). */
async function linkedOrder(c: Context<AppEnv>) {
  const token = c.req.param('token') ?? '';
  const o = /^[\w-]{43}$/.test(token) ? await findGuestOrder(c.get('deps').db, { accessTokenHash: guestTokenHash(token) }) : null;
  if (!o) throw new DomainError('not_found');
  // A private page: no search engine lists it, no referrer carries its address elsewhere.
  c.header('X-Robots-Tag', 'noindex, nofollow');
  c.header('Referrer-Policy', 'no-referrer');
  return { o, path: guestOrderPath(token) };
}

/** A guest's order through the private link of their mails: the order, its tickets (QR) and the PDF. */
export const guestOrderRoutes = new Hono<AppEnv>()
  .get('/:token', async (c) => {
    const { o, path } = await linkedOrder(c);
    const payUrl = o.status === 'pending' && o.providerSessionId?.startsWith('demo_') ? `/demo-pay/${o.providerSessionId}` : undefined;
    const found = o.status === 'paid' ? await findOrderTickets(c.get('deps').db, o.id) : null;
    const t = c.get('t');
    const tickets = await Promise.all(
      (found?.tickets ?? []).map(async (tk) => ({
        id: tk.id,
        label: `${tk.stand} · ${t(`category.${tk.category}`)}`,
        qr: await ticketQrSvg(tk.code),
      })),
    );
    return render(
      c,
      <MyOrderPage
        order={o}
        payUrl={payUrl}
        abandonAction={`${path}/abandon`}
        links={tickets.length > 0 ? { tickets: '#tickets', pdf: `${path}/tickets.pdf` } : undefined}
        tickets={tickets}
      />,
      { title: t('order.title', { reference: o.reference }), head: <meta name="robots" content="noindex, nofollow" /> },
    );
  })
  .get('/:token/tickets.pdf', async (c) => sendOrderPdf(c, (await linkedOrder(c)).o.id))
  .post('/:token/abandon', async (c) => {
    const { o, path } = await linkedOrder(c);
    if (o.status !== 'pending') return c.redirect(path, 303);
    await c
      .get('deps')
      .db.transaction((tx) =>
        cancelPendingOrder(tx, operationContext(c), { actor: { kind: 'guest', name: o.buyerName ?? o.email }, order: { orderId: o.id } }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof DomainError)) throw error; // paid or released meanwhile: nothing to undo
      });
    return redirectWithFlash(c, orderSubjectPath(o), 'info', c.get('t')('order.cancelled'));
  });
