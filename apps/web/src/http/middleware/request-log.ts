import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../types.ts';

// Paths that carry a secret in a segment: the password-reset token, the unsubscribe token.
const SECRET_SEGMENT = /\/(reset-password|unsubscribe)\/[^/]+/;

/** The path as logged: no query string (e-mail verification tokens), no secret segment. */
export const loggablePath = (path: string) => path.replace(SECRET_SEGMENT, '/$1/[redacted]');

// One line per request.
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  const { logger } = c.get('deps');
  logger.info(
    {
      reqId: c.get('requestId'),
      method: c.req.method,
      path: loggablePath(c.req.path),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      user: c.get('user')?.id,
    },
    'request',
  );
});
