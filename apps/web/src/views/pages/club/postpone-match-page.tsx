import { Form } from '../../components/form.tsx';
import { useT } from '../../components/use-t.ts';

export interface PostponeMatchPageProps {
  club: { slug: string };
  match: { id: string; title: string; when: string };
  /** The new kick-off as typed (Brussels wall clock) and in words, or null: no date yet. */
  newKickoff: { typed: string; words: string } | null;
  holders: number;
}

/** Before a match moves: to when, who is told, and a message for their mail. */
export function PostponeMatchPage({ club, match, newKickoff, holders }: PostponeMatchPageProps) {
  const t = useT();
  const back = `/club/${club.slug}/matches/${match.id}`;
  return (
    <section class="card narrow danger-zone">
      <h1>{t('matches.postponeConfirm.title', { match: match.title })}</h1>
      <p data-consequence>
        {newKickoff
          ? t('matches.postponeConfirm.to', { from: match.when, to: newKickoff.words })
          : t('matches.postponeConfirm.noDate', { from: match.when })}{' '}
        {t('matches.postponeConfirm.told', { holders })}
      </p>
      <Form action={`${back}/postpone`} idPrefix="postpone-confirm">
        <input type="hidden" name="confirm" value="yes" />
        <input type="hidden" name="kickoffAt" value={newKickoff?.typed ?? ''} />
        <div class="field">
          <label for="postpone-message">{t('matches.postponeConfirm.message')}</label>
          <textarea id="postpone-message" name="message" rows={3} maxlength={1000} />
        </div>
        <div class="actions">
          <button type="submit" class="danger">
            {t('matches.postponeConfirm.confirm')}
          </button>
          <a href={back}>{t('matches.postponeConfirm.keep')}</a>
        </div>
      </Form>
    </section>
  );
}
