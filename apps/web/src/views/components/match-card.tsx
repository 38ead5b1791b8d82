import { useRequestContext } from 'hono/jsx-renderer';
import type { CatalogMatch } from '../../domain/catalog/list-upcoming-matches.ts';
import type { AppEnv } from '../../http/types.ts';
import { formatDateTime, formatMoney } from '../../i18n/index.ts';
import { MatchStatusBadge } from './match-status-badge.tsx';
import { VerifiedBadge } from './verified-badge.tsx';

/** One upcoming match in a list: teams, the club selling (verified or not), kick-off in Brussels time, place, seats and price. */
export function MatchCard({ m }: { m: CatalogMatch }) {
  const c = useRequestContext<AppEnv>();
  const t = c.get('t');
  const locale = c.get('locale');
  return (
    <li class="card match">
      <a class="teams" href={`/matches/${m.id}`}>
        {m.title}
      </a>
      <div class="meta">
        {m.club}
        <VerifiedBadge verified={m.clubVerified} />
      </div>
      <div class="meta">
        <time datetime={m.kickoffAt.toISOString()}>{formatDateTime(m.kickoffAt, locale)}</time> · {m.competition}
      </div>
      {m.venue ? (
        <div class="meta">
          {m.venue}, {m.commune}
        </div>
      ) : (
        <div class="meta">{t('match.away')}</div>
      )}
      <div>
        {/* An away match has no tickets here: only its postponement is news. */}
        {m.isHome || m.displayStatus === 'postponed' ? <MatchStatusBadge status={m.displayStatus} seatsLeft={m.seatsLeft} /> : null}{' '}
        {m.isHome && m.fromPriceCents !== null ? (
          <span class="badge">
            {m.fromPriceCents === 0 ? t('match.free') : t('home.fromPrice', { price: formatMoney(m.fromPriceCents, locale) })}
          </span>
        ) : null}
      </div>
    </li>
  );
}
