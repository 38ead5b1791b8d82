import { useRequestContext } from 'hono/jsx-renderer';
import type { findGatePayment } from '../../../domain/boxoffice/find-gate-payment.ts';
import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatMoney, formatTime } from '../../../i18n/index.ts';
import { Field, Form, FormError } from '../../components/form.tsx';
import { NarrowCard } from '../../components/narrow-card.tsx';
import { useT } from '../../components/use-t.ts';

export type GatePayment = Awaited<ReturnType<typeof findGatePayment>>;

/**
 * What the buyer's phone opens from the steward's QR code: exactly the basket sold at the gate, its total
 * (no service fee at the gate), an optional address for the tickets, and the button to pay.
 */
export function GatePayPage(props: { payment: GatePayment; title: string; orderPath: string; values?: FormValues; errors?: FieldErrors }) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  const { payment: p } = props;
  return (
    <NarrowCard title={t('gatePay.title')}>
      <p>{props.title}</p>
      <ul class="gate-basket">
        {p.lines.map((l) => (
          <li>
            {t('gatePay.line', { count: l.quantity, stand: l.stand, category: t(`category.${l.category}` as 'category.adult') })} ·{' '}
            {formatMoney(l.unitPriceCents * l.quantity, locale)}
          </li>
        ))}
      </ul>
      <p class="gate-total">
        <strong>{t('gatePay.total', { amount: formatMoney(p.totalCents, locale) })}</strong>
      </p>
      {p.status === 'pending' ? (
        <>
          <p class="hint">{t('gatePay.heldUntil', { time: formatTime(p.holdExpiresAt, locale) })}</p>
          <Form action={`/gate-pay/${props.orderPath.split('/').pop()}`} idPrefix="gate-pay">
            <FormError errors={props.errors} />
            <Field
              name="email"
              type="email"
              label={t('gatePay.email')}
              hint={t('gatePay.emailHint')}
              autocomplete="email"
              maxlength={254}
              values={props.values}
              errors={props.errors}
            />
            <button type="submit">{t('gatePay.pay', { amount: formatMoney(p.totalCents, locale) })}</button>
          </Form>
        </>
      ) : (
        <p>
          <a href={props.orderPath}>{t(p.status === 'paid' ? 'gatePay.seeTickets' : 'gatePay.gone')}</a>
        </p>
      )}
    </NarrowCard>
  );
}
