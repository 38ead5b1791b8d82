import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { routeParamGuard } from './params.ts';

const UUID = '3f1c2a9e-8b7d-4c6e-9a5f-0123456789ab';

function appWith(register: (app: Hono) => void) {
  const app = new Hono();
  const guard = routeParamGuard();
  app.use(guard.middleware);
  register(app);
  guard.learn(app.routes);
  app.onError((error) => new Response(null, { status: error instanceof HTTPException ? error.status : 500 }));
  return app;
}

describe('the path parameter guard', () => {
  it('refuses to start with a route whose parameter has no rule, so no new route goes unchecked', () => {
    expect(() => appWith((app) => app.get('/things/:thingId', (c) => c.text('x')))).toThrow(/thingId/);
  });

  it('answers 404 for a malformed parameter before the handler runs, and lets a static neighbour through', async () => {
    let reached = 0;
    const app = appWith((app) => {
      app.use('/club/:slug/*', async (_c, next) => next());
      app.get('/club/:slug/matches/new', (c) => c.text('new'));
      app.get('/club/:slug/matches/:matchId', (c) => {
        reached++;
        return c.text(c.req.param('matchId'));
      });
    });
    expect((await app.request(`/club/fc-a/matches/${UUID}`)).status).toBe(200);
    expect(await (await app.request('/club/fc-a/matches/new')).text()).toBe('new');
    for (const bad of ['abc', '0'.repeat(36), '%00', `${UUID}%00`, 'x'.repeat(500)]) {
      expect({ bad, status: (await app.request(`/club/fc-a/matches/${bad}`)).status }).toEqual({ bad, status: 404 });
    }
    expect((await app.request(`/club/Bad%20Slug/matches/${UUID}`)).status).toBe(404);
    expect((await app.request('/club/%00/anything')).status).toBe(404); // only middleware matches: it must take them too
    expect(reached).toBe(1);
  });
});
