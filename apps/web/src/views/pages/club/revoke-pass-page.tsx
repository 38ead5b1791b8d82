import { formatShortCode } from '@footarena/ticket-code';
import type { SeasonProductDetail } from '../../../domain/seasons/find-season-product.ts';
import type { SeasonHolder } from '../../../domain/seasons/list-season-holders.ts';
import { ConfirmStep } from '../../components/confirm-step.tsx';
import { useT } from '../../components/use-t.ts';

/** The step before revoking a pass: whose, what stops, a reason for the log, and where a refund is made. */
export function RevokePassPage(props: { club: { slug: string }; product: SeasonProductDetail; pass: SeasonHolder; error?: string }) {
  const t = useT();
  const { pass } = props;
  const base = `/club/${props.club.slug}/seasons/${props.product.id}`;
  const holder = pass.holder ?? pass.email;
  return (
    <ConfirmStep
      title={t('seasons.revoke.title', { holder })}
      consequence={
        <>
          {t('seasons.revoke.consequence', {
            holder,
            email: pass.email,
            pass: formatShortCode(pass.shortCode),
            product: props.product.name,
          })}{' '}
          <a href={`/club/${props.club.slug}/orders/${pass.orderId}`}>{t('seasons.revoke.refundLink', { reference: pass.reference })}</a>
        </>
      }
      note={t('seasons.revoke.note')}
      action={`${base}/passes/${pass.id}/revoke`}
      error={props.error}
      messageLabel={t('seasons.revoke.reason')}
      messageHint={t('seasons.revoke.reasonHint')}
      confirm={t('seasons.revoke.confirm')}
      back={{ href: `${base}/holders`, label: t('seasons.revoke.keep') }}
    />
  );
}
