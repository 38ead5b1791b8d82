import type { Context } from 'hono';
import { Hono } from 'hono';
import { listActivity } from '../../domain/activity/list-activity.ts';
import { DomainError } from '../../domain/errors.ts';
import { isUuid } from '../../domain/ids.ts';
import { centsToInput } from '../../domain/money.ts';
import { findClubOrder } from '../../domain/sales/find-club-order.ts';
import { listClubOrders } from '../../domain/sales/list-club-orders.ts';
import { refundOrder } from '../../domain/sales/refund-order.ts';
import { resendTickets } from '../../domain/tickets/resend-tickets.ts';
import { toBrusselsLocal } from '../../domain/time.ts';
import { formatDateTime, formatMoney } from '../../i18n/index.ts';
import { can } from '../../integrations/auth/access.ts';
import { ActivityLog } from '../../views/components/activity-log.tsx';
import { Form } from '../../views/components/form.tsx';
import { ORDER_STATUS_LABEL } from '../../views/components/order-status.tsx';
import { render } from '../../views/layouts/layout.tsx';
import { toCsv } from '../csv.ts';
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
export const orderRoutes = new Hono<AppEnv>()
  .get('/:slug/orders', requireClub({ sales: ['read'] }), async (c) => {
    const t = c.get('t');
    const locale = c.get('locale');
    const { club, role } = c.get('membership');
    const { q, matchId } = filters(c);
    const orders = await listClubOrders(c.get('deps').db, club.id, { q, matchId });
    const query = new URLSearchParams(Object.entries({ q, match: matchId ?? '' }).filter(([, v]) => v) as [string, string][]);
    return render(
      c,
      <>
        <h1>
          {t('orders.title')} · {club.name}
        </h1>
        <form method="get" action={`/club/${club.slug}/orders`} class="card actions">
          <label for="q" class="visually-hidden">
            {t('common.search')}
          </label>
          <input id="q" name="q" type="search" value={q} maxlength={80} placeholder={t('orders.searchHint')} />
          {matchId ? <input type="hidden" name="match" value={matchId} /> : null}
          <button type="submit">{t('common.search')}</button>
          <a href={`/club/${club.slug}/orders.csv${query.size ? `?${query}` : ''}`}>{t('orders.csv')}</a>
        </form>
        {orders.length === 0 ? <p class="card">{t('orders.none')}</p> : null}
        {orders.length > 0 ? (
          <section class="card table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('order.reference')}</th>
                  <th>{t('orders.date')}</th>
                  <th>{t('orders.buyer')}</th>
                  <th>{t('orders.match')}</th>
                  <th>{t('orders.tickets')}</th>
                  <th>{t('orders.amount')}</th>
                  <th>{t('admin.status')}</th>
                  <th>
                    <span class="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {orders.map((o) => (
                  <tr>
                    <td>
                      <a href={`/club/${club.slug}/orders/${o.id}`}>{o.reference}</a>
                    </td>
                    <td>{formatDateTime(o.createdAt, locale)}</td>
                    <td>
                      {o.buyer ?? '—'}
                      <br />
                      <small>{o.email}</small>
                    </td>
                    <td>
                      {o.opponent}
                      <br />
                      <small>{formatDateTime(o.kickoffAt, locale)}</small>
                    </td>
                    <td>{o.tickets}</td>
                    <td>{formatMoney(o.subtotalCents, locale)}</td>
                    <td>{t(ORDER_STATUS_LABEL[o.status])}</td>
                    <td>
                      {o.status === 'paid' && can(role, { sales: ['refund'] }) ? (
                        <Form action={`/club/${club.slug}/orders/${o.id}/refund`} idPrefix={`refund-${o.id}`}>
                          <button type="submit" class="secondary">
                            {t('orders.refund')}
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
      </>,
      { title: t('orders.title') },
    );
  })
  .get('/:slug/orders/:orderId', requireClub({ sales: ['read'] }), async (c) => {
    const t = c.get('t');
    const locale = c.get('locale');
    const { club, role } = c.get('membership');
    const o = await findClubOrder(c.get('deps').db, club.id, c.req.param('orderId'));
    const history = await listActivity(c.get('deps').db, club.id, { orderId: o.id });
    const mayRefund = o.status === 'paid' && can(role, { sales: ['refund'] });
    return render(
      c,
      <>
        <section class="card">
          <h1>{t('orders.detail', { reference: o.reference })}</h1>
          <p>
            {o.buyer ?? '—'} · {o.email} · {t(ORDER_STATUS_LABEL[o.status])}
          </p>
          <p>
            {o.opponent} · {formatDateTime(o.kickoffAt, locale)}
          </p>
          <table>
            <tbody>
              {o.items.map((item) => (
                <tr>
                  <td>
                    {item.quantity - item.refundedQuantity} / {item.quantity} × {item.stand} · {t(`category.${item.category}`)}
                  </td>
                  <td>{formatMoney(item.unitPriceCents, locale)}</td>
                  <td>
                    {mayRefund && item.quantity > item.refundedQuantity ? (
                      <Form action={`/club/${club.slug}/orders/${o.id}/items/${item.id}/refund`} idPrefix={`refund-item-${item.id}`}>
                        <button type="submit" class="secondary">
                          {t('orders.refundOne')}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {t('order.total')}: {formatMoney(o.totalCents, locale)} ·{' '}
            {t('orders.refundedSoFar', { amount: formatMoney(o.refundedCents, locale) })}
          </p>
          {o.status === 'paid' ? (
            <Form action={`/club/${club.slug}/orders/${o.id}/resend`} idPrefix="resend">
              <button type="submit" class="secondary">
                {t('tickets.resend')}
              </button>
            </Form>
          ) : null}
          {mayRefund ? (
            <Form action={`/club/${club.slug}/orders/${o.id}/refund`}>
              <button type="submit" class="danger">
                {t('orders.refundAll')}
              </button>
            </Form>
          ) : null}
        </section>
        <section class="card" id="history">
          <h2>{t('activity.history')}</h2>
          <ActivityLog entries={history.entries} clubSlug={club.slug} />
        </section>
      </>,
      { title: t('orders.detail', { reference: o.reference }) },
    );
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
    const refunded = await c.get('deps').db.transaction((tx) =>
      refundOrder(tx, operationContext(c), {
        actor: actorOf(c),
        clubId: club.id,
        orderId,
        tickets: { itemId: c.req.param('itemId'), quantity: 1 },
      }),
    );
    return redirectWithFlash(
      c,
      `/club/${club.slug}/orders/${orderId}`,
      'success',
      c.get('t')('orders.ticketRefunded', { reference: refunded.reference }),
    );
  })
  .post('/:slug/orders/:orderId/refund', requireClub({ sales: ['refund'] }), async (c) => {
    const { club } = c.get('membership');
    const refunded = await c
      .get('deps')
      .db.transaction((tx) =>
        refundOrder(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, orderId: c.req.param('orderId') }),
      );
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
