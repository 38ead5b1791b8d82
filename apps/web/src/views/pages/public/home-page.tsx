import type { listCatalogChoices } from '../../../domain/catalog/list-catalog-choices.ts';
import type { CatalogMatch } from '../../../domain/catalog/list-upcoming-matches.ts';
import { MatchCard } from '../../components/match-card.tsx';
import { useT } from '../../components/use-t.ts';

export interface HomePageProps {
  /** The filters as they stand in the URL (days as YYYY-MM-DD, slugs). */
  filter: { q?: string; club?: string; competition?: string; from?: string; to?: string };
  /** How many filters narrow the list (then "reset" is offered, and an empty list says so). */
  activeFilters: number;
  /** The page's first match's rank in the whole list (1 on the first page). */
  firstRank: number;
  choices: Awaited<ReturnType<typeof listCatalogChoices>>;
  matches: CatalogMatch[];
  previousUrl?: string;
  nextUrl?: string;
}

/** The catalog: upcoming matches, filtered by text, club, competition and dates, a page at a time. */
export function HomePage({ filter, activeFilters, firstRank, choices, matches, previousUrl, nextUrl }: HomePageProps) {
  const t = useT();
  const filtered = activeFilters > 0;
  const last = firstRank + matches.length - 1;
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p class="intro">{t('home.intro')}</p>
      {/* On a phone the first match shows without scrolling: the filters fold behind one button (no JavaScript needed). */}
      <div class="catalog-bar">
        <p class="results" role="status">
          {matches.length === 0
            ? null
            : previousUrl || nextUrl
              ? t('home.resultsRange', { from: firstRank, to: last })
              : t(matches.length === 1 ? 'home.results.one' : 'home.results.other', { count: matches.length })}
        </p>
        {filtered ? <a href="/">{t('filter.reset')}</a> : null}
      </div>
      <details class="card filters">
        <summary>{filtered ? t('filter.toggleActive', { count: activeFilters }) : t('filter.toggle')}</summary>
        <form method="get" action="/" aria-label={t('filter.label')}>
          <div class="field">
            <label for="q">{t('filter.text')}</label>
            <input id="q" name="q" type="search" value={filter.q ?? ''} maxlength={80} placeholder={t('filter.textHint')} />
          </div>
          <div class="field">
            <label for="club">{t('filter.club')}</label>
            <select id="club" name="club">
              <option value="">{t('filter.all')}</option>
              {choices.clubs.map((club) => (
                <option value={club.slug} selected={club.slug === filter.club}>
                  {club.verified ? `${club.name} — ✓ ${t('club.verified')}` : club.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="competition">{t('filter.competition')}</label>
            <select id="competition" name="competition">
              <option value="">{t('filter.all')}</option>
              {choices.competitions.map((comp) => (
                <option value={comp.slug} selected={comp.slug === filter.competition}>
                  {comp.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="from">{t('filter.from')}</label>
            <input id="from" name="from" type="date" value={filter.from ?? ''} />
          </div>
          <div class="field">
            <label for="to">{t('filter.to')}</label>
            <input id="to" name="to" type="date" value={filter.to ?? ''} />
          </div>
          <div class="actions">
            <button type="submit">{t('filter.apply')}</button>
            {filtered ? <a href="/">{t('filter.reset')}</a> : null}
          </div>
        </form>
      </details>
      {matches.length === 0 ? (
        <p class="card">{filtered ? t('home.noMatch') : t('home.empty')}</p>
      ) : (
        <ul class="matches">
          {matches.map((m) => (
            <MatchCard m={m} />
          ))}
        </ul>
      )}
      <nav class="pager" aria-label={t('filter.pages')}>
        {previousUrl ? (
          <a href={previousUrl} rel="prev">
            ← {t('filter.previous')}
          </a>
        ) : null}
        {nextUrl ? (
          <a href={nextUrl} rel="next">
            {t('filter.next')} →
          </a>
        ) : null}
      </nav>
    </>
  );
}
