import type { Locale } from '../../../i18n/index.ts';
import { formatMoney } from '../../../i18n/index.ts';
import { Form } from '../../components/form.tsx';
import { useT } from '../../components/use-t.ts';

export interface RefundPageProps {
  club: { slug: string };
  refund: { id: string; reference: string; email: string; tickets: number; amountCents: number };
  /** The form that refunds once confirmed (the whole order, or one ticket of a line). */
  action: string;
  locale: Locale;
}

/** Before money goes back: how many tickets, how much, to whom; and a message for the buyer's mail. */
export function RefundPage({ club, refund, action, locale }: RefundPageProps) {
  const t = useT();
  return (
    <section class="card narrow danger-zone">
      <h1>{t('orders.refundConfirm.title', { reference: refund.reference })}</h1>
      <p data-consequence>
        {t('orders.refundConfirm.what', { tickets: refund.tickets, amount: formatMoney(refund.amountCents, locale), email: refund.email })}
      </p>
      <p class="hint">{t('orders.refundConfirm.final')}</p>
      <Form action={action} idPrefix="refund">
        <input type="hidden" name="confirm" value="yes" />
        <div class="field">
          <label for="refund-message">{t('orders.refundConfirm.message')}</label>
          <textarea id="refund-message" name="message" rows={3} maxlength={1000} />
        </div>
        <div class="actions">
          <button type="submit" class="danger">
            {t('orders.refundConfirm.confirm', { amount: formatMoney(refund.amountCents, locale) })}
          </button>
          <a href={`/club/${club.slug}/orders/${refund.id}`}>{t('orders.refundConfirm.keep')}</a>
        </div>
      </Form>
    </section>
  );
}
