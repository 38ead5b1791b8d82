import type { MyOrder } from '../../../domain/sales/list-my-orders.ts';
import { NarrowCard } from '../../components/narrow-card.tsx';
import { OrderSummary } from '../../components/order-summary.tsx';
import { PendingOrder } from '../../components/pending-order.tsx';
import { useT } from '../../components/use-t.ts';

export interface MyOrderPageProps {
  order: MyOrder;
  /** Where a pending order is paid, when the buyer can go back there (the demo provider's page). */
  payUrl?: string;
}

/** One of the buyer's orders; a pending one can still be paid or given up. */
export function MyOrderPage({ order: o, payUrl }: MyOrderPageProps) {
  const t = useT();
  return (
    <NarrowCard title={t('order.title', { reference: o.reference })}>
      <OrderSummary o={o} />
      {o.status === 'pending' ? (
        <PendingOrder holdExpiresAt={o.holdExpiresAt} abandonAction={`/account/orders/${o.reference}/abandon`}>
          {payUrl ? (
            <a class="button" href={payUrl}>
              {t('order.payNow')}
            </a>
          ) : null}
        </PendingOrder>
      ) : null}
      <p>
        <a href={`/matches/${o.matchId}`}>{t('order.match')}</a> · <a href="/account/orders">{t('order.mine')}</a>
      </p>
    </NarrowCard>
  );
}
