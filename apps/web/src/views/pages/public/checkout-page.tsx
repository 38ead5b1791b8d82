import { useRequestContext } from 'hono/jsx-renderer';
import type { PricedBasket } from '../../../domain/sales/price-basket.ts';
import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatDateTime, formatMoney } from '../../../i18n/index.ts';
import { EmailField } from '../../components/account-fields.tsx';
import { Field, Form, FormError } from '../../components/form.tsx';
import { NarrowCard } from '../../components/narrow-card.tsx';
import { useT } from '../../components/use-t.ts';
import { BasketTotal } from './basket-total.tsx';

export interface CheckoutPageProps {
  match: { id: string; title: string; kickoffAt: Date };
  basket: PricedBasket;
  /** The basket as a query string ("?q_…=2"), carried by every link and form of the page. */
  basketQuery: string;
  /** The signed-in buyer; none: the page offers to sign in, to sign up, or to buy as a guest. */
  buyer?: { name: string; email: string };
  values?: FormValues;
  errors?: FieldErrors;
}

/**
 * The step between the match page and the payment: the tickets chosen and their total, then one
 * button to pay — for a visitor who is not signed in, after signing in, signing up (the basket comes
 * back here through the e-mail confirmation) or giving a name and an e-mail address as a guest.
 */
export function CheckoutPage({ match: m, basket, basketQuery, buyer, values, errors }: CheckoutPageProps) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  const here = `/matches/${m.id}/checkout${basketQuery}`;
  const lines = basket.lines.map((l) => <input type="hidden" name={`q_${l.matchStandId}_${l.category}`} value={String(l.quantity)} />);
  return (
    <NarrowCard title={t('checkout.title')}>
      <p>
        <strong>{m.title}</strong>
        <br />
        {formatDateTime(m.kickoffAt, locale)}
      </p>
      <ul class="basket-lines">
        {basket.lines.map((l) => (
          <li class="line">
            <span>
              {l.quantity} × {l.stand} · {t(`category.${l.category}`)}
            </span>
            <span>{formatMoney(l.unitPriceCents * l.quantity, locale)}</span>
          </li>
        ))}
      </ul>
      <BasketTotal basket={basket} />
      <p>
        <a href={`/matches/${m.id}${basketQuery}#tickets`}>{t('checkout.change')}</a>
      </p>
      <FormError errors={errors} />
      {buyer ? (
        <Form action={`/matches/${m.id}/checkout`}>
          {lines}
          <p class="hint">{t('checkout.signedInAs', { name: buyer.name, email: buyer.email })}</p>
          <button type="submit" class="wide">
            {t('checkout.pay', { total: formatMoney(basket.chargedCents, locale) })}
          </button>
        </Form>
      ) : (
        <>
          <h2>{t('checkout.withAccount')}</h2>
          <div class="actions">
            <a class="button" href={`/sign-in?next=${encodeURIComponent(here)}`}>
              {t('nav.signIn')}
            </a>
            <a class="button secondary" href={`/sign-up?next=${encodeURIComponent(here)}`}>
              {t('nav.signUp')}
            </a>
          </div>
          <h2>{t('checkout.asGuest')}</h2>
          <p class="hint">{t('checkout.guestHint')}</p>
          <Form action={`/matches/${m.id}/checkout`} idPrefix="guest">
            {lines}
            <input type="hidden" name="as" value="guest" />
            <Field name="name" label={t('field.name')} values={values} errors={errors} required maxlength={100} autocomplete="name" />
            <EmailField values={values} errors={errors} />
            <button type="submit" class="wide">
              {t('checkout.pay', { total: formatMoney(basket.totalCents, locale) })}
            </button>
          </Form>
        </>
      )}
    </NarrowCard>
  );
}
