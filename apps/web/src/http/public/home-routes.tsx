import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import { setPreferredLocale } from '../../domain/accounts/set-preferred-locale.ts';
import { listCatalogChoices } from '../../domain/catalog/list-catalog-choices.ts';
import { listUpcomingMatches } from '../../domain/catalog/list-upcoming-matches.ts';
import { isClubSlug } from '../../domain/ids.ts';
import { brusselsDayStart } from '../../domain/time.ts';
import { isLocale } from '../../i18n/index.ts';
import { MatchCard } from '../../views/components/match-card.tsx';
import { render } from '../../views/layouts/layout.tsx';
import { text } from '../fields.ts';
import { LOCALE_COOKIE } from '../middleware/locale.ts';
import { safeRedirectPath } from '../redirect.ts';
import type { AppEnv } from '../types.ts';

const day = z.string().refine((value) => {
  try {
    return Boolean(brusselsDayStart(value));
  } catch {
    return false;
  }
});
const slug = z.string().refine(isClubSlug);
// Filters live in the URL, so a filtered list can be shared; a bad value is ignored, never an error.
const filterQuery = z.object({
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  club: slug.optional().catch(undefined),
  competition: slug.optional().catch(undefined),
  q: text(0, 80).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(500).catch(1),
});

export const homeRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const t = c.get('t');
    const { db } = c.get('deps');
    const query = filterQuery.parse(c.req.query());
    const filter = {
      from: query.from ? brusselsDayStart(query.from) : undefined,
      to: query.to ? brusselsDayStart(query.to, 1) : undefined,
      clubSlug: query.club || undefined,
      competitionSlug: query.competition || undefined,
      q: query.q || undefined,
    };
    const [{ items, hasNext }, choices] = await Promise.all([
      listUpcomingMatches(db, filter, { page: query.page }),
      listCatalogChoices(db),
    ]);
    const pageLink = (page: number) => {
      const params = new URLSearchParams(Object.entries({ ...query, page: String(page) }).filter(([, v]) => v) as [string, string][]);
      return `/?${params}`;
    };
    const filtered = Boolean(filter.from || filter.to || filter.clubSlug || filter.competitionSlug || filter.q);
    return render(
      c,
      <>
        <h1>{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
        <form method="get" action="/" class="card filters" aria-label={t('filter.label')}>
          <div class="field">
            <label for="q">{t('filter.text')}</label>
            <input id="q" name="q" type="search" value={query.q ?? ''} maxlength={80} placeholder={t('filter.textHint')} />
          </div>
          <div class="field">
            <label for="club">{t('filter.club')}</label>
            <select id="club" name="club">
              <option value="">{t('filter.all')}</option>
              {choices.clubs.map((club) => (
                <option value={club.slug} selected={club.slug === query.club}>
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
                <option value={comp.slug} selected={comp.slug === query.competition}>
                  {comp.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="from">{t('filter.from')}</label>
            <input id="from" name="from" type="date" value={query.from ?? ''} />
          </div>
          <div class="field">
            <label for="to">{t('filter.to')}</label>
            <input id="to" name="to" type="date" value={query.to ?? ''} />
          </div>
          <div class="actions">
            <button type="submit">{t('filter.apply')}</button>
            {filtered ? <a href="/">{t('filter.reset')}</a> : null}
          </div>
        </form>
        {items.length === 0 ? (
          <p class="card">{filtered ? t('home.noMatch') : t('home.empty')}</p>
        ) : (
          <ul class="matches">
            {items.map((m) => (
              <MatchCard m={m} />
            ))}
          </ul>
        )}
        <nav class="pager" aria-label={t('filter.pages')}>
          {query.page > 1 ? (
            <a href={pageLink(query.page - 1)} rel="prev">
              ← {t('filter.previous')}
            </a>
          ) : null}
          {hasNext ? (
            <a href={pageLink(query.page + 1)} rel="next">
              {t('filter.next')} →
            </a>
          ) : null}
        </nav>
      </>,
      { title: t('home.title'), description: t('home.intro') },
    );
  })
  // The language switcher: remembered in a cookie, and in the profile of a signed-in user.
  .post('/lang', async (c) => {
    const body = await c.req.parseBody();
    const lang = body.lang;
    if (isLocale(lang)) {
      setCookie(c, LOCALE_COOKIE, lang, {
        path: '/',
        sameSite: 'Lax',
        httpOnly: true,
        secure: c.get('deps').config.secureCookies,
        maxAge: 60 * 60 * 24 * 365,
      });
      const user = c.get('user');
      if (user) await setPreferredLocale(c.get('deps').db, user.id, lang);
    }
    return c.redirect(safeRedirectPath(body.next), 303);
  });
