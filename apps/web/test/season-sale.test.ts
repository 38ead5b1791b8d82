import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clubMember,
  match,
  matchStand,
  order,
  orderItem,
  seasonOrderSeat,
  seasonPass,
  seasonProduct,
  seasonProductMatch,
  seasonProductPrice,
  supporterCredit,
  ticket,
  user,
} from '../src/db/schema/index.ts';
import { DomainError } from '../src/domain/errors.ts';
import type { SalesConfig } from '../src/domain/sales/fees.ts';
import { fulfilOrder } from '../src/domain/sales/fulfil-order.ts';
import { type Buyer, placeOrder } from '../src/domain/sales/place-order.ts';
import { refundOrder } from '../src/domain/sales/refund-order.ts';
import { releaseExpiredOrders } from '../src/domain/sales/release-expired-orders.ts';
import { placeSeasonOrder, type SeasonLine } from '../src/domain/seasons/place-season-order.ts';
import { coveredCounts, proRataCents } from '../src/domain/seasons/season-rules.ts';
import type { DemoProvider } from '../src/integrations/payments/demo.ts';
import { createUser, databaseKinds, signIn, startTestApp, type TestApp, textOf } from './support/harness.ts';
import { seasonCrowd, seasonOnSale } from './support/season.ts';

const DAY = 86_400_000;
// jsqr is CommonJS: its default export arrives wrapped or not depending on the loader.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

describe('the pro-rata price of a season ticket', () => {
  it('is price × remaining / total in integer cents, rounded half up once per pass', () => {
    expect(proRataCents(12_000, { total: 3, remaining: 3 })).toBe(12_000);
    expect(proRataCents(12_000, { total: 3, remaining: 2 })).toBe(8_000);
    expect(proRataCents(10_000, { total: 3, remaining: 2 })).toBe(6_667); // 6666.67
    expect(proRataCents(10_000, { total: 3, remaining: 1 })).toBe(3_333); // 3333.33
    expect(proRataCents(1_002, { total: 4, remaining: 1 })).toBe(251); // 250.5 → 251
    expect(proRataCents(1_001, { total: 4, remaining: 1 })).toBe(250); // 250.25
    expect(proRataCents(0, { total: 5, remaining: 2 })).toBe(0);
  });

  it('counts the covered matches not cancelled, and of them those not yet kicked off', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const at = (iso: string, status: 'on_sale' | 'cancelled' = 'on_sale') => ({ status, kickoffAt: new Date(iso) });
    expect(
      coveredCounts(
        [at('2026-11-20T15:00:00Z'), at('2026-12-05T15:00:00Z'), at('2026-12-12T15:00:00Z', 'cancelled'), at('2026-12-19T15:00:00Z')],
        now,
      ),
    ).toEqual({ total: 3, remaining: 2 });
  });
});

describe.each(databaseKinds())('buying a season ticket on %s', (kind) => {
  let t: TestApp;
  const config: SalesConfig = { feePercent: 10, feeFixedCents: 0, holdMinutes: 15, ticketSealingKey: Buffer.alloc(32) };

  beforeAll(async () => {
    t = await startTestApp(kind);
    config.ticketSealingKey = t.runtime.deps.config.sales.ticketSealingKey;
  });
  afterAll(() => t?.close());
  const db = () => t.runtime.deps.db;
  const payments = () => t.runtime.deps.payments as DemoProvider;
  const ctx = (now?: Date) => ({ payments: payments(), outbox: t.runtime.deps.outbox, config, baseURL: 'http://localhost', now });

  const buy = (actor: Buyer, productId: string, lines: SeasonLine[], now?: Date) =>
    db().transaction((tx) => placeSeasonOrder(tx, ctx(now), { actor, productId, lines }));
  const adults = (quantity: number): SeasonLine[] => [{ category: 'adult', quantity }];
  const one = async () => (await seasonCrowd(t, 1))[0]!;

  async function seats(matchStandIds: string[]) {
    const rows = await db()
      .select({ id: matchStand.id, held: matchStand.held, sold: matchStand.sold })
      .from(matchStand)
      .where(inArray(matchStand.id, matchStandIds));
    return matchStandIds.map((id) => {
      const row = rows.find((r) => r.id === id)!;
      return { held: row.held, sold: row.sold };
    });
  }
  async function product(id: string) {
    const [row] = await db()
      .select({ held: seasonProduct.held, sold: seasonProduct.sold })
      .from(seasonProduct)
      .where(eq(seasonProduct.id, id));
    return row!;
  }
  /** Pays a placed order at the demo provider and fulfils it as the webhook would. */
  async function pay(placed: { id: string; reference: string; email: string; totalCents: number; feeCents: number; holdExpiresAt: Date }) {
    const session = await payments().createSession(db(), {
      orderId: placed.id,
      reference: placed.reference,
      email: placed.email,
      lines: [],
      totalCents: placed.totalCents,
      feeCents: placed.feeCents,
      holdExpiresAt: placed.holdExpiresAt,
      successUrl: '',
      cancelUrl: '',
    });
    await db().update(order).set({ providerSessionId: session.sessionId }).where(eq(order.id, placed.id));
    await payments().pay(db(), session.sessionId);
    return session.sessionId;
  }
  const fulfil = (sessionId: string) => db().transaction((tx) => fulfilOrder(tx, ctx(), { actor: { kind: 'provider' }, sessionId }));

  it('spends the buyer’s credit on a season ticket: paid and issued at once when it covers all, charged the rest otherwise', async () => {
    const s = await seasonOnSale(t, 'Credit Season FC');
    const buyer = await one();
    await db().insert(supporterCredit).values({ clubId: s.club.id, userId: buyer.userId, amountCents: 20_000, reason: 'give_back' });
    const noFee = { ...ctx(), config: { ...config, feePercent: 0 } };
    const covered = await db().transaction((tx) =>
      placeSeasonOrder(tx, noFee, { actor: buyer, productId: s.product.id, lines: adults(1) }),
    );
    expect(covered).toMatchObject({ status: 'paid', creditCents: 12_000, paymentLines: [] });
    expect(await seats(s.matches.map((m) => m.matchStandId))).toEqual(s.matches.map(() => ({ held: 0, sold: 1 })));
    expect(await product(s.product.id)).toEqual({ held: 0, sold: 1 });
    expect(await db().select().from(seasonPass).where(eq(seasonPass.orderId, covered.id))).toHaveLength(1);
    // 8,000 left: the next pass (and its fee) is charged what the credit does not pay, as one line.
    const partly = await buy(buyer, s.product.id, adults(1));
    expect(partly).toMatchObject({ status: 'pending', creditCents: 8_000 });
    expect(partly.paymentLines).toEqual([{ name: expect.any(String), unitAmountCents: 4_000, quantity: 1 }]);
  });

  it('holds one seat per pass on every covered match and on the product, in an order of no match', async () => {
    const s = await seasonOnSale(t, 'Hold FC');
    const buyer = await one();
    const placed = await buy(buyer, s.product.id, [
      { category: 'adult', quantity: 2 },
      { category: 'youth', quantity: 1 },
    ]);
    expect(placed).toMatchObject({
      status: 'pending',
      matchId: null,
      seasonProductId: s.product.id,
      subtotalCents: 30_000,
      feeCents: 3_000,
    });
    expect(await seats(s.matches.map((m) => m.matchStandId))).toEqual([
      { held: 3, sold: 0 },
      { held: 3, sold: 0 },
      { held: 3, sold: 0 },
    ]);
    expect(await product(s.product.id)).toEqual({ held: 3, sold: 0 });
    const items = await db().select().from(orderItem).where(eq(orderItem.orderId, placed.id));
    expect(items.map((i) => [i.category, i.quantity, i.unitPriceCents, i.matchStandId]).sort()).toEqual([
      ['adult', 2, 12_000, null],
      ['youth', 1, 6_000, null],
    ]);
    const held = await db().select().from(seasonOrderSeat).where(eq(seasonOrderSeat.orderId, placed.id));
    expect(held.map((h) => h.quantity)).toEqual([3, 3, 3]);

    // The hold lapses: every seat and the product's count come back.
    await db().transaction((tx) =>
      releaseExpiredOrders(tx, { outbox: t.runtime.deps.outbox, now: new Date(Date.now() + 16 * 60_000) }, { actor: { kind: 'system' } }),
    );
    expect(await seats(s.matches.map((m) => m.matchStandId))).toEqual([
      { held: 0, sold: 0 },
      { held: 0, sold: 0 },
      { held: 0, sold: 0 },
    ]);
    expect(await product(s.product.id)).toEqual({ held: 0, sold: 0 });
  });

  it('charges pro rata once the season started, and takes seats only on the matches still to play', async () => {
    const s = await seasonOnSale(t, 'Late FC', { prices: { adult: 10_000 } });
    const afterFirst = new Date(s.matches[0]!.kickoffAt.getTime() + 3 * 3_600_000);
    const placed = await buy(await one(), s.product.id, adults(2), afterFirst);
    // 10 000 × 2 / 3 = 6 666.67 → 6 667 per pass, rounded once, times two.
    expect(placed).toMatchObject({ subtotalCents: 13_334, feeCents: 1_333, totalCents: 14_667 });
    expect(await seats(s.matches.map((m) => m.matchStandId))).toEqual([
      { held: 0, sold: 0 },
      { held: 2, sold: 0 },
      { held: 2, sold: 0 },
    ]);
    // After the last kick-off there is nothing left to sell.
    const afterLast = new Date(s.matches[2]!.kickoffAt.getTime() + 60_000);
    await expect(buy(await one(), s.product.id, adults(1), afterLast)).rejects.toMatchObject({ code: 'season_sale_closed' });
  });

  it('sells the member price only to a signed-in buyer whose verified e-mail is on the list', async () => {
    const s = await seasonOnSale(t, 'Members FC');
    const [member, unverified, stranger] = await seasonCrowd(t, 3, 'member');
    await db()
      .insert(clubMember)
      .values([
        { clubId: s.club.id, name: 'Member', email: member!.email, memberNumber: 'M1' },
        { clubId: s.club.id, name: 'Unverified', email: unverified!.email, memberNumber: 'M2' },
      ]);
    await db().update(user).set({ emailVerified: false }).where(eq(user.id, unverified!.userId));
    const memberLine: SeasonLine[] = [{ category: 'member', quantity: 1 }];
    await expect(buy(stranger!, s.product.id, memberLine)).rejects.toMatchObject({ code: 'member_price_only' });
    await expect(buy(unverified!, s.product.id, memberLine)).rejects.toMatchObject({ code: 'member_price_only' });
    const guest = { kind: 'guest' as const, name: 'Guest', email: member!.email, locale: 'en' };
    await expect(buy(guest, s.product.id, memberLine)).rejects.toMatchObject({ code: 'member_price_only' });
    expect(await buy(member!, s.product.id, memberLine)).toMatchObject({ subtotalCents: 9_000 });
    expect(await product(s.product.id)).toEqual({ held: 1, sold: 0 }); // the refusals held nothing
  });

  it('keeps a renewal to last season’s holders, as many as they held, until the priority date', async () => {
    const last = await seasonOnSale(t, 'Renew FC', { matches: 1 });
    const [holder, other] = await seasonCrowd(t, 2, 'holder');
    const sessionId = await pay(await buy(holder!, last.product.id, adults(1)));
    expect((await fulfil(sessionId)).status).toBe('fulfilled');
    const priorityUntil = new Date(Date.now() + 5 * DAY);
    const [next] = await db()
      .insert(seasonProduct)
      .values({
        clubId: last.club.id,
        season: '2027–28',
        name: 'Season ticket',
        standId: last.standId,
        renewalOfId: last.product.id,
        priorityUntil,
      })
      .returning();
    await db().insert(seasonProductPrice).values({ clubId: last.club.id, productId: next!.id, category: 'adult', priceCents: 15_000 });
    await db().insert(seasonProductMatch).values({ productId: next!.id, matchId: last.matches[0]!.matchId, clubId: last.club.id });

    await expect(buy(other!, next!.id, adults(1))).rejects.toMatchObject({ code: 'season_priority_only' });
    await expect(buy({ kind: 'guest', name: 'G', email: holder!.email, locale: 'en' }, next!.id, adults(1))).rejects.toMatchObject({
      code: 'season_priority_only',
    });
    await expect(buy(holder!, next!.id, adults(2))).rejects.toMatchObject({ code: 'season_priority_limit', params: { limit: 1 } });
    const renewed = await buy(holder!, next!.id, adults(1));
    expect((await fulfil(await pay(renewed))).status).toBe('fulfilled');
    await expect(buy(holder!, next!.id, adults(1))).rejects.toMatchObject({ code: 'season_priority_limit', params: { limit: 0 } });
    // After the priority date, anyone.
    const later = new Date(priorityUntil.getTime() + 60_000);
    expect(await buy(other!, next!.id, adults(1), later)).toMatchObject({ status: 'pending' });
  });

  it('refuses past the product’s cap, outside the sale window, and bad input, holding nothing', async () => {
    const s = await seasonOnSale(t, 'Cap FC', { product: { cap: 3 } });
    await buy(await one(), s.product.id, adults(2));
    await expect(buy(await one(), s.product.id, adults(2))).rejects.toMatchObject({ code: 'season_sold_out' });
    await buy(await one(), s.product.id, adults(1));
    await expect(buy(await one(), s.product.id, adults(1))).rejects.toMatchObject({ code: 'season_sold_out' });
    expect(await product(s.product.id)).toEqual({ held: 3, sold: 0 });
    expect((await seats(s.matches.map((m) => m.matchStandId))).map((x) => x.held)).toEqual([3, 3, 3]);

    const b = await one();
    await db()
      .update(seasonProduct)
      .set({ saleOpensAt: new Date(Date.now() + DAY) })
      .where(eq(seasonProduct.id, s.product.id));
    await expect(buy(b, s.product.id, adults(1))).rejects.toMatchObject({ code: 'season_sale_closed' });
    await db()
      .update(seasonProduct)
      .set({ saleOpensAt: null, saleClosesAt: new Date(Date.now() - 60_000) })
      .where(eq(seasonProduct.id, s.product.id));
    await expect(buy(b, s.product.id, adults(1))).rejects.toMatchObject({ code: 'season_sale_closed' });

    const open = await seasonOnSale(t, 'Input FC');
    await expect(buy(b, open.product.id, [])).rejects.toMatchObject({ code: 'empty_order' });
    await expect(buy(b, open.product.id, adults(0))).rejects.toMatchObject({ code: 'empty_order' });
    await expect(buy(b, open.product.id, [{ category: 'senior', quantity: 1 }])).rejects.toMatchObject({ code: 'not_found' });
    await expect(buy(b, open.product.id, adults(11))).rejects.toMatchObject({ code: 'over_order_limit', params: { limit: 10 } });
    await expect(buy(b, '00000000-0000-4000-8000-000000000000', adults(1))).rejects.toMatchObject({ code: 'not_found' });
    expect(await product(open.product.id)).toEqual({ held: 0, sold: 0 });
  });

  it('sells nothing when one covered match is full, and holds no seat on the others', async () => {
    const s = await seasonOnSale(t, 'Full FC', { standCap: 5 });
    const single = await one();
    await db().transaction((tx) =>
      placeOrder(tx, ctx(), {
        actor: single,
        matchId: s.matches[1]!.matchId,
        lines: [{ matchStandId: s.matches[1]!.matchStandId, category: 'adult', quantity: 4 }],
      }),
    );
    await buy(await one(), s.product.id, adults(1)); // the last seat of match 2
    await expect(buy(await one(), s.product.id, adults(1))).rejects.toMatchObject({ code: 'season_sold_out' });
    expect(await seats(s.matches.map((m) => m.matchStandId))).toEqual([
      { held: 1, sold: 0 },
      { held: 5, sold: 0 },
      { held: 1, sold: 0 },
    ]);
    expect(await product(s.product.id)).toEqual({ held: 1, sold: 0 });
  });

  it('issues on payment one pass per seat with a ticket row on each covered match, once however often the webhook comes', async () => {
    const s = await seasonOnSale(t, 'Issue FC');
    const placed = await buy(await one(), s.product.id, adults(2));
    const sessionId = await pay(placed);
    const outcomes = await Promise.all([1, 2, 3].map(() => fulfil(sessionId)));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['already', 'already', 'fulfilled']);
    expect((await fulfil(sessionId)).status).toBe('already'); // a replay later
    const passes = await db().select().from(seasonPass).where(eq(seasonPass.orderId, placed.id));
    expect(passes).toHaveLength(2);
    expect(new Set(passes.map((p) => p.shortCode)).size).toBe(2);
    const rows = await db().select().from(ticket).where(eq(ticket.orderId, placed.id));
    expect(rows).toHaveLength(6);
    for (const p of passes)
      expect(
        rows
          .filter((r) => r.seasonPassId === p.id)
          .map((r) => r.matchId)
          .sort(),
      ).toEqual(s.matches.map((m) => m.matchId).sort());
    expect(await seats(s.matches.map((m) => m.matchStandId))).toEqual([
      { held: 0, sold: 2 },
      { held: 0, sold: 2 },
      { held: 0, sold: 2 },
    ]);
    expect(await product(s.product.id)).toEqual({ held: 0, sold: 2 });
  });

  it('refunds a pass: revoked, with its rows and seats on the matches still to play only', async () => {
    const s = await seasonOnSale(t, 'Refund FC', { firstInDays: 1 });
    const placed = await buy(await one(), s.product.id, adults(2));
    expect((await fulfil(await pay(placed))).status).toBe('fulfilled');
    // The first match has been played when the club refunds.
    const now = new Date(s.matches[0]!.kickoffAt.getTime() + 3 * 3_600_000);
    const refunded = await db().transaction((tx) =>
      refundOrder(tx, { ...ctx(now), baseURL: 'http://localhost' }, { actor: { kind: 'system' }, clubId: s.club.id, orderId: placed.id }),
    );
    expect(refunded).toMatchObject({ status: 'refunded', amountCents: placed.totalCents });
    const passes = await db().select().from(seasonPass).where(eq(seasonPass.orderId, placed.id));
    expect(passes.map((p) => p.status)).toEqual(['revoked', 'revoked']);
    const rows = await db().select({ matchId: ticket.matchId, status: ticket.status }).from(ticket).where(eq(ticket.orderId, placed.id));
    for (const r of rows) expect(r.status).toBe(r.matchId === s.matches[0]!.matchId ? 'valid' : 'revoked');
    expect(await seats(s.matches.map((m) => m.matchStandId))).toEqual([
      { held: 0, sold: 2 },
      { held: 0, sold: 0 },
      { held: 0, sold: 0 },
    ]);
    expect(await product(s.product.id)).toEqual({ held: 0, sold: 0 });
  });

  it('shows the product page, linked from the club and each covered match, and buys through the demo payment page', async () => {
    const en = { headers: { 'accept-language': 'en' } };
    const s = await seasonOnSale(t, 'Page FC', { product: { cap: 50 } });
    const clubPage = await textOf(await t.client().get(`/c/${s.slug}`, en.headers));
    expect(clubPage).toContain('Season ticket 2026–27 · North stand');
    const matchPage = await t.client().get(`/matches/${s.matches[1]!.matchId}`, en.headers);
    expect(await matchPage.text()).toContain(`href="/seasons/${s.product.id}"`);

    const visitor = await textOf(await t.client().get(`/seasons/${s.product.id}`, en.headers));
    expect(visitor).toContain('3 matches covered');
    expect(visitor).toContain('Visitors 2');
    expect(visitor).toContain('€120.00');
    expect(visitor).toContain('50 season tickets left');
    expect(visitor).not.toContain('Member'); // the member price is shown to members only
    // Not signed in: to the sign-in page, the basket kept in the way back.
    const anonymous = await t.client().post(`/seasons/${s.product.id}/checkout`, { [`q_${s.product.id}_adult`]: '1' });
    expect(anonymous.status).toBe(303);
    expect(decodeURIComponent(anonymous.headers.get('location')!)).toBe(`/sign-in?next=/seasons/${s.product.id}?q_${s.product.id}_adult=1`);

    await createUser(t, 'season-fan@example.be', 'Season Fan');
    await db().insert(clubMember).values({ clubId: s.club.id, name: 'Season Fan', email: 'season-fan@example.be', memberNumber: '7' });
    const fan = await signIn(t, 'season-fan@example.be');
    const stepped = await fan.post(`/seasons/${s.product.id}/checkout`, {
      [`q_${s.product.id}_member`]: '0',
      step: `q_${s.product.id}_member:up`,
    });
    expect(stepped.headers.get('location')).toBe(`/seasons/${s.product.id}?q_${s.product.id}_member=1#tickets`);
    const asMember = await textOf(await fan.get(`/seasons/${s.product.id}?q_${s.product.id}_member=1`, en.headers));
    expect(asMember).toContain('Member');
    expect(asMember).toContain('€90.00');
    const checkout = await fan.post(`/seasons/${s.product.id}/checkout`, {
      [`q_${s.product.id}_member`]: '1',
      [`q_${s.product.id}_adult`]: '1',
    });
    const payUrl = checkout.headers.get('location')!;
    expect(payUrl).toMatch(/^http:\/\/localhost\/demo-pay\/demo_[\w-]+$/);
    const payPage = await textOf(await fan.get(payUrl, en.headers));
    expect(payPage).toContain('Total €231.00'); // 120 + 90, and the 10 % fee
    const paid = await fan.post(`${new URL(payUrl).pathname}/pay`, {}, en);
    const orderPage = await textOf(await fan.follow(paid));
    expect(orderPage).toContain('Payment received: your order is paid.');
    expect(orderPage).toContain('Season ticket 2026–27 · North stand');
    expect(await product(s.product.id)).toEqual({ held: 0, sold: 2 });

    // Delivered: one QR per pass (its own code, not a match's), a PDF page per pass listing the matches.
    const mail = await t.smtp.waitFor('season-fan@example.be', /Your season ticket: Season ticket 2026–27 · North stand/);
    const pngs = mail.attachments.filter((a) => a.contentType === 'image/png');
    expect(pngs).toHaveLength(2);
    const passCodes = (await db().select({ code: seasonPass.code }).from(seasonPass).where(eq(seasonPass.productId, s.product.id))).map(
      (p) => p.code,
    );
    const decoded = pngs.map((a) => {
      const image = PNG.sync.read(a.content);
      return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
    });
    expect(decoded.sort()).toEqual([...passCodes].sort());
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(pdf.content.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
    expect(mail.text).toContain('Visitors 3');

    // My tickets: the passes in their own block, not a ticket per match; each full screen like a ticket.
    const mine = await textOf(await fan.get('/account/tickets', en.headers));
    expect(mine).toContain('Season ticket 2026–27 · North stand');
    expect(mine).toContain('Next match: Visitors 1');
    expect(mine).toContain('Matches, lend or give back');
    expect(mine).not.toContain('Page FC – Visitors 2'); // the passes' rows on each match are not listed
    const [firstPass] = await db().select().from(seasonPass).where(eq(seasonPass.productId, s.product.id)).orderBy(seasonPass.createdAt);
    const full = await fan.get(`/account/tickets/${firstPass!.id}`, en.headers);
    expect(full.status).toBe(200);
    const fullText = await full.text();
    expect(fullText).toContain('<svg');
    expect(fullText).toContain(`href="/account/season/${firstPass!.id}"`);
    expect(fullText).not.toContain('/reissue');
    const offline = (await (await fan.get('/account/tickets/offline.json')).json()) as { pages: string[] };
    expect(offline.pages).toContain(`/account/tickets/${firstPass!.id}`);
    await createUser(t, 'nosy-season@example.be', 'Nosy');
    const nosy = await signIn(t, 'nosy-season@example.be');
    expect((await nosy.get(`/account/tickets/${firstPass!.id}`)).status).toBe(404); // someone else's pass

    // The club's order list names the product instead of a match.
    const orders = await textOf(await s.owner.get(`/club/${s.slug}/orders`, en.headers));
    expect(orders).toContain('Season ticket 2026–27 · North stand');
    // A refused choice is explained on the page.
    const over = await fan.post(`/seasons/${s.product.id}/checkout`, { [`q_${s.product.id}_adult`]: '11' }, en);
    expect(over.status).toBe(400);
    expect(await textOf(over)).toContain('At most 10 tickets per order');
  });

  it('gives the holder the season order’s PDF (a page per pass) and a calendar of the matches still to play, to nobody else', async () => {
    const en = { 'accept-language': 'en' };
    const s = await seasonOnSale(t, 'Files FC');
    await createUser(t, 'files-fan@example.be', 'Files Fan');
    const fan = await signIn(t, 'files-fan@example.be');
    const checkout = await fan.post(`/seasons/${s.product.id}/checkout`, { [`q_${s.product.id}_adult`]: '2' });
    await fan.post(`${new URL(checkout.headers.get('location')!).pathname}/pay`, {});
    // In My tickets' order: the first is the one its calendar link names.
    const passes = await db()
      .select()
      .from(seasonPass)
      .where(eq(seasonPass.productId, s.product.id))
      .orderBy(seasonPass.createdAt, seasonPass.id);
    expect(passes).toHaveLength(2);
    const [own] = await db().select().from(order).where(eq(order.id, passes[0]!.orderId));
    // The first covered match already played: the calendar holds the other two.
    await db()
      .update(match)
      .set({ kickoffAt: new Date(Date.now() - 86_400_000) })
      .where(eq(match.id, s.matches[0]!.matchId));
    const pdfPath = `/account/tickets/orders/${own!.reference}/tickets.pdf`;
    const icsPath = `/account/tickets/${passes[0]!.id}/match.ics`;

    // Linked from My tickets and from the pass's page.
    const list = await (await fan.get('/account/tickets', en)).text();
    expect(list).toContain(`href="${pdfPath}"`);
    expect(list).toContain(`href="${icsPath}"`);
    const passPage = await (await fan.get(`/account/season/${passes[0]!.id}`, en)).text();
    expect(passPage).toContain(`href="${pdfPath}"`);
    expect(passPage).toContain(`href="${icsPath}"`);

    const pdf = await fan.get(pdfPath);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="season-tickets-${own!.reference}.pdf"`);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);

    const ics = await fan.get(icsPath);
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const calendar = await ics.text();
    expect(calendar.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    // UTC, to the minute: the instant of each kick-off (shown in Brussels time by the calendar).
    const stamp = (d: Date) => `${d.toISOString().slice(0, 16).replace(/[-:]/g, '')}00Z`;
    expect([...calendar.matchAll(/^DTSTART:(\S+)/gm)].map((m) => m[1])).toEqual(s.matches.slice(1).map((m) => stamp(m.kickoffAt)));
    expect(calendar).toContain('SUMMARY:Files FC – Visitors 2');
    expect(calendar).toContain('LOCATION:Ground\\, Rue 1\\, 1000 Bruxelles');

    // The season order's mail again, from My tickets.
    const mails = t.smtp.to('files-fan@example.be').filter((m) => /Your season ticket/.test(m.subject ?? '')).length;
    expect((await fan.post(`/account/tickets/orders/${own!.reference}/resend`, {})).status).toBe(303);
    await t.smtp.waitFor('files-fan@example.be', /Your season ticket/, { skip: mails });

    await createUser(t, 'files-nosy@example.be', 'Nosy');
    const nosy = await signIn(t, 'files-nosy@example.be');
    expect((await nosy.get(pdfPath)).status).toBe(404);
    expect((await nosy.get(icsPath)).status).toBe(404);
    expect((await nosy.get(`/account/season/${passes[0]!.id}`)).status).toBe(404);
  });

  it.runIf(kind === 'postgres')(
    'never oversells any match when season and single tickets race for the same stand',
    async () => {
      const s = await seasonOnSale(t, 'Race FC', { standCap: 30 });
      const seasonBuyers = await seasonCrowd(t, 40, 'season');
      const singleBuyers = await seasonCrowd(t, 120, 'single');
      const attempts = [
        ...seasonBuyers.map((b) => () => buy(b, s.product.id, adults(1))),
        ...singleBuyers.map((b, i) => {
          const m = s.matches[i % 3]!;
          return () =>
            db().transaction((tx) =>
              placeOrder(tx, ctx(), {
                actor: b,
                matchId: m.matchId,
                lines: [{ matchStandId: m.matchStandId, category: 'adult', quantity: 1 }],
              }),
            );
        }),
      ];
      // Interleaved, all at once.
      attempts.sort(() => Math.random() - 0.5);
      const results = await Promise.allSettled(attempts.map((a) => a()));
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DomainError);
      const refusals = new Set(results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as DomainError).code] : [])));
      expect([...refusals].every((code) => code === 'season_sold_out' || code === 'not_enough_seats')).toBe(true);

      const seasonOrders = await db()
        .select({ id: order.id })
        .from(order)
        .where(and(eq(order.seasonProductId, s.product.id), eq(order.status, 'pending')));
      const seasonSold = seasonOrders.length;
      expect(seasonSold).toBeGreaterThan(0);
      expect(seasonSold).toBeLessThan(40); // some season buyers were refused: a match filled up
      expect(await product(s.product.id)).toEqual({ held: seasonSold, sold: 0 });
      for (const m of s.matches) {
        const [row] = await db().select().from(matchStand).where(eq(matchStand.id, m.matchStandId));
        expect(row!.sold + row!.held).toBeLessThanOrEqual(30);
        // What the stand row counts is exactly what the orders hold: season seats plus single tickets.
        const [singles] = await db()
          .select({ n: sql<number>`coalesce(sum(${orderItem.quantity}), 0)::int` })
          .from(orderItem)
          .innerJoin(order, eq(order.id, orderItem.orderId))
          .where(and(eq(orderItem.matchStandId, m.matchStandId), eq(order.status, 'pending')));
        const [seasonal] = await db()
          .select({ n: sql<number>`coalesce(sum(${seasonOrderSeat.quantity}), 0)::int` })
          .from(seasonOrderSeat)
          .innerJoin(order, eq(order.id, seasonOrderSeat.orderId))
          .where(and(eq(seasonOrderSeat.matchStandId, m.matchStandId), eq(order.status, 'pending')));
        expect(seasonal!.n).toBe(seasonSold);
        expect(row!.held).toBe(singles!.n + seasonal!.n);
      }
      // Every failed season sale left nothing behind: no seat rows for orders that do not exist.
      const orphans = await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(seasonOrderSeat)
        .leftJoin(order, eq(order.id, seasonOrderSeat.orderId))
        .where(sql`${order.id} is null`);
      expect(orphans[0]!.n).toBe(0);
      // The stand is full on at least one match: the race really was for the last seats.
      const rows = await db()
        .select()
        .from(matchStand)
        .where(
          inArray(
            matchStand.id,
            s.matches.map((m) => m.matchStandId),
          ),
        );
      expect(rows.some((r) => r.sold + r.held === 30)).toBe(true);

      // Paid, each season order gets a ticket row per match; per match the valid tickets never pass the cap.
      for (const o of seasonOrders) expect((await fulfil(await pay({ ...(await orderOf(o.id)) }))).status).toBe('fulfilled');
      for (const m of s.matches) {
        const [valid] = await db()
          .select({ n: sql<number>`count(*)::int` })
          .from(ticket)
          .where(and(eq(ticket.matchId, m.matchId), eq(ticket.status, 'valid'), isNotNull(ticket.seasonPassId)));
        expect(valid!.n).toBe(seasonSold);
        const [row] = await db().select().from(matchStand).where(eq(matchStand.id, m.matchStandId));
        expect(row!.sold).toBe(seasonSold);
        expect(row!.sold + row!.held).toBeLessThanOrEqual(30);
      }
    },
    240_000,
  );

  it.runIf(kind === 'postgres')(
    'replaces lapsed season orders while the release job runs, without deadlock, and counts every seat once',
    async () => {
      const s = await seasonOnSale(t, 'Lapse FC', { standCap: 40 });
      const buyers = await seasonCrowd(t, 20, 'lapse');
      const longAgo = new Date(Date.now() - 60 * 60_000); // their holds lapsed 45 minutes ago
      for (const b of buyers) await buy(b, s.product.id, adults(1), longAgo);
      const release = () =>
        db().transaction((tx) => releaseExpiredOrders(tx, { outbox: t.runtime.deps.outbox }, { actor: { kind: 'system' } }));
      const results = await Promise.allSettled([release(), ...buyers.map((b) => buy(b, s.product.id, adults(2))), release(), release()]);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DomainError); // never a deadlock
      const pending = await db()
        .select({ id: order.id })
        .from(order)
        .where(and(eq(order.seasonProductId, s.product.id), eq(order.status, 'pending')));
      expect(pending.length).toBeGreaterThan(0);
      expect(await product(s.product.id)).toEqual({ held: 2 * pending.length, sold: 0 });
      expect((await seats(s.matches.map((m) => m.matchStandId))).map((x) => x.held)).toEqual(s.matches.map(() => 2 * pending.length));
    },
    240_000,
  );

  async function orderOf(id: string) {
    const [o] = await db().select().from(order).where(eq(order.id, id));
    return o!;
  }
});
