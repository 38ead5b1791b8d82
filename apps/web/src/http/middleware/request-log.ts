import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../types.ts';

// One line per request. The path only: query strings can carry tokens (password reset, verification).
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  const { logger } = c.get('deps');
  logger.info(
    {
      reqId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      user: c.get('user')?.id,
    },
    'request',
  );
});
