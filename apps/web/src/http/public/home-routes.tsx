import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { setPreferredLocale } from '../../domain/accounts/set-preferred-locale.ts';
import { listUpcomingMatches } from '../../domain/catalog/list-upcoming-matches.ts';
import { formatDateTime, formatMoney, isLocale } from '../../i18n/index.ts';
import { render } from '../../views/layouts/layout.tsx';
import { safeNext } from '../middleware/access.ts';
import { LOCALE_COOKIE } from '../middleware/locale.ts';
import type { AppEnv } from '../types.ts';

export const homeRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const t = c.get('t');
    const locale = c.get('locale');
    const matches = await listUpcomingMatches(c.get('deps').db);
    return render(
      c,
      <>
        <h1>{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
        {matches.length === 0 ? (
          <p class="card">{t('home.empty')}</p>
        ) : (
          <ul class="matches">
            {matches.map((m) => (
              <li class="card match">
                <div class="teams">
                  {m.club} – {m.opponent}
                </div>
                <div class="meta">
                  <time datetime={m.kickoffAt.toISOString()}>{formatDateTime(m.kickoffAt, locale)}</time> · {m.competition}
                </div>
                <div class="meta">
                  {m.venue}, {m.commune}
                </div>
                <div>
                  {m.seatsLeft > 0 ? (
                    <span class="badge">{t('home.seatsLeft', { count: m.seatsLeft })}</span>
                  ) : (
                    <span class="badge bad">{t('home.soldOut')}</span>
                  )}{' '}
                  {m.fromPriceCents !== null ? (
                    <span class="badge">{t('home.fromPrice', { price: formatMoney(m.fromPriceCents, locale) })}</span>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
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
    return c.redirect(safeNext(body.next), 303);
  });
