import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { DEFAULT_LOCALE, isLocale, negotiateLocale, translator } from '../../i18n/index.ts';
import type { AppEnv } from '../types.ts';

export const LOCALE_COOKIE = 'fa_lang';

// The user's setting, then the language they last picked here, then the browser's, then French.
export const locale = createMiddleware<AppEnv>(async (c, next) => {
  const fromUser = c.get('user')?.locale;
  const fromCookie = getCookie(c, LOCALE_COOKIE);
  const chosen = isLocale(fromUser)
    ? fromUser
    : isLocale(fromCookie)
      ? fromCookie
      : (negotiateLocale(c.req.header('accept-language')) ?? DEFAULT_LOCALE);
  c.set('locale', chosen);
  c.set('t', translator(chosen));
  c.header('Content-Language', chosen);
  await next();
});
