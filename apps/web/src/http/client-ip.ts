import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './types.ts';

/**
 * The caller's address: the socket's, or, behind a proxy (TRUST_PROXY), the last X-Forwarded-For
 * entry — the one our proxy appended; the ones before it are whatever the client sent.
 */
export function clientIp<E extends AppEnv>(c: Context<E>): string {
  if (c.get('deps').config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // requests made in-process (tests through app.request)
  }
}

/** Whether the request comes from this machine (the development mailbox is for its operator only). */
export function fromLoopback(c: Context<AppEnv>): boolean {
  try {
    const address = getConnInfo(c).remote.address ?? '';
    return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
  } catch {
    return false;
  }
}
