import type { MyOrder } from '../../../domain/sales/list-my-orders.ts';
import { Form } from '../../components/form.tsx';
import { NarrowCard } from '../../components/narrow-card.tsx';
import { OrderSummary } from '../../components/order-summary.tsx';
import { PendingOrder } from '../../components/pending-order.tsx';
import { useT } from '../../components/use-t.ts';

/** The demo provider's checkout page: clearly marked as moving no money. */
export function DemoPayPage({ order: o, sessionId, orderPath }: { order: MyOrder; sessionId: string; orderPath: string }) {
  const t = useT();
  return (
    <NarrowCard
      title={t('demo.title')}
      notice={
        <p class="alert demo" role="note">
          <strong>{t('demo.banner')}</strong>
        </p>
      }
    >
      <OrderSummary o={o} />
      {o.status === 'pending' ? (
        <PendingOrder holdExpiresAt={o.holdExpiresAt} abandonAction={`/demo-pay/${sessionId}/cancel`}>
          <Form action={`/demo-pay/${sessionId}/pay`}>
            <button type="submit">{t('demo.pay')}</button>
          </Form>
        </PendingOrder>
      ) : (
        <p>
          <a href={orderPath}>{t('order.see')}</a>
        </p>
      )}
    </NarrowCard>
  );
}
