import type { Locale } from '../../../i18n/index.ts';
import { formatMoney } from '../../../i18n/index.ts';
import { ConfirmStep } from '../../components/confirm-step.tsx';
import { useT } from '../../components/use-t.ts';

export interface CancelMatchPageProps {
  club: { slug: string };
  match: { id: string; title: string; when: string };
  refund: { buyers: number; tickets: number; amountCents: number; seasonHolders: number; seasonAmountCents: number };
  locale: Locale;
}

/** The one way to cancel a match: what will happen, said in numbers, and a message for the buyers. */
export function CancelMatchPage({ club, match, refund, locale }: CancelMatchPageProps) {
  const t = useT();
  const back = `/club/${club.slug}/matches/${match.id}`;
  return (
    <ConfirmStep
      title={t('matches.cancelConfirm.title', { match: match.title })}
      consequence={
        <>
          {match.when}.{' '}
          {refund.buyers > 0
            ? t('matches.cancelConfirm.refunds', {
                buyers: refund.buyers,
                tickets: refund.tickets,
                amount: formatMoney(refund.amountCents, locale),
              })
            : refund.seasonHolders === 0
              ? t('matches.cancelConfirm.noBuyers')
              : null}
          {refund.seasonHolders > 0 ? (
            <>
              {' '}
              {t('matches.cancelConfirm.seasonRefunds', {
                holders: refund.seasonHolders,
                amount: formatMoney(refund.seasonAmountCents, locale),
              })}
            </>
          ) : null}
        </>
      }
      note={t('matches.cancelConfirm.final')}
      action={`${back}/status`}
      hidden={{ status: 'cancelled' }}
      messageLabel={t('matches.cancelConfirm.message')}
      messageHint={t('matches.cancelConfirm.messageHint')}
      confirm={t('matches.cancelConfirm.confirm')}
      back={{ href: back, label: t('matches.cancelConfirm.keep') }}
    />
  );
}
