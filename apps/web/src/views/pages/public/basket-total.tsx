import { useRequestContext } from 'hono/jsx-renderer';
import type { PricedBasket } from '../../../domain/sales/price-basket.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatMoney } from '../../../i18n/index.ts';
import { useT } from '../../components/use-t.ts';

/**
 * What the buyer will pay: tickets, the service fee and the total. With `fee`, the match page's
 * basket module recomputes it in the browser as the quantities change (the same rule, fees.ts).
 */
export function BasketTotal({ basket, fee }: { basket: PricedBasket; fee?: { feePercent: number; feeFixedCents: number } }) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  return (
    <dl class="basket-total" aria-live="polite" data-fee={fee ? JSON.stringify(fee) : undefined}>
      <div>
        <dt>
          {t('basket.tickets')} (<span data-total="count">{basket.count}</span>)
        </dt>
        <dd data-total="subtotal">{formatMoney(basket.subtotalCents, locale)}</dd>
      </div>
      <div>
        <dt>{t('order.fee')}</dt>
        <dd data-total="fee">{formatMoney(basket.feeCents, locale)}</dd>
      </div>
      <div class={basket.creditCents > 0 ? undefined : 'total'}>
        <dt>{t('order.total')}</dt>
        <dd data-total="total">{formatMoney(basket.totalCents, locale)}</dd>
      </div>
      {basket.creditCents > 0 ? (
        <>
          <div>
            <dt>{t('credit.applied')}</dt>
            <dd>−{formatMoney(basket.creditCents, locale)}</dd>
          </div>
          <div class="total">
            <dt>{t('credit.toPay')}</dt>
            <dd>{formatMoney(basket.chargedCents, locale)}</dd>
          </div>
        </>
      ) : null}
    </dl>
  );
}
