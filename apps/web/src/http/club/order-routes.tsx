import type { Context } from 'hono';
import { Hono } from 'hono';
import { listActivity } from '../../domain/activity/list-activity.ts';
import { DomainError } from '../../domain/errors.ts';
import { isUuid } from '../../domain/ids.ts';
import { centsToInput } from '../../domain/money.ts';
import { findClubOrder } from '../../domain/sales/find-club-order.ts';
import { listClubOrders } from '../../domain/sales/list-club-orders.ts';
import { previewRefund } from '../../domain/sales/preview-refund.ts';
import { refundOrder } from '../../domain/sales/refund-order.ts';
import { resendTickets } from '../../domain/tickets/resend-tickets.ts';
import { toBrusselsLocal } from '../../domain/time.ts';
import { can } from '../../integrations/auth/access.ts';
import { render } from '../../views/layouts/layout.tsx';
import { OrderPage } from '../../views/pages/club/order-page.tsx';
import { OrdersPage } from '../../views/pages/club/orders-page.tsx';
import { RefundPage } from '../../views/pages/club/refund-page.tsx';
import { toCsv } from '../csv.ts';
import { buyersMessage } from '../fields.ts';
import { requireClub } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import { searchText } from '../text.ts';
import type { AppEnv } from '../types.ts';

const filters = (c: Context<AppEnv>) => {
  const q = searchText(c.req.query('q'));
  const match = c.req.query('match');
  const matchId = isUuid(match) ? match : undefined;
  return { q, matchId };
};

/** The club's orders: search, and the same list as a CSV file for the treasurer. */
/**
 * Money goes back only once the club has seen what: a refund posted without `confirm=yes` answers the
 * confirmation page (tickets, amount, buyer) and changes nothing. Confirmed, the club's optional
 * message for the buyer's mail.
 */
async function confirmation(c: Context<AppEnv>, orderId: string, tickets?: { itemId: string; quantity: number }) {
  const { club } = c.get('membership');
  const body = await c.req.parseBody();
  const message = buyersMessage.safeParse(body.message);
  if (body.confirm === 'yes' && message.success) return message.data ? { message: message.data } : {};
  const refund = await previewRefund(c.get('deps').db, club.id, orderId, tickets);
  const action = tickets
    ? `/club/${club.slug}/orders/${orderId}/items/${tickets.itemId}/refund`
    : `/club/${club.slug}/orders/${orderId}/refund`;
  return render(c, <RefundPage club={club} refund={refund} action={action} locale={c.get('locale')} />, {
    title: c.get('t')('orders.refundConfirm.title', { reference: refund.reference }),
  });
}

export const orderRoutes = new Hono<AppEnv>()
  .get('/:slug/orders', requireClub({ sales: ['read'] }), async (c) => {
    const { club, role } = c.get('membership');
    const { q, matchId } = filters(c);
    const orders = await listClubOrders(c.get('deps').db, club.id, { q, matchId });
    return render(c, <OrdersPage club={club} orders={orders} q={q} matchId={matchId} mayRefund={can(role, { sales: ['refund'] })} />, {
      title: c.get('t')('orders.title'),
    });
  })
  .get('/:slug/orders/:orderId', requireClub({ sales: ['read'] }), async (c) => {
    const { club, role } = c.get('membership');
    const { db } = c.get('deps');
    const order = await findClubOrder(db, club.id, c.req.param('orderId'));
    const history = await listActivity(db, club.id, { orderId: order.id });
    return render(c, <OrderPage club={club} order={order} history={history.entries} mayRefund={can(role, { sales: ['refund'] })} />, {
      title: c.get('t')('orders.detail', { reference: order.reference }),
    });
  })
  .post('/:slug/orders/:orderId/resend', requireClub({ sales: ['read'] }), async (c) => {
    const { club } = c.get('membership');
    const o = await findClubOrder(c.get('deps').db, club.id, c.req.param('orderId'));
    if (o.status !== 'paid') throw new DomainError('not_found');
    await c.get('deps').db.transaction((tx) => resendTickets(tx, operationContext(c), { actor: actorOf(c), orderId: o.id }));
    return redirectWithFlash(c, `/club/${club.slug}/orders/${o.id}`, 'success', c.get('t')('tickets.resent', { email: o.email }));
  })
  .post('/:slug/orders/:orderId/items/:itemId/refund', requireClub({ sales: ['refund'] }), async (c) => {
    const { club } = c.get('membership');
    const orderId = c.req.param('orderId');
    const tickets = { itemId: c.req.param('itemId'), quantity: 1 };
    const confirmed = await confirmation(c, orderId, tickets);
    if (confirmed instanceof Response) return confirmed;
    const refunded = await c
      .get('deps')
      .db.transaction((tx) => refundOrder(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, orderId, tickets, ...confirmed }));
    return redirectWithFlash(
      c,
      `/club/${club.slug}/orders/${orderId}`,
      'success',
      c.get('t')('orders.ticketRefunded', { reference: refunded.reference }),
    );
  })
  .post('/:slug/orders/:orderId/refund', requireClub({ sales: ['refund'] }), async (c) => {
    const { club } = c.get('membership');
    const orderId = c.req.param('orderId');
    const confirmed = await confirmation(c, orderId);
    if (confirmed instanceof Response) return confirmed;
    const refunded = await c
      .get('deps')
      .db.transaction((tx) => refundOrder(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, orderId, ...confirmed }));
    return redirectWithFlash(c, `/club/${club.slug}/orders`, 'success', c.get('t')('orders.refunded', { reference: refunded.reference }));
  })
  .get('/:slug/orders.csv', requireClub({ sales: ['read'] }), async (c) => {
    const { club } = c.get('membership');
    const orders = await listClubOrders(c.get('deps').db, club.id, { ...filters(c), limit: 100_000 });
    const csv = toCsv([
      [
        'reference',
        'created_at_brussels',
        'paid_at_brussels',
        'status',
        'buyer',
        'email',
        'opponent',
        'kickoff_brussels',
        'tickets',
        'tickets_eur',
        'fee_eur',
        'total_eur',
      ],
      ...orders.map((o) => [
        o.reference,
        toBrusselsLocal(o.createdAt),
        o.paidAt ? toBrusselsLocal(o.paidAt) : '',
        o.status,
        o.buyer,
        o.email,
        o.opponent,
        toBrusselsLocal(o.kickoffAt),
        o.tickets,
        centsToInput(o.subtotalCents),
        centsToInput(o.feeCents),
        centsToInput(o.totalCents),
      ]),
    ]);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${club.slug}-orders.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(csv);
  });
