import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';

/**
 * Hono's bodyLimit, without touching the body's stream when Content-Length already says the size:
 * reading `c.req.raw.body` makes @hono/node-server build a whole Web Request around Node's socket,
 * while a body read later by `text()`, `json()` or `parseBody()` is otherwise read straight from it —
 * a tenth of a scan's CPU (docs/decisions/022). Same answers: a declared size over the limit is
 * refused before reading; a chunked body is counted as it streams by Hono's own middleware.
 */
export function bodyLimit(options: { maxSize: number; onError: (c: Context) => Response | Promise<Response> }): MiddlewareHandler {
  const streamed = honoBodyLimit(options);
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    // (Node refuses a request that declares both, or a malformed length, before any handler.)
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    return Number(length) > options.maxSize ? options.onError(c) : next();
  };
}
