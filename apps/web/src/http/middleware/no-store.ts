import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../types.ts';

// Areas whose answers are personal even without a session cookie: the device API (a Bearer token),
// the demo payment page, a guest's private order link and e-mailed unsubscribe links. Everything
// else private needs a sign-in.
const PRIVATE_WITHOUT_SESSION = /^\/(api\/v1|demo-pay|gate-pay|guest-orders|unsubscribe|account|club|admin|scan|invitations)(\/|$)/;

/**
 * Nothing shown to a signed-in person, nor any answer of the private areas, is kept by a browser,
 * a proxy or the back button's cache: tickets carry a QR code that admits, accounts and club pages
 * carry names, e-mail addresses and orders. As a class rather than page by page: every response to
 * a request with a session, and every response under the private prefixes (redirects and errors
 * included). Public pages seen signed out stay cacheable.
 */
export const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  // On the answer's own headers: c.header() after the handler copies the whole answer into a new one
  // (and @hono/node-server then streams it instead of writing its string at once, decision 022).
  if (c.get('user') || PRIVATE_WITHOUT_SESSION.test(c.req.path)) c.res.headers.set('Cache-Control', 'no-store');
});
