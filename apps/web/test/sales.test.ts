import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchStand, order, ticket } from '../src/db/schema/index.ts';
import { createVerifiedUser } from '../src/domain/accounts/create-verified-user.ts';
import { createMatch } from '../src/domain/catalog/create-match.ts';
import { createStand } from '../src/domain/catalog/create-stand.ts';
import { createVenue } from '../src/domain/catalog/create-venue.ts';
import { setMatchStands } from '../src/domain/catalog/set-match-stands.ts';
import { setMatchStatus } from '../src/domain/catalog/set-match-status.ts';
import { DomainError } from '../src/domain/errors.ts';
import { platformFee, type SalesConfig } from '../src/domain/sales/fees.ts';
import { fulfilOrder } from '../src/domain/sales/fulfil-order.ts';
import { type OrderLine, placeOrder } from '../src/domain/sales/place-order.ts';
import { refundOrder } from '../src/domain/sales/refund-order.ts';
import { releaseExpiredOrders } from '../src/domain/sales/release-expired-orders.ts';
import { startCheckout } from '../src/domain/sales/start-checkout.ts';
import type { DemoProvider } from '../src/integrations/payments/demo.ts';
import { clubWithOwner, competitionId } from './support/catalog.ts';
import { createUser, databaseKinds, startTestApp, type TestApp } from './support/harness.ts';

describe('the platform fee', () => {
  it('is a percentage plus a fixed part, rounded once to the nearest cent, and nothing on a free order', () => {
    expect(platformFee(1250, { feePercent: 10, feeFixedCents: 0 })).toBe(125);
    expect(platformFee(1255, { feePercent: 10, feeFixedCents: 0 })).toBe(126); // 125.5 → 126
    expect(platformFee(333, { feePercent: 2.5, feeFixedCents: 25 })).toBe(33); // 8.325 → 8, + 25
    expect(platformFee(0, { feePercent: 10, feeFixedCents: 50 })).toBe(0);
    // Fractional percentages round half up exactly (floating point would say 34 and 130).
    expect(platformFee(3000, { feePercent: 1.15, feeFixedCents: 0 })).toBe(35);
    expect(platformFee(3000, { feePercent: 4.35, feeFixedCents: 0 })).toBe(131);
  });
});

describe.each(databaseKinds())('seat holds and fulfilment on %s', (kind) => {
  let t: TestApp;
  let buyerId = '';
  const config: SalesConfig = { feePercent: 10, feeFixedCents: 0, holdMinutes: 15, ticketSealingKey: Buffer.alloc(32) };

  beforeAll(async () => {
    t = await startTestApp(kind);
    config.ticketSealingKey = t.runtime.deps.config.sales.ticketSealingKey; // the key clubs' keys are sealed with
    buyerId = (await createUser(t, 'buyer@example.be', 'Buyer')).id;
  });
  afterAll(() => t?.close());
  const db = () => t.runtime.deps.db;
  const payments = () => t.runtime.deps.payments as DemoProvider;

  /** A match on sale with stands of the given caps (adult 10 €, child free). */
  async function matchOnSale(name: string, caps: number[], adultCents = 1000) {
    const { club } = await clubWithOwner(t, name);
    const venueId = await createVenue(
      db(),
      {},
      { actor: { kind: 'system' }, clubId: club.id, venue: { name: 'Ground', street: 'Rue 1', postalCode: '1000', commune: 'Bruxelles' } },
    );
    const standIds: string[] = [];
    for (const [i, cap] of caps.entries()) {
      standIds.push(
        await db().transaction((tx) =>
          createStand(
            tx,
            {},
            {
              actor: { kind: 'system' },
              clubId: club.id,
              venueId,
              stand: { name: `Stand ${i}`, capacity: cap, prices: { adult: adultCents, child: 0 } },
            },
          ),
        ),
      );
    }
    const competition = await competitionId(t);
    const matchId = await db().transaction((tx) =>
      createMatch(
        tx,
        {},
        {
          actor: { kind: 'system' },
          clubId: club.id,
          match: {
            isHome: true,
            opponentName: 'Visitors',
            competitionId: competition,
            venueId,
            kickoffAt: new Date(Date.now() + 10 * 86_400_000),
            orderLimit: 10,
          },
        },
      ),
    );
    await db().transaction((tx) =>
      setMatchStands(
        tx,
        {},
        {
          actor: { kind: 'system' },
          clubId: club.id,
          matchId,
          stands: standIds.map((standId) => ({ standId, open: true, prices: {} })),
        },
      ),
    );
    await db().transaction((tx) =>
      setMatchStatus(tx, t.runtime.deps, { actor: { kind: 'system' }, clubId: club.id, matchId, status: 'on_sale' }),
    );
    const stands = await db().select().from(matchStand).where(eq(matchStand.matchId, matchId)).orderBy(matchStand.cap);
    return { clubId: club.id, matchId, stands };
  }

  const place = (matchId: string, lines: OrderLine[], now?: Date, userId = buyerId) =>
    db().transaction((tx) =>
      placeOrder(
        tx,
        { payments: payments(), outbox: t.runtime.deps.outbox, config, now },
        { actor: { userId, name: 'Buyer', email: 'buyer@example.be' }, matchId, lines },
      ),
    );

  /** An order placed by a guest (no account): name and e-mail only. */
  const placeAsGuest = (matchId: string, lines: OrderLine[], email: string) =>
    db().transaction((tx) =>
      placeOrder(
        tx,
        { payments: payments(), outbox: t.runtime.deps.outbox, config },
        { actor: { kind: 'guest', name: 'Guest', email, locale: 'en' }, matchId, lines },
      ),
    );

  /** What the match page sends the provider for an order placed here. */
  const checkoutOf = (placed: Awaited<ReturnType<typeof place>>) => ({
    orderId: placed.id,
    reference: placed.reference,
    email: placed.email,
    lines: placed.paymentLines,
    totalCents: placed.totalCents,
    feeCents: placed.feeCents,
    holdExpiresAt: placed.holdExpiresAt,
    successUrl: '',
    cancelUrl: '',
  });

  /** Many distinct buyers (one pending order per buyer and match), created without scrypt's cost. */
  let crowdSize = 0;
  async function crowd(n: number) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      crowdSize++;
      ids.push(
        (
          await createVerifiedUser(db(), {
            email: `crowd${crowdSize}@example.be`,
            name: 'Crowd',
            passwordHash: 'not-a-login',
            locale: 'en',
          })
        ).id,
      );
    }
    return ids;
  }

  async function seats(matchStandId: string) {
    const [row] = await db()
      .select({ held: matchStand.held, sold: matchStand.sold })
      .from(matchStand)
      .where(eq(matchStand.id, matchStandId));
    return row!;
  }

  it('lets 500 buyers race for 100 seats: exactly 100 held, 400 clear refusals', async () => {
    const { matchId, stands } = await matchOnSale('Race FC', [100]);
    const buyers = await crowd(500);
    const results = await Promise.allSettled(
      buyers.map((userId) => place(matchId, [{ matchStandId: stands[0]!.id, category: 'adult', quantity: 1 }], undefined, userId)),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    expect(ok).toHaveLength(100);
    expect(refused).toHaveLength(400);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(DomainError);
      expect(reason).toMatchObject({ code: 'not_enough_seats', params: { stand: 'Stand 0', left: 0 } });
    }
    expect(await seats(stands[0]!.id)).toEqual({ held: 100, sold: 0 });
  });

  it('never oversells with mixed quantities over two stands', async () => {
    const { matchId, stands } = await matchOnSale('Mixed FC', [37, 53]);
    const wanted = Array.from({ length: 120 }, (_, i) => ({ a: (i % 4) + 1, b: (i * 7) % 3 }));
    const buyers = await crowd(120);
    const results = await Promise.allSettled(
      wanted.map((w, i) =>
        place(
          matchId,
          [
            { matchStandId: stands[0]!.id, category: 'adult', quantity: w.a },
            { matchStandId: stands[1]!.id, category: 'adult', quantity: w.b },
          ],
          undefined,
          buyers[i],
        ),
      ),
    );
    let expectA = 0;
    let expectB = 0;
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') {
        expectA += wanted[i]!.a;
        expectB += wanted[i]!.b;
      } else expect((r.reason as DomainError).code).toBe('not_enough_seats');
    });
    const a = await seats(stands[0]!.id);
    const b = await seats(stands[1]!.id);
    expect(a.held).toBe(expectA);
    expect(b.held).toBe(expectB);
    expect(a.held).toBeLessThanOrEqual(37);
    expect(b.held).toBeLessThanOrEqual(53);
    expect(results.filter((r) => r.status === 'rejected').length).toBeGreaterThan(0);
  });

  it('refuses bad orders with their reason and holds nothing', async () => {
    const { matchId, stands } = await matchOnSale('Strict FC', [50]);
    const other = await matchOnSale('Other FC', [50]);
    const line = (quantity: number, matchStandId = stands[0]!.id): OrderLine => ({ matchStandId, category: 'adult', quantity });
    const reasons: Record<string, unknown> = {};
    for (const [label, lines] of Object.entries({
      empty: [line(0)],
      tooMany: [line(11)],
      otherMatch: [line(1, other.stands[0]!.id)],
      noSuchCategory: [{ matchStandId: stands[0]!.id, category: 'senior' as const, quantity: 1 }],
    })) {
      reasons[label] = await place(matchId, lines).catch((e: DomainError) => `${e.code}${JSON.stringify(e.params)}`);
    }
    expect(reasons).toEqual({
      empty: 'empty_order{}',
      tooMany: 'over_order_limit{"limit":10}',
      otherMatch: 'not_found{}',
      noSuchCategory: 'not_found{}',
    });
    await db().transaction((tx) =>
      setMatchStatus(tx, t.runtime.deps, { actor: { kind: 'system' }, clubId: other.clubId, matchId: other.matchId, status: 'scheduled' }),
    );
    expect(await place(other.matchId, [line(1, other.stands[0]!.id)]).catch((e: DomainError) => e.code)).toBe('sale_closed');
    expect(await seats(stands[0]!.id)).toEqual({ held: 0, sold: 0 });
    expect(await seats(other.stands[0]!.id)).toEqual({ held: 0, sold: 0 });
  });

  it('prices from the match, with the fee on top; a free order is sold at once', async () => {
    const { matchId, stands } = await matchOnSale('Priced FC', [50]);
    const paid = await place(matchId, [
      { matchStandId: stands[0]!.id, category: 'adult', quantity: 3 },
      { matchStandId: stands[0]!.id, category: 'child', quantity: 2 },
    ]);
    expect(paid).toMatchObject({ status: 'pending', subtotalCents: 3000, feeCents: 300, totalCents: 3300, provider: 'demo' });
    expect(paid.reference).toMatch(/^FA-[2-9A-HJKMNP-Z]{7}$/);
    const free = await place(matchId, [{ matchStandId: stands[0]!.id, category: 'child', quantity: 2 }]);
    expect(free).toMatchObject({ status: 'paid', subtotalCents: 0, feeCents: 0, totalCents: 0, provider: 'free' });
    expect(await seats(stands[0]!.id)).toEqual({ held: 5, sold: 2 });
  });

  it('gives lapsed holds back once, even when released twice at the same moment', async () => {
    const { matchId, stands } = await matchOnSale('Expiry FC', [10]);
    const held = await place(matchId, [{ matchStandId: stands[0]!.id, category: 'adult', quantity: 4 }]);
    const later = new Date(held.holdExpiresAt.getTime() + 1000);
    expect(
      await db().transaction((tx) =>
        releaseExpiredOrders(tx, { outbox: t.runtime.deps.outbox, now: new Date() }, { actor: { kind: 'system' } }),
      ),
    ).toBe(0);
    const released = await Promise.all([
      db().transaction((tx) =>
        releaseExpiredOrders(tx, { outbox: t.runtime.deps.outbox, now: later }, { actor: { kind: 'system' }, matchId }),
      ),
      db().transaction((tx) =>
        releaseExpiredOrders(tx, { outbox: t.runtime.deps.outbox, now: later }, { actor: { kind: 'system' }, matchId }),
      ),
    ]);
    expect(released.sort()).toEqual([0, 1]);
    expect(await seats(stands[0]!.id)).toEqual({ held: 0, sold: 0 });
    expect((await db().select().from(order).where(eq(order.id, held.id)))[0]?.status).toBe('expired');
    // A buyer arriving after the release finds the seats free again.
    const next = await place(matchId, [{ matchStandId: stands[0]!.id, category: 'adult', quantity: 10 }], later);
    expect(next.status).toBe('pending');
  });

  it('gives a buyer the seats only lapsed holds keep: they are released first, before the job runs', async () => {
    const { matchId, stands } = await matchOnSale('Lapsed FC', [4]);
    const [other, late] = await crowd(2);
    const held = await place(matchId, [{ matchStandId: stands[0]!.id, category: 'adult', quantity: 3 }], undefined, other);
    await db()
      .update(order)
      .set({ holdExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(order.id, held.id)); // lapsed, still held
    const checkout = (userId: string, quantity: number) =>
      startCheckout(
        db(),
        { payments: payments(), outbox: t.runtime.deps.outbox, config, baseURL: 'http://localhost' },
        {
          actor: { userId, name: 'Buyer', email: 'buyer@example.be' },
          matchId,
          lines: [{ matchStandId: stands[0]!.id, category: 'adult', quantity }],
        },
      );
    // One seat is free and the lapsed hold keeps three: four are sold.
    expect(await checkout(buyerId, 4)).toMatchObject({ paid: false });
    expect((await db().select().from(order).where(eq(order.id, held.id)))[0]?.status).toBe('expired');
    expect(await seats(stands[0]!.id)).toEqual({ held: 4, sold: 0 });
    // With no lapsed hold, a refusal stays one.
    await expect(checkout(late!, 1)).rejects.toMatchObject({ code: 'not_enough_seats', params: { left: 0 } });
  });

  it('fulfils a paid session exactly once, even when the confirmation comes twice at the same time', async () => {
    const { matchId, stands } = await matchOnSale('Paid FC', [10]);
    const placed = await place(matchId, [{ matchStandId: stands[0]!.id, category: 'adult', quantity: 3 }]);
    const { sessionId } = await db().transaction(async (tx) => {
      const session = await payments().createSession(tx, checkoutOf(placed));
      await tx.update(order).set({ providerSessionId: session.sessionId }).where(eq(order.id, placed.id));
      return session;
    });
    expect(
      await db().transaction((tx) =>
        fulfilOrder(
          tx,
          { payments: payments(), outbox: t.runtime.deps.outbox, config, baseURL: 'http://localhost' },
          { actor: { kind: 'provider' }, sessionId },
        ),
      ),
    ).toEqual({ status: 'unpaid' }); // not paid yet
    expect(await payments().pay(db(), sessionId)).toBe(true);
    expect(await payments().pay(db(), sessionId)).toBe(false); // a second click pays nothing more

    // A crash in the middle of fulfilment rolls everything back; the retry completes it once.
    await expect(
      db().transaction(async (tx) => {
        await fulfilOrder(
          tx,
          { payments: payments(), outbox: t.runtime.deps.outbox, config, baseURL: 'http://localhost' },
          { actor: { kind: 'provider' }, sessionId },
        );
        throw new Error('process killed');
      }),
    ).rejects.toThrow('process killed');
    expect(await seats(stands[0]!.id)).toEqual({ held: 3, sold: 0 });

    const outcomes = await Promise.all(
      [1, 2, 3].map(() =>
        db().transaction((tx) =>
          fulfilOrder(
            tx,
            { payments: payments(), outbox: t.runtime.deps.outbox, config, baseURL: 'http://localhost' },
            { actor: { kind: 'provider' }, sessionId },
          ),
        ),
      ),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(['already', 'already', 'fulfilled']);
    expect(await seats(stands[0]!.id)).toEqual({ held: 0, sold: 3 });
    expect((await db().select().from(order).where(eq(order.id, placed.id)))[0]?.status).toBe('paid');
  });

  it('honours a payment that arrives after the hold lapsed while seats remain, and refuses it when they are gone', async () => {
    const { matchId, stands } = await matchOnSale('Late FC', [5]);
    async function pendingWithSession(quantity: number) {
      const placed = await place(matchId, [{ matchStandId: stands[0]!.id, category: 'adult', quantity }]);
      const session = await db().transaction(async (tx) => {
        const s = await payments().createSession(tx, checkoutOf(placed));
        await tx.update(order).set({ providerSessionId: s.sessionId }).where(eq(order.id, placed.id));
        return s;
      });
      return { placed, sessionId: session.sessionId };
    }
    const first = await pendingWithSession(3);
    await payments().pay(db(), first.sessionId); // paid at the provider…
    const later = new Date(first.placed.holdExpiresAt.getTime() + 1000);
    await db().transaction((tx) => releaseExpiredOrders(tx, { outbox: t.runtime.deps.outbox, now: later }, { actor: { kind: 'system' } })); // …but the hold lapsed first
    expect(await seats(stands[0]!.id)).toEqual({ held: 0, sold: 0 });
    const late = await db().transaction((tx) =>
      fulfilOrder(
        tx,
        { payments: payments(), outbox: t.runtime.deps.outbox, config, baseURL: 'http://localhost' },
        { actor: { kind: 'provider' }, sessionId: first.sessionId },
      ),
    );
    expect(late.status).toBe('fulfilled');
    expect(await seats(stands[0]!.id)).toEqual({ held: 0, sold: 3 });

    const second = await pendingWithSession(2);
    await payments().pay(db(), second.sessionId);
    await db().transaction((tx) =>
      releaseExpiredOrders(
        tx,
        { outbox: t.runtime.deps.outbox, now: new Date(second.placed.holdExpiresAt.getTime() + 1000) },
        { actor: { kind: 'system' } },
      ),
    );
    await place(
      matchId,
      [{ matchStandId: stands[0]!.id, category: 'adult', quantity: 2 }],
      new Date(second.placed.holdExpiresAt.getTime() + 2000),
    );
    const gone = await db()
      .transaction((tx) =>
        fulfilOrder(
          tx,
          { payments: payments(), outbox: t.runtime.deps.outbox, config, baseURL: 'http://localhost' },
          { actor: { kind: 'provider' }, sessionId: second.sessionId },
        ),
      )
      .catch((e: DomainError) => e.code);
    expect(gone).toBe('seats_gone');
    expect(await seats(stands[0]!.id)).toEqual({ held: 2, sold: 3 }); // never oversold
  });

  it('fulfils a paid session whose id never reached its order (a crash right after creating it)', async () => {
    const { matchId, stands } = await matchOnSale('Crash FC', [5]);
    const placed = await place(matchId, [{ matchStandId: stands[0]!.id, category: 'adult', quantity: 2 }]);
    const session = await payments().createSession(db(), checkoutOf(placed)); // …and the process died before writing the session id to the order
    await payments().pay(db(), session.sessionId);
    const outcome = await db().transaction((tx) =>
      fulfilOrder(
        tx,
        { payments: payments(), outbox: t.runtime.deps.outbox, config, baseURL: 'http://localhost' },
        { actor: { kind: 'provider' }, sessionId: session.sessionId },
      ),
    );
    expect(outcome.status).toBe('fulfilled');
    expect((await db().select().from(order).where(eq(order.id, placed.id)))[0]).toMatchObject({
      status: 'paid',
      providerSessionId: session.sessionId,
    });
    expect(await seats(stands[0]!.id)).toEqual({ held: 0, sold: 2 });
  });

  it('lets 500 guests race for 100 seats: exactly 100 held, 400 clear refusals', async () => {
    const { matchId, stands } = await matchOnSale('Guest Race FC', [100]);
    const results = await Promise.allSettled(
      Array.from({ length: 500 }, (_, i) =>
        placeAsGuest(matchId, [{ matchStandId: stands[0]!.id, category: 'adult', quantity: 1 }], `guest${i}@example.be`),
      ),
    );
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(100);
    expect(refused).toHaveLength(400);
    for (const reason of refused) expect(reason).toMatchObject({ code: 'not_enough_seats', params: { left: 0 } });
    expect(await seats(stands[0]!.id)).toEqual({ held: 100, sold: 0 });
  });

  it('keeps one pending order per guest e-mail and match, even when one guest orders many times at once', async () => {
    const { matchId, stands } = await matchOnSale('Guest Greedy FC', [50]);
    const lines = [{ matchStandId: stands[0]!.id, category: 'adult' as const, quantity: 2 }];
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => placeAsGuest(matchId, lines, 'greedy@example.be')));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]); // one at a time per address: no deadlock
    // Another address and a signed-in buyer with the same address are other buyers.
    await placeAsGuest(matchId, lines, 'other@example.be');
    const orders = await db().select().from(order).where(eq(order.matchId, matchId));
    const pending = orders.filter((o) => o.status === 'pending');
    expect(pending.map((o) => o.email).sort()).toEqual(['greedy@example.be', 'other@example.be']);
    expect(pending.every((o) => o.userId === null && o.buyerName === 'Guest' && o.accessTokenHash?.length === 64)).toBe(true);
    expect((await seats(stands[0]!.id)).held).toBe(4);
  });

  it('keeps one pending paid order per buyer and match: a new choice replaces the previous one', async () => {
    const { matchId, stands } = await matchOnSale('Greedy FC', [20]);
    const first = await place(matchId, [{ matchStandId: stands[0]!.id, category: 'adult', quantity: 10 }]);
    const second = await place(matchId, [{ matchStandId: stands[0]!.id, category: 'adult', quantity: 10 }]);
    expect((await db().select().from(order).where(eq(order.id, first.id)))[0]?.status).toBe('cancelled');
    expect(second.status).toBe('pending');
    expect(await seats(stands[0]!.id)).toEqual({ held: 10, sold: 0 });
  });

  it('survives one buyer ordering many times at once: clean answers, one pending order left', async () => {
    const { matchId, stands } = await matchOnSale('Impatient FC', [50]);
    const [impatient] = await crowd(1);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () =>
        place(matchId, [{ matchStandId: stands[0]!.id, category: 'adult', quantity: 2 }], undefined, impatient),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]); // one at a time: no deadlock
    const pending = (await db().select().from(order).where(eq(order.matchId, matchId))).filter((o) => o.status === 'pending');
    expect(pending).toHaveLength(1);
    expect((await seats(stands[0]!.id)).held).toBe(2);
  });

  it('never tickets a payment for a match cancelled while the buyer was paying', async () => {
    const { clubId, matchId, stands } = await matchOnSale('Cancelled FC', [10]);
    const placed = await place(matchId, [{ matchStandId: stands[0]!.id, category: 'adult', quantity: 2 }]);
    const session = await payments().createSession(db(), checkoutOf(placed));
    await db().update(order).set({ providerSessionId: session.sessionId }).where(eq(order.id, placed.id));
    await payments().pay(db(), session.sessionId); // paid at the provider…
    await db().transaction((tx) => setMatchStatus(tx, t.runtime.deps, { actor: { kind: 'system' }, clubId, matchId, status: 'cancelled' })); // …as the club cancels
    const outcome = await db()
      .transaction((tx) =>
        fulfilOrder(
          tx,
          { payments: payments(), outbox: t.runtime.deps.outbox, config, baseURL: 'http://localhost' },
          { actor: { kind: 'provider' }, sessionId: session.sessionId },
        ),
      )
      .catch((e: DomainError) => e.code);
    expect(outcome).toBe('match_cancelled');
    expect((await seats(stands[0]!.id)).sold).toBe(0);
    // …and placing an order on the cancelled match is refused.
    expect(await place(matchId, [{ matchStandId: stands[0]!.id, category: 'adult', quantity: 1 }]).catch((e: DomainError) => e.code)).toBe(
      'sale_closed',
    );
  });

  it('refunds single tickets with the fee in proportion, the last one taking the rounding rest', async () => {
    const { clubId, matchId, stands } = await matchOnSale('Odd FC', [10], 1253);
    const placed = await place(matchId, [{ matchStandId: stands[0]!.id, category: 'adult', quantity: 3 }]);
    expect(placed).toMatchObject({ subtotalCents: 3759, feeCents: 376, totalCents: 4135 });
    const session = await payments().createSession(db(), checkoutOf(placed));
    await db().update(order).set({ providerSessionId: session.sessionId }).where(eq(order.id, placed.id));
    await payments().pay(db(), session.sessionId);
    await db().transaction((tx) =>
      fulfilOrder(
        tx,
        { payments: payments(), outbox: t.runtime.deps.outbox, config, baseURL: 'http://localhost' },
        { actor: { kind: 'provider' }, sessionId: session.sessionId },
      ),
    );
    const codes = await db().select().from(ticket).where(eq(ticket.orderId, placed.id)).orderBy(ticket.createdAt);
    const refund = (ticketIds?: string[]) =>
      db().transaction((tx) =>
        refundOrder(
          tx,
          { payments: payments(), outbox: t.runtime.deps.outbox, baseURL: 'http://localhost' },
          {
            actor: { kind: 'system' },
            clubId,
            orderId: placed.id,
            ticketIds,
          },
        ),
      );
    // Used at the gate: it cannot be refunded on its own (the person is in), only with the whole order.
    await db().update(ticket).set({ usedAt: new Date() }).where(eq(ticket.id, codes[2]!.id));
    expect(await refund([codes[2]!.id]).catch((e: DomainError) => e.code)).toBe('ticket_entered');
    expect(await refund([randomUUID()]).catch((e: DomainError) => e.code)).toBe('not_found'); // not this order's
    // Two refunds of the same ticket at the same moment: one pays back, the other finds it refunded.
    const race = await Promise.allSettled([refund([codes[0]!.id]), refund([codes[0]!.id])]);
    expect(race.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as DomainError).code)).sort()).toEqual(['not_found', 'ok']);
    const first = race.find((r) => r.status === 'fulfilled')!.value.amountCents;
    const amounts = [first, (await refund([codes[1]!.id])).amountCents, (await refund()).amountCents];
    expect(amounts).toEqual([1378, 1378, 1379]); // 12.53 + 1.25 of fee, twice; the rest
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(4135);
    expect((await db().select().from(order).where(eq(order.id, placed.id)))[0]).toMatchObject({ status: 'refunded', refundedCents: 4135 });
    expect(await seats(stands[0]!.id)).toEqual({ held: 0, sold: 0 });
    expect(await refund().catch((e: DomainError) => e.code)).toBe('not_found');
    expect(
      await db()
        .transaction((tx) =>
          refundOrder(
            tx,
            { payments: payments(), outbox: t.runtime.deps.outbox, baseURL: '' },
            { actor: { kind: 'system' }, clubId, orderId: 'not-a-uuid' },
          ),
        )
        .catch((e: DomainError) => e.code),
    ).toBe('not_found');
  });
});
