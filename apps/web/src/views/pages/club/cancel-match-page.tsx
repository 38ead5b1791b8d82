import type { Locale } from '../../../i18n/index.ts';
import { formatMoney } from '../../../i18n/index.ts';
import { Form } from '../../components/form.tsx';
import { useT } from '../../components/use-t.ts';

export interface CancelMatchPageProps {
  club: { slug: string };
  match: { id: string; title: string; when: string };
  refund: { buyers: number; tickets: number; amountCents: number };
  locale: Locale;
}

/** The one way to cancel a match: what will happen, said in numbers, and a message for the buyers. */
export function CancelMatchPage({ club, match, refund, locale }: CancelMatchPageProps) {
  const t = useT();
  const back = `/club/${club.slug}/matches/${match.id}`;
  return (
    <section class="card narrow danger-zone">
      <h1>{t('matches.cancelConfirm.title', { match: match.title })}</h1>
      <p>{match.when}</p>
      <p data-consequence>
        {refund.buyers > 0
          ? t('matches.cancelConfirm.refunds', {
              buyers: refund.buyers,
              tickets: refund.tickets,
              amount: formatMoney(refund.amountCents, locale),
            })
          : t('matches.cancelConfirm.noBuyers')}
      </p>
      <p class="hint">{t('matches.cancelConfirm.final')}</p>
      <Form action={`${back}/status`} idPrefix="cancel">
        <input type="hidden" name="status" value="cancelled" />
        <input type="hidden" name="confirm" value="yes" />
        <div class="field">
          <label for="cancel-message">{t('matches.cancelConfirm.message')}</label>
          <textarea id="cancel-message" name="message" rows={4} maxlength={1000} aria-describedby="cancel-message-hint" />
          <small id="cancel-message-hint" class="hint">
            {t('matches.cancelConfirm.messageHint')}
          </small>
        </div>
        <div class="actions">
          <button type="submit" class="danger">
            {t('matches.cancelConfirm.confirm')}
          </button>
          <a href={back}>{t('matches.cancelConfirm.keep')}</a>
        </div>
      </Form>
    </section>
  );
}
