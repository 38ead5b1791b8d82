import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import { findClubMembership } from '../../domain/clubs/find-club-membership.ts';
import { DomainError } from '../../domain/errors.ts';
import { can, type Permission } from '../../integrations/auth/access.ts';
import { clubMenu } from '../club/club-menu.ts';
import type { AppEnv } from '../types.ts';

/** To sign-in, and back here afterwards. */
const toSignIn = (c: Context) => c.redirect(`/sign-in?next=${encodeURIComponent(pathWithQuery(c))}`, 303);

/** Signed-in users only. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('user')) return toSignIn(c);
  await next();
});

export const requirePlatformAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.get('user');
  if (!user) return toSignIn(c);
  if (user.platformRole !== 'admin') throw new HTTPException(403);
  await next();
});

/**
 * The scope of every club route (invariant 5): resolves `:slug` to a club the signed-in user is on
 * the staff of — 404 otherwise, so other clubs' pages do not even reveal that they exist — and
 * checks the permission of their role (403). Routes then read the club only from `membership`.
 */
export function requireClub(permission?: Permission) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get('user');
    if (!user) return toSignIn(c);
    const slug = c.req.param('slug');
    const membership = slug ? await findClubMembership(c.get('deps').db, slug, user.id) : null;
    if (!membership) throw new HTTPException(404);
    if (permission && !can(membership.role, permission)) throw new HTTPException(403);
    if (membership.club.status !== 'active' && c.req.method !== 'GET') throw new DomainError('club_suspended');
    c.set('membership', membership);
    c.set('clubMenu', clubMenu(membership, c.req.path));
    await next();
  });
}

function pathWithQuery(c: Context): string {
  const url = new URL(c.req.url);
  return url.pathname + url.search;
}
