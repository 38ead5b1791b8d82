import { useRequestContext } from 'hono/jsx-renderer';
import type { ActivityEntry } from '../../../domain/activity/list-activity.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatDate } from '../../../i18n/index.ts';
import { ActivityLog } from '../../components/activity-log.tsx';
import { Select } from '../../components/form.tsx';
import { useT } from '../../components/use-t.ts';

export interface ActivityPageProps {
  club: { name: string; slug: string };
  entries: ActivityEntry[];
  /** Older lines exist than the `shown` ones. */
  more: boolean;
  shown: number;
  /** The matches the log can be narrowed to, and the one it is (if any). */
  matches: { id: string; title: string; kickoffAt: Date }[];
  matchId?: string;
}

/** The club's whole activity log, newest first, optionally for one match. */
export function ActivityPage({ club, entries, more, shown, matches, matchId }: ActivityPageProps) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  return (
    <>
      <h1>
        {t('activity.title')} · {club.name}
      </h1>
      <p class="hint">{t('activity.intro')}</p>
      <form method="get" action={`/club/${club.slug}/activity`} class="card actions activity-filter">
        <Select
          name="match"
          label={t('orders.match')}
          options={[
            { value: '', label: t('activity.allMatches') },
            ...matches.map((m) => ({ value: m.id, label: `${m.title} · ${formatDate(m.kickoffAt, locale)}` })),
          ]}
          selected={matchId ?? ''}
        />
        <button type="submit" class="secondary">
          {t('activity.show')}
        </button>
      </form>
      <section class="card">
        <ActivityLog entries={entries} clubSlug={club.slug} links={{ match: true, order: true }} level={2} />
        {more ? <p class="hint">{t('activity.latest', { count: shown })}</p> : null}
      </section>
    </>
  );
}
