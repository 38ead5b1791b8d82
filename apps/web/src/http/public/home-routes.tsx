import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { validator } from 'hono/validator';
import { z } from 'zod';
import { setPreferredLocale } from '../../domain/accounts/set-preferred-locale.ts';
import { listCatalogChoices } from '../../domain/catalog/list-catalog-choices.ts';
import { CATALOG_PAGE_SIZE, listUpcomingMatches } from '../../domain/catalog/list-upcoming-matches.ts';
import { isClubSlug } from '../../domain/ids.ts';
import { brusselsDayStart } from '../../domain/time.ts';
import { LOCALES } from '../../i18n/index.ts';
import { render } from '../../views/layouts/layout.tsx';
import { HomePage } from '../../views/pages/public/home-page.tsx';
import { text } from '../fields.ts';
import { LOCALE_COOKIE } from '../middleware/locale.ts';
import { actorOf } from '../operation.ts';
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

/** The language switcher's form: an unknown language changes nothing, a missing `next` goes home. */
const languageChoice = validator('form', (form) =>
  z.object({ lang: z.enum(LOCALES).optional().catch(undefined), next: z.string().optional().catch(undefined) }).parse(form),
);

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
    return render(
      c,
      <HomePage
        filter={query}
        activeFilters={[filter.q, filter.clubSlug, filter.competitionSlug, filter.from, filter.to].filter(Boolean).length}
        firstRank={(query.page - 1) * CATALOG_PAGE_SIZE + 1}
        choices={choices}
        matches={items}
        previousUrl={query.page > 1 ? pageLink(query.page - 1) : undefined}
        nextUrl={hasNext ? pageLink(query.page + 1) : undefined}
      />,
      { title: t('home.title'), description: t('home.intro') },
    );
  })
  // The language switcher: remembered in a cookie, and in the profile of a signed-in user.
  .post('/lang', languageChoice, async (c) => {
    const { lang, next } = c.req.valid('form');
    if (lang) {
      setCookie(c, LOCALE_COOKIE, lang, {
        path: '/',
        sameSite: 'Lax',
        httpOnly: true,
        secure: c.get('deps').config.secureCookies,
        maxAge: 60 * 60 * 24 * 365,
      });
      if (c.get('user')) await setPreferredLocale(c.get('deps').db, {}, { actor: actorOf(c), locale: lang });
    }
    return c.redirect(safeRedirectPath(next), 303);
  });
