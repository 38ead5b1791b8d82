import { randomBytes, randomUUID } from 'node:crypto';
import { formatShortCode } from '@footarena/ticket-code';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activity,
  match,
  matchStand,
  member,
  order,
  seasonOrderSeat,
  seasonPass,
  seasonProduct,
  seasonProductMatch,
  seasonProductPrice,
  ticket,
} from '../src/db/schema/index.ts';
import { listCheckinChanges } from '../src/domain/checkin/list-checkin-changes.ts';
import { redeemTicket } from '../src/domain/checkin/redeem-ticket.ts';
import { createDevice } from '../src/domain/devices/create-device.ts';
import { DomainError } from '../src/domain/errors.ts';
import { placeOrder } from '../src/domain/sales/place-order.ts';
import { addSeasonMatch } from '../src/domain/seasons/add-season-match.ts';
import { brusselsIn, clubWithOwner, matchOnSale, postOk } from './support/catalog.ts';
import { createUser, databaseKinds, signIn, startTestApp, type TestApp, type TestClient, textOf } from './support/harness.ts';
import { matchOnStand, passTickets, seasonOrder } from './support/season-club.ts';

describe.each(databaseKinds())('the club’s season ticket products on %s', (kind) => {
  let t: TestApp;
  let ctx: Awaited<ReturnType<typeof clubWithOwner>>;
  let m1: Awaited<ReturnType<typeof matchOnSale>>; // stand "Main", 50 seats, in 8 days
  let m2: { matchId: string; matchStandId: string }; // Main, in 15 days
  let northId = '';
  let m4: { matchId: string; matchStandId: string }; // only "North" open, in 12 days

  beforeAll(async () => {
    t = await startTestApp(kind);
    ctx = await clubWithOwner(t, 'Season FC');
    m1 = await matchOnSale(t, ctx, 'First FC');
    m2 = await matchOnStand(t, ctx, { venueId: m1.venueId, standId: m1.standId, opponentName: 'Second FC', days: 15 });
    await postOk(ctx.owner, `${ctx.base}/venues/${m1.venueId}/stands`, { name: 'North', capacity: '30', price_adult: '8' });
    const html = await (await ctx.owner.get(`${ctx.base}/venues`)).text();
    northId = [...html.matchAll(/stands\/([0-9a-f-]{36})"/g)].map((m) => m[1]!).find((id) => id !== m1.standId)!;
    m4 = await matchOnStand(t, ctx, { venueId: m1.venueId, standId: northId, opponentName: 'Fourth FC', days: 12 });
  });
  afterAll(() => t?.close());
  const db = () => t.runtime.deps.db;
  const opCtx = () => ({ outbox: t.runtime.deps.outbox, payments: t.runtime.deps.payments, config: t.runtime.deps.config.sales });

  /** The product form as a club fills it in, with these changes. */
  const productForm = (changes: Record<string, string> = {}) => ({
    season: '2026–27',
    name: 'Main stand season',
    standId: m1.standId,
    price_adult: '150',
    price_youth: '',
    price_child: '',
    price_member: '120',
    price_senior: '',
    saleOpensAt: '',
    saleClosesAt: '',
    cap: '',
    giveBackSharePercent: '50',
    renewalOfId: '',
    priorityUntil: '',
    ...changes,
  });

  /** A form with repeated fields (ticked checkboxes), as a browser posts it. */
  async function postPairs(client: TestClient, path: string, pairs: [string, string][]) {
    if (!client.cookies.has('fa_csrf')) await client.get('/');
    const body = new URLSearchParams([['_csrf', client.cookies.get('fa_csrf')!], ...pairs]);
    return client.request(path, {
      method: 'POST',
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    });
  }

  /** A product made through the back office, covering these matches; returns its id. */
  async function newProduct(client: TestClient, base: string, matchIds: string[], changes: Record<string, string> = {}) {
    const response = await postPairs(client, `${base}/seasons/new`, [
      ...Object.entries(productForm(changes)),
      ...matchIds.map((id): [string, string] => ['matches[]', id]),
    ]);
    if (response.status !== 303) throw new Error(`product not created: ${response.status} ${(await textOf(response)).slice(0, 1500)}`);
    return response.headers.get('location')!.split('/seasons/')[1]!.split('#')[0]!;
  }

  async function seats(matchStandId: string) {
    const [row] = await db()
      .select({ cap: matchStand.cap, sold: matchStand.sold, held: matchStand.held })
      .from(matchStand)
      .where(eq(matchStand.id, matchStandId));
    return row!;
  }

  const coveredBy = async (productId: string) =>
    (await db().select().from(seasonProductMatch).where(eq(seasonProductMatch.productId, productId))).map((r) => r.matchId).sort();
  const productCount = async () => (await db().select().from(seasonProduct).where(eq(seasonProduct.clubId, ctx.club.id))).length;

  it('refuses a bad product beside each field, keeping what was typed, and creates nothing', async () => {
    const before = await productCount();
    const typo = await ctx.owner.post(
      `${ctx.base}/seasons/new`,
      productForm({ name: 'Kept Name', price_adult: 'abc', giveBackSharePercent: '120' }),
    );
    expect(typo.status).toBe(400);
    const typoHtml = await typo.text();
    expect(typoHtml).toContain('value="Kept Name"');
    expect(await textOf(new Response(typoHtml))).toContain('Enter a price in euros, like 12 or 12,50.');
    expect(typoHtml).toContain('Enter a number between 0 and 100.');
    // Every rule of the domain at once: the sale window backwards, a priority date without a renewal.
    const rules = await ctx.owner.post(
      `${ctx.base}/seasons/new`,
      productForm({ saleOpensAt: brusselsIn(10), saleClosesAt: brusselsIn(5), priorityUntil: brusselsIn(6), price_member: '9000' }),
    );
    expect(rules.status).toBe(409);
    const text = await textOf(rules);
    expect(text).toContain('The sale must open before it closes.');
    expect(text).toContain('A renewal needs a priority date');
    expect(text).toContain('Enter a price between 0 and 5000 €.');
    expect(text).toContain('Main stand season'); // kept
    // A ticked match that does not have the stand open: named, and nothing made.
    const closed = await postPairs(ctx.owner, `${ctx.base}/seasons/new`, [...Object.entries(productForm()), ['matches[]', m4.matchId]]);
    expect(closed.status).toBe(409);
    const closedHtml = await closed.text();
    expect(await textOf(new Response(closedHtml))).toContain('Main is not open for the match against Fourth FC');
    expect(closedHtml).toMatch(new RegExp(`value="${m4.matchId}" checked`)); // the ticks are kept too
    // Another club's stand is not offered and not taken.
    const other = await clubWithOwner(t, 'Stand Thief FC');
    const stolen = await other.owner.post(`${other.base}/seasons/new`, productForm());
    expect(stolen.status).toBe(409);
    expect(await productCount()).toBe(before);
  });

  it('creates a product covering the home league matches between two days, leaving out those without its stand, then edits it', async () => {
    const form = await (await ctx.owner.get(`${ctx.base}/seasons/new`)).text();
    expect(form).toContain('Second FC');
    expect(await textOf(new Response(form))).toContain('open: North'); // Fourth FC says which stand it has
    const response = await ctx.owner.post(
      `${ctx.base}/seasons/new`,
      productForm({ rangeFrom: brusselsIn(1).slice(0, 10), rangeTo: brusselsIn(20).slice(0, 10) }),
    );
    expect(response.status).toBe(303);
    const productId = response.headers.get('location')!.split('/seasons/')[1]!;
    expect(await coveredBy(productId)).toEqual([m1.matchId, m2.matchId].sort());
    const page = await textOf(await ctx.owner.follow(response));
    expect(page).toContain('1 match in those dates does not have its stand open and was left out: Fourth FC');
    expect(page).toContain('First FC');
    const prices = await db().select().from(seasonProductPrice).where(eq(seasonProductPrice.productId, productId));
    expect(Object.fromEntries(prices.map((p) => [p.category, p.priceCents]))).toEqual({ adult: 150_00, member: 120_00 });
    const [created] = await db().select().from(seasonProduct).where(eq(seasonProduct.id, productId));
    expect(created).toMatchObject({ season: '2026–27', giveBackSharePercent: 50, cap: null, standId: m1.standId });

    // The stand cannot change once matches are covered; the rest can, and the log names what changed.
    const moved = await ctx.owner.post(`${ctx.base}/seasons/${productId}/edit`, productForm({ standId: northId }));
    expect(moved.status).toBe(409);
    expect(await textOf(moved)).toContain('The stand cannot change any more');
    await postOk(
      ctx.owner,
      `${ctx.base}/seasons/${productId}/edit`,
      productForm({ name: 'Main stand 26–27', cap: '40', price_adult: '140' }),
    );
    const [edited] = await db().select().from(seasonProduct).where(eq(seasonProduct.id, productId));
    expect(edited).toMatchObject({ name: 'Main stand 26–27', cap: 40 });
    const lines = await db().select().from(activity).where(eq(activity.clubId, ctx.club.id));
    expect(lines.map((l) => l.action)).toEqual(expect.arrayContaining(['season.product_created', 'season.product_updated']));
    const updated = lines.find((l) => l.action === 'season.product_updated')!;
    expect(updated.details).toMatchObject({ fields: expect.arrayContaining(['name', 'cap', 'prices']) });
    const log = await textOf(await ctx.owner.get(`${ctx.base}/activity`));
    expect(log).toContain('Changed the season ticket Main stand 26–27: Name, Most passes sold (optional), Prices');

    // A renewal: of a product of the same stand only, with a priority date inside the sale window.
    const renewal = (changes: Record<string, string>) =>
      ctx.owner.post(
        `${ctx.base}/seasons/new`,
        productForm({ season: '2027–28', saleOpensAt: brusselsIn(2), saleClosesAt: brusselsIn(30), renewalOfId: productId, ...changes }),
      );
    const noDate = await renewal({});
    expect(noDate.status).toBe(409);
    expect(await textOf(noDate)).toContain('A renewal needs a priority date');
    const northProduct = await newProduct(ctx.owner, ctx.base, [m4.matchId], { name: 'North season', standId: northId });
    const otherStand = await renewal({ renewalOfId: northProduct, priorityUntil: brusselsIn(9) });
    expect(await textOf(otherStand)).toContain('A renewal is of a season ticket of the same stand.');
    const renewed = await renewal({ priorityUntil: brusselsIn(9) });
    expect(renewed.status).toBe(303);
    const renewedPage = await textOf(await ctx.owner.follow(renewed));
    expect(renewedPage).toContain('Renews 2026–27 · Main stand 26–27: its holders only until');
  });

  it('is for owners and admins of the club: a steward gets 403, another club 404', async () => {
    const productId = await newProduct(ctx.owner, ctx.base, [m1.matchId], { name: 'Walled season' });
    const person = await createUser(t, 'season-steward@example.be', 'Sam Steward');
    await db()
      .insert(member)
      .values({
        id: randomBytes(16).toString('hex'),
        organizationId: ctx.club.id,
        userId: person.id,
        role: 'steward',
        createdAt: new Date(),
      });
    const steward = await signIn(t, 'season-steward@example.be');
    for (const path of [
      '/seasons',
      '/seasons/new',
      `/seasons/${productId}`,
      `/seasons/${productId}/holders`,
      `/seasons/${productId}/holders.csv`,
    ])
      expect({ path, status: (await steward.get(`${ctx.base}${path}`)).status }).toEqual({ path, status: 403 });
    expect((await steward.post(`${ctx.base}/seasons/${productId}/matches`, { matchId: m2.matchId })).status).toBe(403);
    expect(await textOf(await steward.get(ctx.base))).not.toContain('Season tickets');

    const other = await clubWithOwner(t, 'Other Season FC');
    expect((await other.owner.get(`${ctx.base}/seasons`)).status).toBe(404);
    expect((await other.owner.get(`${other.base}/seasons/${productId}`)).status).toBe(404);
    expect((await other.owner.post(`${other.base}/seasons/${productId}/matches`, { matchId: m2.matchId })).status).toBe(404);
    expect((await other.owner.post(`${other.base}/seasons/${productId}/edit`, productForm({ standId: m1.standId }))).status).toBe(404);
    expect(await coveredBy(productId)).toEqual([m1.matchId]);
    // The owner sees it in the club menu and the list.
    const list = await textOf(await ctx.owner.get(`${ctx.base}/seasons`));
    expect(list).toContain('Walled season');
  });

  it('adds a match: one guarded statement takes the holders’ seats (sold) and pending orders’ (held), then makes their tickets', async () => {
    const productId = await newProduct(ctx.owner, ctx.base, [m1.matchId], { name: 'Growing season' });
    const paid = await seasonOrder(t, { clubId: ctx.club.id, productId, email: 'ann@example.be', buyerName: 'Ann Holder', quantity: 2 });
    await seasonOrder(t, {
      clubId: ctx.club.id,
      productId,
      email: 'bob@example.be',
      buyerName: 'Bob Buyer',
      quantity: 1,
      category: 'member',
    });
    const pending = await seasonOrder(t, { clubId: ctx.club.id, productId, email: 'pia@example.be', quantity: 2, status: 'pending' });
    expect(paid.passes).toHaveLength(2);
    const m5 = await matchOnStand(t, ctx, { venueId: m1.venueId, standId: m1.standId, opponentName: 'Fifth FC', days: 18 });
    const before = await seats(m5.matchStandId);

    const added = await ctx.owner.post(`${ctx.base}/seasons/${productId}/matches`, { matchId: m5.matchId });
    expect(added.status).toBe(303);
    expect(await textOf(await ctx.owner.follow(added))).toContain(
      'Match added: 3 seats taken for holders, 2 for season tickets being bought.',
    );
    expect(await seats(m5.matchStandId)).toMatchObject({ sold: before.sold + 3, held: before.held + 2 });
    for (const pass of paid.passes) {
      const rows = await passTickets(t, pass.id);
      expect(rows.map((r) => r.matchId).sort()).toEqual([m1.matchId, m5.matchId].sort());
      expect(rows.every((r) => r.status === 'valid' && r.seatId === r.id)).toBe(true);
    }
    const orderSeats = await db().select().from(seasonOrderSeat).where(eq(seasonOrderSeat.matchStandId, m5.matchStandId));
    expect(orderSeats.map((s) => [s.orderId, s.quantity]).sort()).toEqual(
      [
        [paid.order.id, 2],
        [pending.order.id, 2],
        [orderSeats.find((s) => s.orderId !== paid.order.id && s.orderId !== pending.order.id)!.orderId, 1],
      ].sort(),
    );
    expect(await coveredBy(productId)).toEqual([m1.matchId, m5.matchId].sort());
    const [line] = await db()
      .select()
      .from(activity)
      .where(and(eq(activity.action, 'season.match_added'), eq(activity.matchId, m5.matchId)));
    expect(line!.details).toMatchObject({ product: 'Growing season', passes: 3, pending: 2 });

    // Adding it again changes nothing.
    const again = await ctx.owner.post(`${ctx.base}/seasons/${productId}/matches`, { matchId: m5.matchId });
    expect(await textOf(await ctx.owner.follow(again))).toContain('This match was already covered: nothing changed.');
    expect(await seats(m5.matchStandId)).toMatchObject({ sold: before.sold + 3, held: before.held + 2 });
    expect((await passTickets(t, paid.passes[0]!.id)).length).toBe(2);

    // A match its holders no longer fit in: refused, saying how many seats they need and how many are
    // free, and nothing changed anywhere.
    const small = await matchOnStand(t, ctx, { venueId: m1.venueId, standId: m1.standId, opponentName: 'Small FC', days: 19, cap: 6 });
    await db().update(matchStand).set({ sold: 2 }).where(eq(matchStand.id, small.matchStandId)); // 4 free, 5 needed
    const refused = await ctx.owner.post(`${ctx.base}/seasons/${productId}/matches`, { matchId: small.matchId });
    expect(refused.status).toBe(409);
    expect(await textOf(refused)).toContain('Main is too small for this match: the holders need 5 seats, 4 are free.');
    expect(await seats(small.matchStandId)).toEqual({ cap: 6, sold: 2, held: 0 });
    expect(await coveredBy(productId)).toEqual([m1.matchId, m5.matchId].sort());
    expect(await db().select().from(ticket).where(eq(ticket.matchId, small.matchId))).toHaveLength(0);
    expect(await db().select().from(seasonOrderSeat).where(eq(seasonOrderSeat.matchStandId, small.matchStandId))).toHaveLength(0);

    // A match without the stand open cannot be added; a covered match stays once passes are sold.
    const closed = await ctx.owner.post(`${ctx.base}/seasons/${productId}/matches`, { matchId: m4.matchId });
    expect(closed.status).toBe(409);
    expect(await textOf(closed)).toContain('Main is not open for the match against Fourth FC');
    const removal = await ctx.owner.post(`${ctx.base}/seasons/${productId}/matches/${m5.matchId}/remove`, {});
    expect(await textOf(await ctx.owner.follow(removal))).toContain('Season tickets of this product are sold or being bought');
    expect(await coveredBy(productId)).toEqual([m1.matchId, m5.matchId].sort());
  });

  it('removes a covered match while no pass is sold', async () => {
    const productId = await newProduct(ctx.owner, ctx.base, [m1.matchId, m2.matchId], { name: 'Unsold season' });
    await postOk(ctx.owner, `${ctx.base}/seasons/${productId}/matches/${m2.matchId}/remove`, {});
    expect(await coveredBy(productId)).toEqual([m1.matchId]);
  });

  it('revokes a pass: its tickets of matches still to play stop at once, a played match keeps its history', async () => {
    const a = await matchOnStand(t, ctx, { venueId: m1.venueId, standId: m1.standId, opponentName: 'Played FC', days: 3 });
    const b = await matchOnStand(t, ctx, { venueId: m1.venueId, standId: m1.standId, opponentName: 'Future FC', days: 25 });
    const productId = await newProduct(ctx.owner, ctx.base, [a.matchId, b.matchId], { name: 'Revocable season' });
    const holder = await seasonOrder(t, { clubId: ctx.club.id, productId, email: 'rex@example.be', buyerName: 'Rex Revoked', quantity: 1 });
    const keeper = await seasonOrder(t, { clubId: ctx.club.id, productId, email: 'kim@example.be', buyerName: 'Kim Kept', quantity: 1 });
    const pass = holder.passes[0]!;
    // Match a was played (kicked off three hours ago), and this pass entered it.
    await db()
      .update(match)
      .set({ kickoffAt: new Date(Date.now() - 3 * 3_600_000) })
      .where(eq(match.id, a.matchId));
    const rows = await passTickets(t, pass.id);
    const onA = rows.find((r) => r.matchId === a.matchId)!;
    const onB = rows.find((r) => r.matchId === b.matchId)!;
    await db().update(ticket).set({ usedAt: new Date() }).where(eq(ticket.id, onA.id));

    // The holders' list: each pass with its holder, order and matches entered; the CSV the same.
    const list = await textOf(await ctx.owner.get(`${ctx.base}/seasons/${productId}/holders`));
    expect(list).toContain('Rex Revoked');
    expect(list).toContain(holder.order.reference);
    expect(list).toContain(`Rex Revoked rex@example.be · ${formatShortCode(pass.shortCode)} Adult ${holder.order.reference} Valid 1 match`);
    const csv = await (await ctx.owner.get(`${ctx.base}/seasons/${productId}/holders.csv`)).text();
    expect(csv.split('\r\n')[0]).toBe('season,product,stand,pass,holder,email,category,reference,status,matches_entered');
    expect(csv).toContain(
      `2026–27,Revocable season,Main,${formatShortCode(pass.shortCode)},Rex Revoked,rex@example.be,adult,${holder.order.reference},valid,1`,
    );

    // First the confirmation: the holder named, nothing changed; a reason is required.
    const revokePath = `${ctx.base}/seasons/${productId}/passes/${pass.id}/revoke`;
    const confirm = await ctx.owner.post(revokePath, {});
    expect(confirm.status).toBe(200);
    expect(await textOf(confirm)).toContain('Revoke the season ticket of Rex Revoked?');
    expect((await ctx.owner.post(revokePath, { confirm: 'yes', message: '' })).status).toBe(400);
    expect((await db().select().from(seasonPass).where(eq(seasonPass.id, pass.id)))[0]!.status).toBe('valid');

    await postOk(ctx.owner, revokePath, { confirm: 'yes', message: 'Banned by the league' });
    expect((await db().select().from(seasonPass).where(eq(seasonPass.id, pass.id)))[0]).toMatchObject({ status: 'revoked' });
    const after = await passTickets(t, pass.id);
    expect(after.find((r) => r.id === onB.id)!.status).toBe('revoked');
    expect(after.find((r) => r.id === onA.id)!.status).toBe('valid'); // played: history kept
    expect((await passTickets(t, keeper.passes[0]!.id)).every((r) => r.status === 'valid')).toBe(true);

    // The gate: offline devices get the row in the match's revoked list at their next sync; online,
    // the row's own code is refused.
    const changes = await listCheckinChanges(db(), ctx.club.id, b.matchId, null);
    expect(changes.revoked).toContain(onB.id);
    expect(changes.revoked).not.toContain(keeper.passes[0]!.id);
    const { deviceId } = await db().transaction((tx) =>
      createDevice(tx, {}, { actor: { kind: 'system' }, clubId: ctx.club.id, device: { name: 'Gate 1', kind: 'gate' } }),
    );
    const [future] = await db().select().from(match).where(eq(match.id, b.matchId));
    const scan = await redeemTicket(
      db(),
      {},
      {
        clubId: ctx.club.id,
        matchId: b.matchId,
        deviceId,
        nonce: randomUUID(),
        code: onB.code,
        standIds: null,
        gatesOpenAt: future!.gatesOpenAt,
      },
    );
    expect(scan.result).toBe('revoked');

    const [line] = await db()
      .select()
      .from(activity)
      .where(and(eq(activity.action, 'season.pass_revoked'), eq(activity.orderId, holder.order.id)));
    expect(line!.details).toMatchObject({ holder: 'Rex Revoked', reason: 'Banned by the league', tickets: 1 });
    const log = await textOf(await ctx.owner.get(`${ctx.base}/activity`));
    expect(log).toContain(
      `Revoked the season ticket ${formatShortCode(pass.shortCode)} of Rex Revoked (Revocable season): Banned by the league`,
    );
    // Revoking again is a no-op that says so.
    await postOk(ctx.owner, revokePath, { confirm: 'yes', message: 'twice' });
    expect(await db().select().from(activity).where(eq(activity.action, 'season.pass_revoked'))).toHaveLength(1);
  });

  it.runIf(kind === 'postgres')('never oversells a stand when a match is added while single tickets sell on it', async () => {
    for (let round = 0; round < 3; round++) {
      const productId = await newProduct(ctx.owner, ctx.base, [m1.matchId], { name: `Race season ${round}` });
      const holders = await seasonOrder(t, { clubId: ctx.club.id, productId, email: `race-${round}@example.be`, quantity: 6 });
      const target = await matchOnStand(t, ctx, {
        venueId: m1.venueId,
        standId: m1.standId,
        opponentName: `Race ${round} FC`,
        days: 30 + round,
        cap: 20,
      });
      const buyers = Array.from({ length: 20 }, (_, i) =>
        db().transaction((tx) =>
          placeOrder(tx, opCtx(), {
            actor: { kind: 'guest', name: `Fan ${i}`, email: `fan-${round}-${i}@example.be`, locale: 'en' },
            matchId: target.matchId,
            lines: [{ matchStandId: target.matchStandId, category: 'adult', quantity: 1 }],
          }),
        ),
      );
      const adding = db().transaction((tx) =>
        addSeasonMatch(
          tx,
          { config: t.runtime.deps.config.sales },
          { actor: { kind: 'system' }, clubId: ctx.club.id, productId, matchId: target.matchId },
        ),
      );
      const results = await Promise.allSettled([adding, ...buyers]);
      for (const r of results.filter((x) => x.status === 'rejected'))
        expect((r as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
      const bought = results.slice(1).filter((r) => r.status === 'fulfilled').length;
      const wasAdded = results[0]!.status === 'fulfilled';
      const end = await seats(target.matchStandId);
      expect(end.sold + end.held).toBeLessThanOrEqual(20);
      expect(end).toMatchObject({ sold: wasAdded ? 6 : 0, held: bought });
      const rows = await db().select().from(ticket).where(eq(ticket.matchId, target.matchId));
      expect(rows.filter((r) => r.seasonPassId !== null)).toHaveLength(wasAdded ? 6 : 0);
      expect(await coveredBy(productId)).toEqual(wasAdded ? [m1.matchId, target.matchId].sort() : [m1.matchId]);
      if (!wasAdded) expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'season_stand_too_small' });
      expect(holders.passes).toHaveLength(6);
      const pendingSingles = await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(order)
        .where(and(eq(order.matchId, target.matchId), eq(order.status, 'pending')));
      expect(pendingSingles[0]!.n).toBe(bought);
    }
  });
});
