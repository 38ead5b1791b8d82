import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guest, order, orderItem, seasonProduct, ticket, venue } from '../src/db/schema/index.ts';
import { clubWithOwner, matchOnSale, postOk } from './support/catalog.ts';
import { createUser, databaseKinds, signIn, startTestApp, type TestApp, type TestClient, textOf } from './support/harness.ts';

// What arrives at the edge of the app from anyone: malformed ids in every path parameter.
const MALFORMED = ['abc', '0'.repeat(36), '%00', 'x'.repeat(3000)];
const NOT_A_UUID = '0'.repeat(36);

/** A form with the app's usual field names, each holding a NUL or an id that is not a UUID. */
const HOSTILE_FORM: Record<string, string> = Object.fromEntries([
  ...['name', 'street', 'commune', 'opponentName', 'email', 'password', 'q', 'next', 'club', 'token', 'code', 'role', 'status'].map(
    (field) => [field, 'a\u0000b'],
  ),
  ...['competitionId', 'venueId', 'matchIds[]', 'standIds[]', 'match'].map((field) => [field, NOT_A_UUID]),
  [`q_${NOT_A_UUID}_adult`, '1'],
  ['postalCode', '1000'],
  ['capacity', '10'],
  ['price_adult', '5'],
  ['side', 'home'],
  ['kind', 'gate'],
  ['lang', 'en'],
]);

/** Every (method, path pattern) of the app that has a parameter, read from Hono's own route table. */
function parameterisedRoutes(t: TestApp) {
  const seen = new Set<string>();
  const routes: { method: string; path: string; params: string[] }[] = [];
  for (const { method, path } of t.app.routes) {
    const params = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    if (params.length === 0) continue;
    for (const m of method === 'ALL' ? ['GET', 'POST'] : [method]) {
      if (m !== 'GET' && m !== 'POST') continue;
      const key = `${m} ${path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      routes.push({ method: m, path, params });
    }
  }
  return routes;
}

/** The path with `bad` in place of one parameter and plausible values elsewhere (the club's own slug). */
function fill(path: string, target: string, bad: string, slug: string): string {
  return path
    .replace(/:(\w+)(\{[^/]*\})?/g, (_, name: string) =>
      name === target ? bad : name === 'slug' ? slug : '3f1c2a9e-8b7d-4c6e-9a5f-0123456789ab',
    )
    .replace(/\*$/, 'x');
}

describe.each(databaseKinds())('the edge of the app on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t?.close());

  it('answers every route with a malformed id in any parameter without a server error, signed out or as a club owner', async () => {
    const { owner, slug } = await clubWithOwner(t, 'Walk FC');
    const visitors: [string, TestClient][] = [
      ['signed out', t.client()],
      ['owner', owner],
    ];
    const routes = parameterisedRoutes(t);
    expect(routes.length).toBeGreaterThan(40); // the walk sees the whole app, not one router
    const failures: string[] = [];
    for (const [who, client] of visitors) {
      for (const { method, path, params } of routes) {
        for (const param of params) {
          for (const bad of MALFORMED) {
            const url = fill(path, param, bad, slug);
            const response = method === 'GET' ? await client.get(url) : await client.post(url, {});
            if (response.status >= 500) failures.push(`${who} ${method} ${path} [${param}=${bad.slice(0, 40)}] → ${response.status}`);
            await response.body?.cancel();
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers every form of the app, posted with NULs and ids that are not UUIDs, without a server error', async () => {
    const ctx = await clubWithOwner(t, 'Forms FC');
    const { matchId } = await matchOnSale(t, ctx);
    const failures: string[] = [];
    for (const [who, client] of [
      ['signed out', t.client()],
      ['owner', ctx.owner],
    ] as const) {
      const seen = new Set<string>();
      for (const { method, path } of t.app.routes) {
        if ((method !== 'POST' && method !== 'ALL') || path.endsWith('*') || path === '/sign-out' || seen.has(path)) continue;
        seen.add(path);
        const url = path.replace(/:(\w+)(\{[^/]*\})?/g, (_, name: string) =>
          name === 'slug' ? ctx.slug : name === 'matchId' ? matchId : NOT_A_UUID,
        );
        const response = await client.post(url, HOSTILE_FORM);
        if (response.status >= 500) failures.push(`${who} POST ${url} → ${response.status}`);
        await response.body?.cancel();
      }
    }
    expect(failures).toEqual([]);
    expect(ctx.owner.signedIn).toBe(true);
  });

  it('refuses control characters in a text field with a clear message and saves nothing', async () => {
    const { owner, base, club } = await clubWithOwner(t, 'Text FC');
    const venues = () => t.runtime.deps.db.select().from(venue).where(eq(venue.clubId, club.id));
    for (const street of ['Rue\u00001', 'Rue 1\r\nInjected: yes', 'Rue\n1', 'Rue\t1', 'Rue\u001b[1']) {
      const response = await owner.post(
        `${base}/venues`,
        { name: 'Park', street, postalCode: '1000', commune: 'Bruxelles' },
        { headers: { 'accept-language': 'en' } },
      );
      expect({ street, status: response.status }).toEqual({ street, status: 400 });
      expect(await textOf(response)).toContain('This field contains characters that are not allowed');
    }
    expect(await venues()).toEqual([]);
    await postOk(owner, `${base}/venues`, { name: 'Park', street: 'Rue 1', postalCode: '1000', commune: 'Bruxelles' });
    const [saved] = await venues();
    const edited = await owner.post(`${base}/venues/${saved!.id}`, {
      name: 'Park\u0000',
      street: 'Rue 2\r\n',
      postalCode: '1000',
      commune: 'Bruxelles',
    });
    expect(edited.status).toBe(400);
    expect(await venues()).toEqual([saved]);
  });

  it('refuses a ticket choice for a stand id that is not a UUID, and places no order', async () => {
    const ctx = await clubWithOwner(t, 'Field FC');
    const { matchId } = await matchOnSale(t, ctx);
    await createUser(t, 'field-buyer@example.be');
    const buyer = await signIn(t, 'field-buyer@example.be');
    const response = await buyer.post(`/matches/${matchId}/checkout`, { [`q_${NOT_A_UUID}_adult`]: '1' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await t.runtime.deps.db.select().from(order).where(eq(order.matchId, matchId))).toEqual([]);
  });

  /** A guest list of the match with one guest, made through the back office: the ids its pages take. */
  async function guestListIds(ctx: Awaited<ReturnType<typeof clubWithOwner>>, matchId: string, matchStandId: string) {
    const created = await postOk(ctx.owner, `${ctx.base}/matches/${matchId}/guests`, {
      name: 'Press',
      kind: 'press',
      [`seats_${matchStandId}`]: '1',
    });
    const listId = created.split('/guests/')[1]!.split('#')[0]!;
    await postOk(ctx.owner, `${ctx.base}/matches/${matchId}/guests/${listId}/add`, { name: 'Pia', email: '', places: '1', matchStandId });
    const [one] = await t.runtime.deps.db.select({ id: guest.id }).from(guest).where(eq(guest.guestListId, listId));
    return { listId, guestId: one!.id };
  }

  it('lets no browser or proxy keep a page with a ticket or personal data: every answer to a signed-in visitor, and every private area', async () => {
    const ctx = await clubWithOwner(t, 'Cache FC');
    const { matchId, matchStandId, venueId, standId } = await matchOnSale(t, ctx);
    const free = await ctx.owner.post(`/matches/${matchId}/checkout`, { [`q_${matchStandId}_child`]: '1' });
    const reference = free.headers.get('location')!.split('/').at(-1)!;
    const db = t.runtime.deps.db;
    const [placed] = await db.select().from(order).where(eq(order.reference, reference));
    const [tk] = await db.select().from(ticket).where(eq(ticket.orderId, placed!.id));
    const [item] = await db.select().from(orderItem).where(eq(orderItem.orderId, placed!.id));
    const [product] = await db
      .insert(seasonProduct)
      .values({ clubId: ctx.club.id, season: '2026–27', name: 'Season ticket', standId })
      .returning();
    const real: Record<string, string> = {
      productId: product!.id,
      passId: randomUUID(), // nobody's pass: its page answers 404, privately
      slug: ctx.slug,
      matchId,
      venueId,
      standId,
      reference,
      orderId: placed!.id,
      ticketId: tk!.id,
      itemId: item!.id,
      clubId: ctx.club.id,
      ...(await guestListIds(ctx, matchId, matchStandId)),
    };
    const gets = [
      ...new Set(t.app.routes.filter((r) => (r.method === 'GET' || r.method === 'ALL') && !r.path.includes('*')).map((r) => r.path)),
    ]
      // Images, styles and the health probes carry nothing personal and are answered before the session is read.
      .filter((path) => !/^\/(logos|assets|healthz|readyz)(\/|$)/.test(path))
      .map((path) => path.replace(/:(\w+)(\{[^/]*\})?/g, (_, name: string) => real[name] ?? NOT_A_UUID));
    expect(gets).toEqual(expect.arrayContaining(['/account/tickets', `/account/tickets/${tk!.id}`, `/account/orders/${reference}`]));
    const cached: string[] = [];
    for (const path of gets) {
      const signedIn = await ctx.owner.get(path);
      if (!/no-store/.test(signedIn.headers.get('cache-control') ?? '')) cached.push(`signed in ${path} → ${signedIn.status}`);
      await signedIn.body?.cancel();
      if (/^\/(account|club|admin|scan|api\/v1|invitations|demo-pay|unsubscribe)(\/|$)/.test(path)) {
        const signedOut = await t.client().get(path);
        if (!/no-store/.test(signedOut.headers.get('cache-control') ?? '')) cached.push(`signed out ${path} → ${signedOut.status}`);
        await signedOut.body?.cancel();
      }
    }
    expect(cached).toEqual([]);
    // Public pages seen signed out stay cacheable: the rule is about personal data, not every page.
    expect((await t.client().get(`/matches/${matchId}`)).headers.get('cache-control')).toBeNull();
  });
});
