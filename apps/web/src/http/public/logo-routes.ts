import { Hono } from 'hono';
import { findClubLogo } from '../../domain/clubs/find-club-logo.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppEnv } from '../types.ts';

// Public: logos appear on match pages, e-mails and tickets. The URL carries a content hash (?v=), so
// a new logo is a new URL and the old one may be cached for long.
export const logoRoutes = new Hono<AppEnv>().get('/:clubId', async (c) => {
  try {
    const logo = await findClubLogo(c.get('deps').db, c.req.param('clubId'));
    return c.body(logo.bytes.buffer as ArrayBuffer, 200, {
      'Content-Type': logo.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Content-Security-Policy': "default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
    });
  } catch (error) {
    if (error instanceof DomainError) return c.text('Not found', 404);
    throw error;
  }
});
