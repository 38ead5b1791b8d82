import { Hono } from 'hono';
import { DomainError } from '../../domain/errors.ts';
import { cancelPendingOrder } from '../../domain/sales/cancel-pending-order.ts';
import { fulfilOrder } from '../../domain/sales/fulfil-order.ts';
import { listMyOrders } from '../../domain/sales/list-my-orders.ts';
import type { DemoProvider } from '../../integrations/payments/demo.ts';
import { render } from '../../views/layouts/layout.tsx';
import { DemoPayPage } from '../../views/pages/public/demo-pay-page.tsx';
import { domainMessage } from '../errors.tsx';
import { requireUser } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import type { AppEnv } from '../types.ts';

/**
 * The demo provider's checkout page (no Stripe key configured): clearly not a real payment, and
 * "pay" runs the very fulfilment a Stripe webhook runs.
 */
export const demoPayRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get('/:sessionId', async (c) => {
    const sessionId = c.req.param('sessionId');
    const [o] = await listMyOrders(c.get('deps').db, c.get('user')!.id, { sessionId });
    if (!o) throw new DomainError('not_found');
    return render(c, <DemoPayPage order={o} sessionId={sessionId} />, { title: c.get('t')('demo.title') });
  })
  .post('/:sessionId/pay', async (c) => {
    const t = c.get('t');
    const { db, payments } = c.get('deps');
    const sessionId = c.req.param('sessionId');
    const [o] = await listMyOrders(db, c.get('user')!.id, { sessionId });
    if (!o) throw new DomainError('not_found');
    if (o.status === 'paid') return c.redirect(`/account/orders/${o.reference}`, 303); // a second click
    try {
      const paid = await db.transaction(async (tx) => {
        if (!(await (payments as DemoProvider).pay(tx, sessionId))) return false;
        await fulfilOrder(tx, operationContext(c), { actor: actorOf(c), sessionId });
        return true;
      });
      if (!paid) return redirectWithFlash(c, `/matches/${o.matchId}`, 'error', t('demo.expired'));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return redirectWithFlash(c, `/account/orders/${o.reference}`, 'error', domainMessage(c, error));
    }
    return redirectWithFlash(c, `/account/orders/${o.reference}`, 'success', t('order.paid'));
  })
  .post('/:sessionId/cancel', async (c) => {
    const cancelled = await c
      .get('deps')
      .db.transaction((tx) =>
        cancelPendingOrder(tx, operationContext(c), { actor: actorOf(c), order: { sessionId: c.req.param('sessionId') } }),
      );
    return redirectWithFlash(c, `/matches/${cancelled.matchId}`, 'info', c.get('t')('order.cancelled'));
  });
