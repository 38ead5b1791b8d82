import type { listMyClubs } from '../../../domain/clubs/list-my-clubs.ts';
import { roleLabel } from '../../components/role-label.ts';
import { useT } from '../../components/use-t.ts';

export interface MyClubsPageProps {
  clubs: Awaited<ReturnType<typeof listMyClubs>>;
}

/** The clubs one is on the staff of, and the way to register another. */
export function MyClubsPage({ clubs }: MyClubsPageProps) {
  const t = useT();
  return (
    <>
      <h1>{t('clubs.title')}</h1>
      {clubs.length === 0 ? <p class="card">{t('clubs.none')}</p> : null}
      <ul class="matches">
        {clubs.map((club) => (
          <li class="card">
            <a href={`/club/${club.slug}`}>
              <strong>{club.name}</strong>
            </a>{' '}
            <span class="badge">{roleLabel(t, club.role)}</span>{' '}
            {club.status === 'suspended' ? <span class="badge bad">{t('club.suspended')}</span> : null}
          </li>
        ))}
      </ul>
      <p>
        <a class="button" href="/clubs/new">
          {t('clubs.register')}
        </a>
      </p>
    </>
  );
}
