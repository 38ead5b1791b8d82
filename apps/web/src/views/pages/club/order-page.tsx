import { useRequestContext } from 'hono/jsx-renderer';
import type { ActivityEntry } from '../../../domain/activity/list-activity.ts';
import type { findClubOrder } from '../../../domain/sales/find-club-order.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatDateTime, formatMoney } from '../../../i18n/index.ts';
import { ActivityLog } from '../../components/activity-log.tsx';
import { Form } from '../../components/form.tsx';
import { ORDER_STATUS_LABEL } from '../../components/order-status.tsx';
import { useT } from '../../components/use-t.ts';

export interface OrderPageProps {
  club: { slug: string };
  order: Awaited<ReturnType<typeof findClubOrder>>;
  history: ActivityEntry[];
  /** Whether the person's role may refund. */
  mayRefund: boolean;
}

/** One order in the back office: its tickets, refunds (whole or one ticket), resending, history. */
export function OrderPage({ club, order: o, history, mayRefund: roleMayRefund }: OrderPageProps) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  const mayRefund = o.status === 'paid' && roleMayRefund;
  return (
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
        <ActivityLog entries={history} clubSlug={club.slug} />
      </section>
    </>
  );
}
