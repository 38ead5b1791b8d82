import type { Context } from 'hono';
import { deleteCookie, getCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Flash } from '../types.ts';

const FLASH_COOKIE = 'fa_flash';

// A one-shot message shown on the next page after a redirect (post/redirect/get). Signed, so no
// other site or script can plant text on our pages; already translated when set.
export const flash = createMiddleware<AppEnv>(async (c, next) => {
  // Checked only when there is one: checking imports the key at every call.
  const raw = getCookie(c, FLASH_COOKIE) === undefined ? undefined : await getSignedCookie(c, flashSecret(c), FLASH_COOKIE);
  let value: Flash | null = null;
  if (raw) {
    try {
      const parsed = JSON.parse(raw) as Flash;
      if (['success', 'error', 'info'].includes(parsed.kind) && typeof parsed.text === 'string') value = parsed;
    } catch {}
    deleteCookie(c, FLASH_COOKIE, { path: '/' });
  }
  c.set('flash', value);
  await next();
});

export async function redirectWithFlash(c: Context<AppEnv>, location: string, kind: Flash['kind'], text: string) {
  await setSignedCookie(c, FLASH_COOKIE, JSON.stringify({ kind, text }), flashSecret(c), {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('deps').config.secureCookies,
    path: '/',
    maxAge: 60,
  });
  return c.redirect(location, 303);
}

const flashSecret = (c: Context<AppEnv>) => c.get('deps').config.cookieSecret;
