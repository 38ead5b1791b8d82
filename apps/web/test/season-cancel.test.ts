import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, device, match, matchStand, order, seasonGiveBack, seasonPass, ticket } from '../src/db/schema/index.ts';
import { listCheckinChanges } from '../src/domain/checkin/list-checkin-changes.ts';
import { redeemTicket } from '../src/domain/checkin/redeem-ticket.ts';
import type { PaymentProvider } from '../src/domain/sales/payment-provider.ts';
import { giveBackSeasonSeat } from '../src/domain/seasons/give-back-season-seat.ts';
import { lendSeasonSeat } from '../src/domain/seasons/lend-season-seat.ts';
import { matchShareCents } from '../src/domain/seasons/season-rules.ts';
import { refundCancelledMatch } from '../src/jobs/work-refund-match.ts';
import { brusselsIn, postOk } from './support/catalog.ts';
import { databaseKinds, startTestApp, type TestApp, textOf } from './support/harness.ts';
import { seasonCrowd, seasonOnSale } from './support/season.ts';
import { seasonOrder } from './support/season-club.ts';

describe('the share of a season ticket a cancelled match gives back', () => {
  it('is the unit price paid ÷ the matches it was bought for, in integer cents, half up', () => {
    expect(matchShareCents(15_000, 3)).toBe(5_000);
    expect(matchShareCents(10_000, 3)).toBe(3_333); // 3333.33
    expect(matchShareCents(20_000, 3)).toBe(6_667); // 6666.67
    expect(matchShareCents(1_002, 4)).toBe(251); // 250.5 → 251
    expect(matchShareCents(9_000, 1)).toBe(9_000);
    expect(matchShareCents(0, 5)).toBe(0);
  });
});

describe.each(databaseKinds())('a cancelled match that season tickets cover, on %s', (kind) => {
  let t: TestApp;
  const db = () => t.runtime.deps.db;
  /** Every refund asked of the provider, in order. */
  const refunds: { amountCents: number; idempotencyKey: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp(kind);
    const payments = t.runtime.deps.payments as PaymentProvider;
    const refund = payments.refund.bind(payments);
    payments.refund = async (tx, r) => {
      refunds.push({ amountCents: r.amountCents, idempotencyKey: r.idempotencyKey });
      return refund(tx, r);
    };
  });
  afterAll(() => t?.close());

  const ctx = () => ({ payments: t.runtime.deps.payments, outbox: t.runtime.deps.outbox, baseURL: 'http://localhost' });

  /** A paid season order of a known buyer, paid at the demo provider (so a refund goes back through it). */
  async function holderOrder(s: Awaited<ReturnType<typeof seasonOnSale>>, quantity: number, priceCents: number) {
    const [buyer] = await seasonCrowd(t, 1, 'holder');
    const placed = await seasonOrder(t, { clubId: s.club.id, productId: s.product.id, email: buyer!.email, quantity, priceCents });
    await db()
      .update(order)
      .set({ userId: buyer!.userId, providerSessionId: `demo_${randomUUID()}` })
      .where(eq(order.id, placed.order.id));
    return { ...placed, buyer: buyer! };
  }
  const orderOf = async (id: string) => (await db().select().from(order).where(eq(order.id, id)))[0]!;
  const soldOn = async (matchStandIds: string[]) =>
    (await db().select().from(matchStand).where(inArray(matchStand.id, matchStandIds))).map((r) => [r.id, r.sold] as const);
  const refundLines = (orderId: string) =>
    db()
      .select()
      .from(activity)
      .where(and(eq(activity.orderId, orderId), eq(activity.action, 'order.tickets_refunded')));

  it('tells season holders, and the friend a seat was lent to, when a covered match is postponed, and counts them first', async () => {
    const s = await seasonOnSale(t, 'Postponed Season FC', { matches: 2 });
    const [first] = s.matches;
    const dee = await holderOrder(s, 1, 10_000);
    const eve = await holderOrder(s, 1, 10_000);
    await db().transaction((tx) =>
      lendSeasonSeat(
        tx,
        { config: t.runtime.deps.config.sales, outbox: t.runtime.deps.outbox },
        {
          actor: { userId: eve.buyer.userId, name: 'Eve' },
          passId: eve.passes[0]!.id,
          matchId: first!.matchId,
          email: 'pal@example.be',
          name: 'Pal',
        },
      ),
    );
    const path = `/club/${s.slug}/matches/${first!.matchId}/postpone`;
    // Dee holds her seat, Pal holds Eve's: two people to tell (Eve lent hers away for this match).
    const asked = (await textOf(await s.owner.post(path, { kickoffAt: brusselsIn(20) }))).replace(/\s/g, ' ');
    expect(asked).toContain('Ticket holders told by e-mail: 2');
    await postOk(s.owner, path, { kickoffAt: brusselsIn(20), confirm: 'yes' });
    const moved = /postponed|reporté|uitgesteld/;
    await t.smtp.waitFor(dee.buyer.email, moved);
    await t.smtp.waitFor('pal@example.be', moved);
    expect(t.smtp.to(eve.buyer.email).filter((m) => moved.test(m.subject ?? ''))).toEqual([]);
  });

  it('tells the club what it will give back, then refunds each pass its share once, frees its seat there and refuses it at that gate only', async () => {
    const s = await seasonOnSale(t, 'Cancelled Season FC', { matches: 3 });
    const [first, second] = s.matches;
    // Ann: two passes at 100 €, 3 matches each → 33.33 € per pass. Bob: one at 150 €, lent for the
    // cancelled match (he paid: 50 €). Cat: three at 120 €, two given back before (one of them already
    // credited): only the third is refunded, 40 €.
    const ann = await holderOrder(s, 2, 10_000);
    const bob = await holderOrder(s, 1, 15_000);
    const cat = await holderOrder(s, 3, 12_000);
    const lent = await db().transaction((tx) =>
      lendSeasonSeat(
        tx,
        { config: t.runtime.deps.config.sales, outbox: t.runtime.deps.outbox },
        {
          actor: { userId: bob.buyer.userId, name: 'Bob' },
          passId: bob.passes[0]!.id,
          matchId: first!.matchId,
          email: 'friend@example.be',
          name: null,
        },
      ),
    );
    for (const pass of cat.passes.slice(0, 2))
      await db().transaction((tx) =>
        giveBackSeasonSeat(tx, {}, { actor: { userId: cat.buyer.userId, name: 'Cat' }, passId: pass.id, matchId: first!.matchId }),
      );
    await db().update(seasonGiveBack).set({ creditedAt: new Date() }).where(eq(seasonGiveBack.passId, cat.passes[0]!.id));
    const kept = cat.passes[2]!;
    const stands = s.matches.map((m) => m.matchStandId);
    const before = new Map(await soldOn(stands));

    const base = `/club/${s.slug}`;
    const confirmation = (await textOf(await s.owner.get(`${base}/matches/${first!.matchId}/cancel`))).replace(/\s/g, ' ');
    expect(confirmation).toContain('4 season ticket holders refunded €156.66');
    expect(confirmation).not.toContain('Nobody has bought a ticket yet');

    const words = 'The pitch is flooded.';
    await postOk(s.owner, `${base}/matches/${first!.matchId}/status`, { status: 'cancelled', confirm: 'yes', message: words });
    const deadline = Date.now() + 20_000;
    const waiting = async () => (await Promise.all([ann, bob, cat].map((o) => orderOf(o.order.id)))).some((o) => o.refundedCents === 0);
    while ((await waiting()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));

    expect(await orderOf(ann.order.id)).toMatchObject({ status: 'paid', refundedCents: 6_666 });
    expect(await orderOf(bob.order.id)).toMatchObject({ status: 'paid', refundedCents: 5_000 });
    expect(await orderOf(cat.order.id)).toMatchObject({ status: 'paid', refundedCents: 4_000 });
    // Through the provider, with the keys of any partial refund.
    expect(refunds).toEqual(
      expect.arrayContaining([
        { amountCents: 6_666, idempotencyKey: `refund-${ann.order.id}-6666` },
        { amountCents: 5_000, idempotencyKey: `refund-${bob.order.id}-5000` },
        { amountCents: 4_000, idempotencyKey: `refund-${cat.order.id}-4000` },
      ]),
    );
    // The four seats still held there come back; the other matches keep theirs.
    const after = new Map(await soldOn(stands));
    expect(after.get(first!.matchStandId)).toBe(before.get(first!.matchStandId)! - 4);
    expect(after.get(second!.matchStandId)).toBe(before.get(second!.matchStandId));
    // The passes go on.
    const passes = await db()
      .select()
      .from(seasonPass)
      .where(inArray(seasonPass.orderId, [ann.order.id, bob.order.id]));
    expect(passes.map((p) => p.status)).toEqual(['valid', 'valid', 'valid']);

    // At the gate: refused at the cancelled match (online, and in the offline lists), admitted at another.
    const [gate] = await db().insert(device).values({ clubId: s.club.id, name: 'Gate', kind: 'gate' }).returning();
    const redeem = async (code: string, matchId: string) => {
      const [m] = await db().select({ gatesOpenAt: match.gatesOpenAt }).from(match).where(eq(match.id, matchId));
      return (
        await redeemTicket(
          db(),
          {},
          { clubId: s.club.id, matchId, deviceId: gate!.id, nonce: randomUUID(), code, standIds: null, gatesOpenAt: m!.gatesOpenAt },
        )
      ).result;
    };
    const [friend] = await db().select().from(ticket).where(eq(ticket.id, lent.ticketId));
    expect(await redeem(ann.passes[0]!.code, first!.matchId)).toBe('revoked');
    expect(await redeem(kept.code, first!.matchId)).toBe('revoked');
    expect(await redeem(friend!.code, first!.matchId)).toBe('revoked');
    expect(await redeem(ann.passes[0]!.code, second!.matchId)).toBe('ok');
    const offline = await listCheckinChanges(db(), s.club.id, first!.matchId, null);
    for (const pass of [...ann.passes, kept]) expect(offline.revoked).toContain(offline.passes[pass.id]);
    expect(offline.revoked).toContain(friend!.id);

    // Each buyer is told, with this match named, the amount and the club's words.
    const mail = await t.smtp.waitFor(ann.buyer.email, /Match cancelled: Cancelled Season FC – Visitors 1, order .* partly refunded/);
    expect(mail.text).toContain('€66.66 for 2 season tickets');
    expect(mail.text).toContain('Season ticket 2026–27 · North stand');
    expect(mail.text).toContain(`Message from the club:\n${words}`);
    expect(await refundLines(bob.order.id)).toHaveLength(1);
    expect((await refundLines(bob.order.id))[0]).toMatchObject({
      matchId: first!.matchId,
      details: { tickets: 1, amountCents: 5_000, reason: 'match_cancelled' },
    });

    // The job again, and twice at once: nothing more moves.
    const asked = refunds.length;
    await refundCancelledMatch(db(), ctx(), { matchId: first!.matchId });
    await Promise.all([
      refundCancelledMatch(db(), ctx(), { matchId: first!.matchId }),
      refundCancelledMatch(db(), ctx(), { matchId: first!.matchId }),
    ]);
    expect(refunds).toHaveLength(asked);
    expect((await orderOf(ann.order.id)).refundedCents).toBe(6_666);
    expect((await orderOf(cat.order.id)).refundedCents).toBe(4_000);
    expect(new Map(await soldOn(stands))).toEqual(after);
    for (const o of [ann, bob, cat]) expect(await refundLines(o.order.id)).toHaveLength(1);
    expect(t.smtp.to(ann.buyer.email).filter((m) => /partly refunded/.test(m.subject ?? ''))).toHaveLength(1);
  });

  it('refunds each pass once when the refunds of a cancellation run two at once', async () => {
    const s = await seasonOnSale(t, 'Racing Season FC', { matches: 2 });
    const [first] = s.matches;
    const orders = [await holderOrder(s, 2, 9_000), await holderOrder(s, 1, 9_001)];
    const sold = async () => (await soldOn([first!.matchStandId]))[0]![1];
    const before = await sold();
    // Cancelled without its job, so that only these runs race.
    await db().update(match).set({ status: 'cancelled' }).where(eq(match.id, first!.matchId));
    const asked = refunds.length;
    await Promise.all([
      refundCancelledMatch(db(), ctx(), { matchId: first!.matchId }),
      refundCancelledMatch(db(), ctx(), { matchId: first!.matchId }),
    ]);
    await refundCancelledMatch(db(), ctx(), { matchId: first!.matchId });
    // 90 € and 90.01 € over 2 matches: 45 € per pass, and 45.005 € rounded half up to 45.01 €.
    expect((await orderOf(orders[0]!.order.id)).refundedCents).toBe(9_000);
    expect((await orderOf(orders[1]!.order.id)).refundedCents).toBe(4_501);
    expect(
      refunds
        .slice(asked)
        .map((r) => r.amountCents)
        .sort(),
    ).toEqual([4_501, 9_000]);
    expect(await sold()).toBe(before - 3);
    for (const o of orders) expect(await refundLines(o.order.id)).toHaveLength(1);
  });
});
