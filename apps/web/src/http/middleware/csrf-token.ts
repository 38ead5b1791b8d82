import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import { CSRF_FIELD } from '../../views/components/form.tsx';
import type { AppEnv } from '../types.ts';

export const CSRF_COOKIE = 'fa_csrf';

/**
 * A URL-encoded form (every form but an upload) is read as text straight from the socket and split
 * as the Fetch standard splits it (URLSearchParams), into the cache Hono's parseBody reads: Hono
 * itself would parse it through a Web Response, a fifth of a refused order's CPU (decision 022).
 */
function readUrlEncoded(c: Context) {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded' || c.req.bodyCache.formData) return;
  // parseBody only walks the entries (forEach), which URLSearchParams has as FormData does; Hono's
  // type says FormData where it keeps the promise of one.
  const form = c.req.text().then((text) => new URLSearchParams(text));
  c.req.bodyCache.formData = form as unknown as FormData;
}

/**
 * Double-submit token on every state-changing form, on top of hono/csrf's Origin check: a form
 * must echo the random value of an HttpOnly, SameSite cookie that another site can neither read
 * nor set. (better-auth's own checks do not run when the app calls auth.api directly.)
 */
export const csrfToken = createMiddleware<AppEnv>(async (c, next) => {
  let token = getCookie(c, CSRF_COOKIE);
  if (!token || !/^[\w-]{43}$/.test(token)) {
    token = randomBytes(32).toString('base64url');
    setCookie(c, CSRF_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: c.get('deps').config.secureCookies,
      path: '/',
    });
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') throw new HTTPException(403, { message: 'csrf' });
  }
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    readUrlEncoded(c);
    const body = await c.req.parseBody().catch(() => {
      throw new HTTPException(400); // a truncated or malformed form
    });
    const sent = typeof body[CSRF_FIELD] === 'string' ? (body[CSRF_FIELD] as string) : '';
    const a = Buffer.from(sent);
    const b = Buffer.from(token);
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw new HTTPException(403, { message: 'csrf' });
  }
  c.set('csrfToken', token);
  await next();
});
