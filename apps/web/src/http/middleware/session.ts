import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../types.ts';

export const session = createMiddleware<AppEnv>(async (c, next) => {
  const { auth } = c.get('deps');
  const found = await auth.api.getSession({ headers: c.req.raw.headers });
  c.set('user', found?.user ?? null);
  await next();
});
