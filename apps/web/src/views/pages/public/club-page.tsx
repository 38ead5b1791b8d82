import type { CatalogMatch } from '../../../domain/catalog/list-upcoming-matches.ts';
import type { findClubPage } from '../../../domain/supporters/find-club-page.ts';
import { Form } from '../../components/form.tsx';
import { MatchCard } from '../../components/match-card.tsx';
import { SeasonLinks } from '../../components/season-links.tsx';
import { useT } from '../../components/use-t.ts';
import { VerifiedBadge } from '../../components/verified-badge.tsx';

export interface ClubPageProps {
  club: Awaited<ReturnType<typeof findClubPage>>;
  matches: CatalogMatch[];
  /** The club's season tickets on sale (or to come). */
  seasons: readonly { id: string; title: string }[];
}

/** A club's public page: its logo, commune and upcoming matches (home and away), and following it. */
export function ClubPage({ club, matches, seasons }: ClubPageProps) {
  const t = useT();
  return (
    <>
      <h1 class="club-title">
        {club.logo ? <img src={club.logo} alt="" width="64" height="64" /> : null}
        {club.name}
      </h1>
      <p class="meta">
        {club.commune}
        <VerifiedBadge verified={club.verified} />
      </p>
      <section class="card actions">
        {club.following ? (
          <Form action={`/c/${club.slug}/unfollow`}>
            <button type="submit" class="secondary">
              {t('club.unfollow')}
            </button>
          </Form>
        ) : (
          <Form action={`/c/${club.slug}/follow`}>
            <button type="submit">{t('club.follow')}</button>
          </Form>
        )}
        <span class="hint">{t('club.followHint')}</span>
      </section>
      <SeasonLinks seasons={seasons} lead="heading" />
      <h2>{t('club.upcoming')}</h2>
      {matches.length === 0 ? <p class="card">{t('home.empty')}</p> : null}
      <ul class="matches">
        {matches.map((m) => (
          <MatchCard m={m} />
        ))}
      </ul>
    </>
  );
}
