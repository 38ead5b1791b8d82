import { createMiddleware } from 'hono/factory';
import { findSessionUser } from '../../integrations/auth/find-session-user.ts';
import type { AppEnv } from '../types.ts';

export const session = createMiddleware<AppEnv>(async (c, next) => {
  const { auth, db } = c.get('deps');
  const { user, setCookies } = await findSessionUser(auth, db, c.req.raw.headers);
  c.set('user', user);
  // A session in use is extended once a day: its refreshed cookie goes back to the browser.
  for (const cookie of setCookies) c.header('set-cookie', cookie, { append: true });
  await next();
});
