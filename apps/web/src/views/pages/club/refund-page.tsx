import type { Locale } from '../../../i18n/index.ts';
import { formatMoney } from '../../../i18n/index.ts';
import { ConfirmStep } from '../../components/confirm-step.tsx';
import { useT } from '../../components/use-t.ts';

export interface RefundPageProps {
  club: { slug: string };
  refund: { id: string; reference: string; email: string; tickets: number; amountCents: number };
  /** The tickets picked on the order page; none: the whole order. */
  ticketIds?: string[];
  /** What was wrong with the message, if the club sent one too long. */
  error?: string;
  locale: Locale;
}

/** Before money goes back: how many tickets, how much, to whom; and a message for the buyer's mail. */
export function RefundPage({ club, refund, ticketIds, error, locale }: RefundPageProps) {
  const t = useT();
  const amount = formatMoney(refund.amountCents, locale);
  return (
    <ConfirmStep
      title={t('orders.refundConfirm.title', { reference: refund.reference })}
      consequence={t('orders.refundConfirm.what', { tickets: refund.tickets, amount, email: refund.email })}
      note={t('orders.refundConfirm.final')}
      action={`/club/${club.slug}/orders/${refund.id}/refund`}
      hidden={ticketIds ? { 'ticket[]': ticketIds } : {}}
      error={error}
      messageLabel={t('orders.refundConfirm.message')}
      confirm={t('orders.refundConfirm.confirm', { amount })}
      back={{ href: `/club/${club.slug}/orders/${refund.id}`, label: t('orders.refundConfirm.keep') }}
    />
  );
}
