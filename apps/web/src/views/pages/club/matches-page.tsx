import { useRequestContext } from 'hono/jsx-renderer';
import type { listClubMatches } from '../../../domain/catalog/list-club-matches.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatDateTime } from '../../../i18n/index.ts';
import { MatchStatusBadge } from '../../components/match-status-badge.tsx';
import { useT } from '../../components/use-t.ts';

export interface MatchesPageProps {
  club: { name: string; slug: string };
  matches: (Awaited<ReturnType<typeof listClubMatches>>[number] & { title: string })[];
  /** Past matches rather than upcoming ones. */
  past: boolean;
}

/** A club's upcoming (or past) matches, with seats sold per stand. */
export function MatchesPage({ club, matches, past }: MatchesPageProps) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  return (
    <>
      <h1>
        {t('matches.title')} · {club.name}
      </h1>
      <p class="actions">
        <a class="button" href={`/club/${club.slug}/matches/new`}>
          {t('matches.new')}
        </a>
        <a href={past ? `/club/${club.slug}/matches` : `/club/${club.slug}/matches?past=1`}>
          {past ? t('matches.upcoming') : t('matches.past')}
        </a>
      </p>
      {matches.length === 0 ? <p class="card">{t('matches.none')}</p> : null}
      <ul class="matches">
        {matches.map((m) => (
          <li class="card">
            <a class="teams" href={`/club/${club.slug}/matches/${m.id}`}>
              {m.title}
            </a>
            <div class="meta">
              {formatDateTime(m.kickoffAt, locale)} · {m.competition} · <MatchStatusBadge status={m.displayStatus} />
            </div>
            {m.stands.length > 0 ? (
              <div class="meta">
                {m.stands.map((s) => t('matches.standSeats', { stand: s.name, sold: s.sold, cap: s.cap })).join(' · ')}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
