import { type Context, Hono } from 'hono';
import { DomainError } from '../../domain/errors.ts';
import { cancelPendingOrder } from '../../domain/sales/cancel-pending-order.ts';
import { fulfilOrder } from '../../domain/sales/fulfil-order.ts';
import { buyerOrderPath } from '../../domain/sales/guest-link.ts';
import { findGuestOrder, listMyOrders } from '../../domain/sales/list-my-orders.ts';
import { orderSubjectPath } from '../../domain/sales/order-subject.ts';
import type { DemoProvider } from '../../integrations/payments/demo.ts';
import { render } from '../../views/layouts/layout.tsx';
import { DemoPayPage } from '../../views/pages/public/demo-pay-page.tsx';
import { domainMessage } from '../errors.tsx';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import type { AppEnv } from '../types.ts';

/**
 * The order a payment session is for: the signed-in buyer's own, or a guest's — whose session id,
 * unguessable and sent only to them, is what lets them pay or give up (as Stripe's checkout page).
 */
async function sessionOrder(c: Context<AppEnv>, sessionId: string) {
  const { db } = c.get('deps');
  const user = c.get('user');
  const o = (user ? (await listMyOrders(db, user.id, { sessionId }))[0] : undefined) ?? (await findGuestOrder(db, { sessionId }));
  if (!o) throw new DomainError('not_found');
  return o;
}

/** Who pays or turns back at the demo page: the guest who holds the session, or the signed-in buyer. */
const buyerActor = (c: Context<AppEnv>, o: Awaited<ReturnType<typeof sessionOrder>>) =>
  o.guest ? { kind: 'guest' as const, name: o.buyerName ?? o.email } : actorOf(c);

/**
 * The demo provider's checkout page (no Stripe key configured): clearly not a real payment, and
 * "pay" runs the very fulfilment a Stripe webhook runs.
 */
export const demoPayRoutes = new Hono<AppEnv>()
  .get('/:sessionId', async (c) => {
    const sessionId = c.req.param('sessionId');
    const o = await sessionOrder(c, sessionId);
    const orderPath = buyerOrderPath(o, c.get('deps').config.sales.ticketSealingKey);
    return render(c, <DemoPayPage order={o} sessionId={sessionId} orderPath={orderPath} />, { title: c.get('t')('demo.title') });
  })
  .post('/:sessionId/pay', async (c) => {
    const t = c.get('t');
    const { db, payments, config } = c.get('deps');
    const sessionId = c.req.param('sessionId');
    const o = await sessionOrder(c, sessionId);
    const orderPath = buyerOrderPath(o, config.sales.ticketSealingKey);
    if (o.status === 'paid') return c.redirect(orderPath, 303); // a second click
    try {
      const paid = await db.transaction(async (tx) => {
        if (!(await (payments as DemoProvider).pay(tx, sessionId))) return false;
        await fulfilOrder(tx, operationContext(c), { actor: buyerActor(c, o), sessionId });
        return true;
      });
      if (!paid) return redirectWithFlash(c, orderSubjectPath(o), 'error', t('demo.expired'));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return redirectWithFlash(c, orderPath, 'error', domainMessage(c, error));
    }
    return redirectWithFlash(c, orderPath, 'success', t('order.paid'));
  })
  .post('/:sessionId/cancel', async (c) => {
    const sessionId = c.req.param('sessionId');
    const o = await sessionOrder(c, sessionId);
    const cancelled = await c
      .get('deps')
      .db.transaction((tx) => cancelPendingOrder(tx, operationContext(c), { actor: buyerActor(c, o), order: { sessionId } }));
    return redirectWithFlash(c, orderSubjectPath(cancelled), 'info', c.get('t')('order.cancelled'));
  });
