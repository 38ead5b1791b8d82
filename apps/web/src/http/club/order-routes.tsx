import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { listActivity } from '../../domain/activity/list-activity.ts';
import { DomainError } from '../../domain/errors.ts';
import { isUuid } from '../../domain/ids.ts';
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
import { sendCsv } from '../csv.ts';
import { domainMessage } from '../errors.tsx';
import { buyersMessage } from '../fields.ts';
import { parseForm } from '../forms.ts';
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

/** A refund: all of the order, or the tickets ticked on its page; `confirm=yes` once the club has seen what. */
const refundForm = z.object({
  ticket: z.array(z.string()).max(100).optional(),
  confirm: z.literal('yes').optional(),
  message: buyersMessage,
});

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
  // Money goes back only once the club has seen what: a refund posted without `confirm=yes` answers the
  // confirmation page (tickets, amount, buyer, a message for the buyer's mail) and changes nothing.
  .post('/:slug/orders/:orderId/refund', requireClub({ sales: ['refund'] }), async (c) => {
    const { club } = c.get('membership');
    const { db } = c.get('deps');
    const orderId = c.req.param('orderId');
    const back = `/club/${club.slug}/orders/${orderId}`;
    const form = await parseForm(c, refundForm);
    const ticketIds = form.lists.ticket;
    if (!form.ok && !form.errors.message) throw new DomainError('not_found'); // no form of ours sends that
    try {
      if (!form.ok || form.data.confirm !== 'yes') {
        const refund = await previewRefund(db, club.id, orderId, ticketIds);
        return render(
          c,
          <RefundPage
            club={club}
            refund={refund}
            ticketIds={ticketIds}
            error={form.ok ? undefined : form.errors.message}
            locale={c.get('locale')}
          />,
          { title: c.get('t')('orders.refundConfirm.title', { reference: refund.reference }) },
        );
      }
      const { message } = form.data;
      const refunded = await db.transaction((tx) =>
        refundOrder(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, orderId, ticketIds, ...(message ? { message } : {}) }),
      );
      return ticketIds
        ? redirectWithFlash(
            c,
            back,
            'success',
            c.get('t')('orders.ticketsRefundedDone', { count: ticketIds.length, reference: refunded.reference }),
          )
        : redirectWithFlash(c, `/club/${club.slug}/orders`, 'success', c.get('t')('orders.refunded', { reference: refunded.reference }));
    } catch (error) {
      // Not this club's order, or a ticket gone meanwhile: not found. Anything else the club can act on.
      if (!(error instanceof DomainError) || error.code === 'not_found') throw error;
      return redirectWithFlash(c, back, 'error', domainMessage(c, error));
    }
  })
  .get('/:slug/orders.csv', requireClub({ sales: ['read'] }), async (c) => {
    const { club } = c.get('membership');
    const orders = await listClubOrders(c.get('deps').db, club.id, { ...filters(c), limit: 100_000 });
    return sendCsv(c, `${club.slug}-orders.csv`, [
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
        'tickets_refunded',
        'tickets_eur',
        'fee_eur',
        'total_eur',
        'refunded_eur',
      ],
      ...orders.map((o) => [
        o.reference,
        toBrusselsLocal(o.createdAt),
        o.paidAt ? toBrusselsLocal(o.paidAt) : '',
        o.status,
        o.buyer,
        o.email,
        o.season ?? o.opponent, // a season order: its product
        o.kickoffAt ? toBrusselsLocal(o.kickoffAt) : '',
        o.tickets,
        o.refundedTickets,
        { cents: o.subtotalCents },
        { cents: o.feeCents },
        { cents: o.totalCents },
        { cents: o.refundedCents },
      ]),
    ]);
  });
