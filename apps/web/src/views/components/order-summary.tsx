import { useRequestContext } from 'hono/jsx-renderer';
import type { MyOrder } from '../../domain/sales/list-my-orders.ts';
import type { AppEnv } from '../../http/types.ts';
import { formatDateTime, formatMoney } from '../../i18n/index.ts';
import { OrderStatusBadge } from './order-status.tsx';
import { useT } from './use-t.ts';
import { VerifiedBadge } from './verified-badge.tsx';

/** An order's match, lines and money, as the buyer sees it (payment page, "My orders"). */
export function OrderSummary({ o }: { o: MyOrder }) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  return (
    <div class="order">
      <p>
        <strong>{o.title}</strong>
        <VerifiedBadge verified={o.clubVerified} />
        {o.kickoffAt ? (
          <>
            <br />
            {formatDateTime(o.kickoffAt, locale)}
          </>
        ) : null}
      </p>
      <p>
        {t('order.reference')}: <strong>{o.reference}</strong> · <OrderStatusBadge status={o.status} />
      </p>
      <table>
        <tbody>
          {o.items.map((i) => (
            <tr>
              <td>
                {i.quantity} × {i.stand} · {t(`category.${i.category}`)}
              </td>
              <td>{formatMoney(i.unitPriceCents * i.quantity, locale)}</td>
            </tr>
          ))}
          <tr>
            <td>{t('order.fee')}</td>
            <td>{formatMoney(o.feeCents, locale)}</td>
          </tr>
          <tr>
            <th>{t('order.total')}</th>
            <th>{formatMoney(o.totalCents, locale)}</th>
          </tr>
          {o.creditCents > 0 ? (
            <>
              <tr>
                <td>{t('credit.applied')}</td>
                <td>−{formatMoney(o.creditCents, locale)}</td>
              </tr>
              <tr>
                <th>{t(o.status === 'pending' ? 'credit.toPay' : 'credit.paid')}</th>
                <th>{formatMoney(o.totalCents - o.creditCents, locale)}</th>
              </tr>
            </>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
