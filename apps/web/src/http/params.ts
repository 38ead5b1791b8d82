import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { TrieRouter } from 'hono/router/trie-router';
import { isClubSlug, isUuid } from '../domain/ids.ts';

// Every path parameter of the app, by name, and what it may look like. A malformed value is a 404
// at the edge, before any handler or query sees it (PostgreSQL fails on a malformed uuid or a NUL).
// A route with a parameter name missing here stops the app from starting: add its rule.
const BETTER_AUTH_ID = /^[A-Za-z0-9_-]{1,64}$/;
const PARAM_RULES: Record<string, (value: string) => boolean> = {
  slug: isClubSlug,
  matchId: isUuid,
  competitionId: isUuid,
  venueId: isUuid,
  standId: isUuid,
  orderId: isUuid,
  itemId: isUuid,
  ticketId: isUuid,
  deviceId: isUuid,
  listId: isUuid,
  guestId: isUuid,
  passId: isUuid,
  clubId: (v) => BETTER_AUTH_ID.test(v),
  memberId: (v) => BETTER_AUTH_ID.test(v),
  invitationId: (v) => BETTER_AUTH_ID.test(v),
  reference: (v) => /^FA-[0-9A-Z]{7}$/.test(v),
  sessionId: (v) => /^[A-Za-z0-9_-]{1,100}$/.test(v),
  token: (v) => /^[A-Za-z0-9_-]{1,128}$/.test(v),
  name: (v) => /^[\w.-]{1,200}$/.test(v), // /assets/:name, /dev/mail/:name
  index: (v) => /^\d{1,3}$/.test(v), // /dev/mail/:name/attachments/:index
};

interface Route {
  method: string;
  path: string;
}

/**
 * The guard of every path parameter: `middleware` goes first in the app; `learn` is given the app's
 * route table once every route is registered. A request passes when at least one route it reaches
 * has every parameter well formed (so "/matches/new" still reaches its page next to "/matches/:matchId").
 */
export function routeParamGuard() {
  const router = new TrieRouter<Route>();
  let learned = false;

  const learn = (routes: readonly Route[]) => {
    for (const route of routes) {
      for (const [, name] of route.path.matchAll(/:(\w+)/g)) {
        if (!PARAM_RULES[name!])
          throw new Error(`Route ${route.method} ${route.path}: no rule for the path parameter "${name}" in http/params.ts`);
      }
      router.add(route.method, route.path, route);
    }
    learned = true;
  };

  const middleware: MiddlewareHandler = async (c, next) => {
    if (!learned) throw new Error('routeParamGuard: learn() was not called');
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    const [matches] = router.match(method, c.req.path) as [[Route, Record<string, string>][]];
    // One route proper (not a middleware path ending in "*") that takes them is enough; without one,
    // the middleware on the way must all take them.
    const endpoints = matches.filter(([route]) => !route.path.endsWith('*'));
    const ok =
      endpoints.length > 0 ? endpoints.some(([, params]) => wellFormed(params)) : matches.every(([, params]) => wellFormed(params));
    if (!ok) throw new HTTPException(404);
    await next();
  };

  return { learn, middleware };
}

function wellFormed(params: Record<string, string>): boolean {
  return Object.entries(params).every(([name, raw]) => {
    let value: string;
    try {
      value = decodeURIComponent(raw);
    } catch {
      return false;
    }
    return PARAM_RULES[name]?.(value) ?? false;
  });
}
