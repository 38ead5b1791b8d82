import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPayment, order, supporterCredit, ticket } from '../src/db/schema/index.ts';
import { findCreditBalance } from '../src/domain/credit/find-credit-balance.ts';
import { releaseOrderCredit } from '../src/domain/credit/release-order-credit.ts';
import { placeOrder } from '../src/domain/sales/place-order.ts';
import { releaseExpiredOrders } from '../src/domain/sales/release-expired-orders.ts';
import { clubWithOwner, matchOnSale } from './support/catalog.ts';
import { createUser, databaseKinds, signIn, startTestApp, type TestApp, textOf } from './support/harness.ts';

describe.each(databaseKinds())('spending credit on %s', (kind) => {
  let t: TestApp;
  const db = () => t.runtime.deps.db;
  let ctx: Awaited<ReturnType<typeof clubWithOwner>>;
  let ids: Awaited<ReturnType<typeof matchOnSale>>;
  let n = 0;

  /** A fresh buyer with `cents` of credit with the club (as a give-back earns it). */
  async function buyerWithCredit(cents: number) {
    const email = `credit-${++n}@example.be`;
    const { id } = await createUser(t, email, `Credit Buyer ${n}`);
    if (cents > 0) await db().insert(supporterCredit).values({ clubId: ctx.club.id, userId: id, amountCents: cents, reason: 'give_back' });
    return { id, email, name: `Credit Buyer ${n}`, client: await signIn(t, email) };
  }
  const ledgerOf = (userId: string) => db().select().from(supporterCredit).where(eq(supporterCredit.userId, userId));
  const balanceOf = (userId: string) => findCreditBalance(db(), userId, ctx.club.id);
  const sales = () => t.runtime.deps.config.sales;

  beforeAll(async () => {
    t = await startTestApp(kind);
    ctx = await clubWithOwner(t, 'Credit FC');
    ids = await matchOnSale(t, ctx);
  });
  afterAll(() => t?.close());

  it('shows the balance, spends it on the tickets and charges the total less the credit, once', async () => {
    const buyer = await buyerWithCredit(1500);
    expect(await textOf(await buyer.client.get(`/matches/${ids.matchId}`))).toContain('You have €15.00 of credit with Credit FC');
    const checkoutPage = await textOf(await buyer.client.get(`/matches/${ids.matchId}/checkout?q_${ids.matchStandId}_adult=2`));
    expect(checkoutPage).toContain('Your credit −€15.00');
    // Two tickets at €10 + 10 % fee = €22.00; €15 of credit: €7.00 to pay.
    expect(checkoutPage).toContain('To pay €7.00');
    const checkout = await buyer.client.post(`/matches/${ids.matchId}/checkout`, { [`q_${ids.matchStandId}_adult`]: '2' });
    expect(checkout.status).toBe(303);
    const sessionPath = new URL(checkout.headers.get('location')!).pathname;
    const [placed] = await db().select().from(order).where(eq(order.userId, buyer.id));
    expect(placed).toMatchObject({ subtotalCents: 2000, feeCents: 200, totalCents: 2200, creditCents: 1500, status: 'pending' });
    const [session] = await db().select().from(demoPayment).where(eq(demoPayment.orderId, placed!.id));
    expect(session!.amountCents).toBe(700);
    expect(await balanceOf(buyer.id)).toBe(0);
    expect(await textOf(await buyer.client.get(`/matches/${ids.matchId}`))).not.toContain('of credit with');
    expect((await buyer.client.post(`${sessionPath}/pay`, {})).status).toBe(303);
    const [paid] = await db().select().from(order).where(eq(order.id, placed!.id));
    expect(paid!.status).toBe('paid');
    expect(await db().select().from(ticket).where(eq(ticket.orderId, placed!.id))).toHaveLength(2);
    expect((await ledgerOf(buyer.id)).map((l) => [l.reason, l.amountCents]).sort()).toEqual([
      ['give_back', 1500],
      ['order', -1500],
    ]);

    // A full refund gives back the money charged (never the credit as money), and the credit once.
    const refunded = await ctx.owner.post(`${ctx.base}/orders/${placed!.id}/refund`, { confirm: 'yes' });
    expect(refunded.status).toBe(303);
    const [after] = await db().select().from(order).where(eq(order.id, placed!.id));
    expect(after).toMatchObject({ status: 'refunded', refundedCents: 700 });
    expect(await balanceOf(buyer.id)).toBe(1500);
  });

  it('pays an order its credit fully covers at once, and gives the credit back once when a pending order lapses', async () => {
    const buyer = await buyerWithCredit(5000);
    const actor = { userId: buyer.id, name: buyer.name, email: buyer.email };
    const lines = [{ matchStandId: ids.matchStandId, category: 'adult' as const, quantity: 1 }];
    const noFee = { ...sales(), feePercent: 0, feeFixedCents: 0 };
    const covered = await db().transaction((tx) =>
      placeOrder(
        tx,
        { payments: t.runtime.deps.payments, outbox: t.runtime.deps.outbox, config: noFee },
        { actor, matchId: ids.matchId, lines },
      ),
    );
    expect(covered).toMatchObject({ status: 'paid', provider: 'free', totalCents: 1000, creditCents: 1000 });
    expect(await db().select().from(ticket).where(eq(ticket.orderId, covered.id))).toHaveLength(1);
    expect(await balanceOf(buyer.id)).toBe(4000);

    const pending = await db().transaction((tx) =>
      placeOrder(
        tx,
        { payments: t.runtime.deps.payments, outbox: t.runtime.deps.outbox, config: sales() },
        { actor, matchId: ids.matchId, lines },
      ),
    );
    expect(pending).toMatchObject({ status: 'pending', totalCents: 1100, creditCents: 1000 });
    expect(await balanceOf(buyer.id)).toBe(3000);
    const later = new Date(Date.now() + 60 * 60_000);
    for (let i = 0; i < 2; i++)
      await db().transaction((tx) =>
        releaseExpiredOrders(tx, { outbox: t.runtime.deps.outbox, now: later }, { actor: { kind: 'system' }, matchId: ids.matchId }),
      );
    // And once more as if the order were cancelled after it lapsed: still once.
    await db().transaction((tx) => releaseOrderCredit(tx, [pending.id]));
    expect(await balanceOf(buyer.id)).toBe(4000);
    const released = (await ledgerOf(buyer.id)).filter((l) => l.reason === 'order_released');
    expect(released).toMatchObject([{ orderId: pending.id, amountCents: 1000 }]);
  });

  it('lets a new order paid with credit replace the pending order whose credit it takes over, never going below zero', async () => {
    const buyer = await buyerWithCredit(1000);
    const actor = { userId: buyer.id, name: buyer.name, email: buyer.email };
    const lines = [{ matchStandId: ids.matchStandId, category: 'adult' as const, quantity: 1 }];
    const deps = { payments: t.runtime.deps.payments, outbox: t.runtime.deps.outbox };
    const first = await db().transaction((tx) => placeOrder(tx, { ...deps, config: sales() }, { actor, matchId: ids.matchId, lines }));
    expect(first).toMatchObject({ status: 'pending', creditCents: 1000 });
    const noFee = { ...sales(), feePercent: 0, feeFixedCents: 0 };
    const second = await db().transaction((tx) => placeOrder(tx, { ...deps, config: noFee }, { actor, matchId: ids.matchId, lines }));
    expect(second).toMatchObject({ status: 'paid', creditCents: 1000 });
    const [replaced] = await db().select().from(order).where(eq(order.id, first.id));
    expect(replaced!.status).toBe('cancelled');
    const [raw] = await db()
      .select({ sum: sql<number>`sum(${supporterCredit.amountCents})::int` })
      .from(supporterCredit)
      .where(eq(supporterCredit.userId, buyer.id));
    expect(raw!.sum).toBe(0);
  });

  it('never spends more credit than the balance when one buyer orders many times at once', async () => {
    const buyer = await buyerWithCredit(2500);
    const actor = { userId: buyer.id, name: buyer.name, email: buyer.email };
    // Three matches, several orders each at the same moment (on one match, a new order replaces the last).
    const matches = [ids, await matchOnSale(t, ctx, 'Second FC'), await matchOnSale(t, ctx, 'Third FC')];
    const attempts = kind === 'postgres' ? 6 : 2;
    const results = await Promise.allSettled(
      matches.flatMap((m) =>
        Array.from({ length: attempts }, () =>
          db().transaction((tx) =>
            placeOrder(
              tx,
              { payments: t.runtime.deps.payments, outbox: t.runtime.deps.outbox, config: sales() },
              { actor, matchId: m.matchId, lines: [{ matchStandId: m.matchStandId, category: 'adult', quantity: 1 }] },
            ),
          ),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(0);
    const balance = await balanceOf(buyer.id);
    const [held] = await db()
      .select({ cents: sql<number>`coalesce(sum(${order.creditCents}), 0)::int` })
      .from(order)
      .where(and(eq(order.userId, buyer.id), eq(order.status, 'pending')));
    const [raw] = await db()
      .select({ sum: sql<number>`sum(${supporterCredit.amountCents})::int` })
      .from(supporterCredit)
      .where(eq(supporterCredit.userId, buyer.id));
    expect(raw!.sum).toBeGreaterThanOrEqual(0);
    expect(balance + held!.cents).toBe(2500);
    // Each pending order spent its credit in the ledger, exactly once.
    const ledger = await ledgerOf(buyer.id);
    const orders = await db().select().from(order).where(eq(order.userId, buyer.id));
    for (const o of orders.filter((o) => o.creditCents > 0)) {
      expect(ledger.filter((l) => l.orderId === o.id && l.reason === 'order').map((l) => l.amountCents)).toEqual([-o.creditCents]);
    }
    // Three pending orders (one per match) of €10 each: €25 of credit covers €25 of tickets, no more.
    expect(held!.cents).toBe(2500);
  });
});
