import type { MyOrder } from '../../../domain/sales/list-my-orders.ts';
import { OrderSummary } from '../../components/order-summary.tsx';
import { useT } from '../../components/use-t.ts';

/** "My orders": every order of the signed-in buyer, newest first. */
export function MyOrdersPage({ orders }: { orders: MyOrder[] }) {
  const t = useT();
  return (
    <>
      <h1>{t('order.mine')}</h1>
      {orders.length === 0 ? <p class="card">{t('order.none')}</p> : null}
      {orders.map((o) => (
        <section class="card">
          <OrderSummary o={o} />
          <a href={`/account/orders/${o.reference}`}>{t('order.see')}</a>
        </section>
      ))}
    </>
  );
}
