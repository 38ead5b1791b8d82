import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../types.ts';

export const session = createMiddleware<AppEnv>(async (c, next) => {
  const { auth } = c.get('deps');
  const { headers, response } = await auth.api.getSession({ headers: c.req.raw.headers, returnHeaders: true });
  c.set('user', response?.user ?? null);
  // A session in use is extended once a day: its refreshed cookie goes back to the browser.
  for (const cookie of headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
  await next();
});
