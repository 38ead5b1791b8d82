import type { listCatalogChoices } from '../../../domain/catalog/list-catalog-choices.ts';
import type { CatalogMatch } from '../../../domain/catalog/list-upcoming-matches.ts';
import { MatchCard } from '../../components/match-card.tsx';
import { useT } from '../../components/use-t.ts';

export interface HomePageProps {
  /** The filters as they stand in the URL (days as YYYY-MM-DD, slugs). */
  filter: { q?: string; club?: string; competition?: string; from?: string; to?: string };
  /** Any filter narrows the list (then "reset" is offered, and an empty list says so). */
  filtered: boolean;
  choices: Awaited<ReturnType<typeof listCatalogChoices>>;
  matches: CatalogMatch[];
  previousUrl?: string;
  nextUrl?: string;
}

/** The catalog: upcoming matches, filtered by text, club, competition and dates, a page at a time. */
export function HomePage({ filter, filtered, choices, matches, previousUrl, nextUrl }: HomePageProps) {
  const t = useT();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      <form method="get" action="/" class="card filters" aria-label={t('filter.label')}>
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
