import { ConfirmStep } from '../../components/confirm-step.tsx';
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
    <ConfirmStep
      title={t('matches.postponeConfirm.title', { match: match.title })}
      consequence={
        <>
          {newKickoff
            ? t('matches.postponeConfirm.to', { from: match.when, to: newKickoff.words })
            : t('matches.postponeConfirm.noDate', { from: match.when })}{' '}
          {t('matches.postponeConfirm.told', { holders })}
        </>
      }
      action={`${back}/postpone`}
      hidden={{ kickoffAt: newKickoff?.typed ?? '' }}
      messageLabel={t('matches.postponeConfirm.message')}
      confirm={t('matches.postponeConfirm.confirm')}
      back={{ href: back, label: t('matches.postponeConfirm.keep') }}
    />
  );
}
