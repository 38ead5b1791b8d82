import { useRequestContext } from 'hono/jsx-renderer';
import type { listClubMatches } from '../../../domain/catalog/list-club-matches.ts';
import type { ClubMembership } from '../../../domain/clubs/find-club-membership.ts';
import type { ClubSetup } from '../../../domain/clubs/find-club-setup.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatDateTime, formatMoney } from '../../../i18n/index.ts';
import { roleLabel } from '../../components/role-label.ts';
import { TableHead } from '../../components/table-head.tsx';
import { useT } from '../../components/use-t.ts';
import { SetupChecklist } from './setup-checklist.tsx';

export type DashboardMatch = Awaited<ReturnType<typeof listClubMatches>>[number] & {
  title: string;
  /** Shown only to those who may read sales. */
  revenueCents?: number;
};

export interface DashboardPageProps {
  club: ClubMembership['club'];
  role: string;
  /** What the person's role lets them open (integrations/auth/access.ts decides). */
  may: { manageCatalog: boolean; readSales: boolean };
  upcoming: DashboardMatch[];
  /** The setup checklist, for those who set the club up. */
  setup: ClubSetup | null;
  demoPayments: boolean;
}

/** A club's home in the back office: the setup checklist until the first match is on sale, then the next matches. */
export function DashboardPage({ club, role, may, upcoming, setup, demoPayments }: DashboardPageProps) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  return (
    <>
      <h1 class="club-title">
        {club.logo ? <img src={club.logo} alt="" width="48" height="48" /> : null}
        {club.name}
      </h1>
      {club.status === 'suspended' ? <p class="alert error">{t('error.clubSuspended')}</p> : null}
      <p class="meta">
        {t('club.yourRole')}: <span class="badge">{roleLabel(t, role)}</span>
        {club.commune ? ` · ${club.commune}` : null}
      </p>
      {setup ? <SetupChecklist club={club} setup={setup} demoPayments={demoPayments} /> : null}
      <section class="card">
        <h2>{t('dashboard.upcoming')}</h2>
        {upcoming.length === 0 ? <p>{t('matches.none')}</p> : null}
        {upcoming.map((m) => (
          <div class="dashboard-match">
            <h3>{may.manageCatalog ? <a href={`/club/${club.slug}/matches/${m.id}`}>{m.title}</a> : m.title}</h3>
            <p class="meta">
              {formatDateTime(m.kickoffAt, locale)} · {m.competition}
              {m.revenueCents !== undefined ? ` · ${t('dashboard.revenue', { amount: formatMoney(m.revenueCents, locale) })}` : null}
            </p>
            {m.stands.length > 0 ? (
              <table>
                <TableHead columns={[t('stand.name'), t('dashboard.sold'), t('dashboard.left'), t('dashboard.cap')]} />
                <tbody>
                  {m.stands.map((s) => (
                    <tr>
                      <td>{s.name}</td>
                      <td>{s.sold}</td>
                      <td>{s.seatsLeft}</td>
                      <td>{s.cap}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>
        ))}
      </section>
    </>
  );
}
