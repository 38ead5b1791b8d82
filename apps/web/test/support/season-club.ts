import { and, eq, sql } from 'drizzle-orm';
import {
  matchStand,
  order,
  orderItem,
  seasonOrderSeat,
  seasonPass,
  seasonProduct,
  seasonProductMatch,
  ticket,
} from '../../src/db/schema/index.ts';
import { newReference } from '../../src/domain/sales/place-order.ts';
import { issueTickets } from '../../src/domain/tickets/issue-tickets.ts';
import { brusselsIn, type clubWithOwner, competitionId, postOk } from './catalog.ts';
import type { TestApp } from './harness.ts';

type Club = Awaited<ReturnType<typeof clubWithOwner>>;

/**
 * A home match scheduled through the back office on an existing stand, that stand open (with a cap
 * when given) and the match on sale. Returns its ids.
 */
export async function matchOnStand(
  t: TestApp,
  { owner, base }: Club,
  at: { venueId: string; standId: string; opponentName: string; days: number; cap?: number; competition?: string },
) {
  const created = await postOk(owner, `${base}/matches/new`, {
    side: 'home',
    opponentName: at.opponentName,
    competitionId: await competitionId(t, at.competition),
    venueId: at.venueId,
    kickoffAt: brusselsIn(at.days),
    orderLimit: '10',
  });
  const matchId = created.split('/matches/')[1]!.split('#')[0]!;
  await postOk(owner, `${base}/matches/${matchId}/stands`, {
    [`open_${at.standId}`]: 'on',
    ...(at.cap ? { [`cap_${at.standId}`]: String(at.cap) } : {}),
    [`price_${at.standId}_adult`]: '10',
  });
  await postOk(owner, `${base}/matches/${matchId}/status`, { status: 'on_sale' });
  const [row] = await t.runtime.deps.db
    .select({ id: matchStand.id })
    .from(matchStand)
    .where(and(eq(matchStand.matchId, matchId), eq(matchStand.standId, at.standId)));
  return { matchId, matchStandId: row!.id };
}

/**
 * A season order as a season sale leaves it (decision 021), written straight to the database: the
 * order (season_product_id, no match), one season item with no stand, a season_order_seat row per
 * covered match and the seats taken on each stand row (sold when paid, held when pending) by the
 * guarded statement, the product's own count; a paid one gets its passes through issueTickets.
 */
export async function seasonOrder(
  t: TestApp,
  input: {
    clubId: string;
    productId: string;
    email: string;
    buyerName?: string;
    quantity: number;
    category?: 'adult' | 'youth' | 'member';
    status?: 'paid' | 'pending';
    priceCents?: number;
  },
) {
  const { db, outbox, config } = t.runtime.deps;
  const status = input.status ?? 'paid';
  const n = input.quantity;
  const subtotalCents = (input.priceCents ?? 150_00) * n;
  return db.transaction(async (tx) => {
    const [product] = await tx.select().from(seasonProduct).where(eq(seasonProduct.id, input.productId));
    const stands = await tx
      .select({ id: matchStand.id })
      .from(seasonProductMatch)
      .innerJoin(matchStand, and(eq(matchStand.matchId, seasonProductMatch.matchId), eq(matchStand.standId, product!.standId)))
      .where(eq(seasonProductMatch.productId, input.productId))
      .orderBy(matchStand.id);
    const [placed] = await tx
      .insert(order)
      .values({
        clubId: input.clubId,
        seasonProductId: input.productId,
        email: input.email,
        buyerName: input.buyerName ?? null,
        buyerLocale: 'en',
        reference: newReference(),
        status,
        subtotalCents,
        feeCents: 0,
        totalCents: subtotalCents,
        provider: 'demo',
        holdExpiresAt: new Date(Date.now() + 15 * 60_000),
        paidAt: status === 'paid' ? new Date() : null,
      })
      .returning();
    await tx.insert(orderItem).values({
      clubId: input.clubId,
      orderId: placed!.id,
      matchStandId: null,
      category: input.category ?? 'adult',
      unitPriceCents: input.priceCents ?? 150_00,
      quantity: n,
    });
    const column = status === 'paid' ? matchStand.sold : matchStand.held;
    for (const stand of stands) {
      const taken = await tx
        .update(matchStand)
        .set(status === 'paid' ? { sold: sql`${column} + ${n}` } : { held: sql`${column} + ${n}` })
        .where(and(eq(matchStand.id, stand.id), sql`${matchStand.sold} + ${matchStand.held} + ${n} <= ${matchStand.cap}`))
        .returning({ id: matchStand.id });
      if (taken.length === 0) throw new Error('season order: stand full');
      await tx.insert(seasonOrderSeat).values({ orderId: placed!.id, matchStandId: stand.id, quantity: n });
    }
    await tx
      .update(seasonProduct)
      .set(status === 'paid' ? { sold: sql`${seasonProduct.sold} + ${n}` } : { held: sql`${seasonProduct.held} + ${n}` })
      .where(eq(seasonProduct.id, input.productId));
    if (status === 'paid') await issueTickets(tx, outbox, placed!.id, config.sales.ticketSealingKey, { mail: false });
    const passes = await tx.select().from(seasonPass).where(eq(seasonPass.orderId, placed!.id));
    return { order: placed!, passes };
  });
}

/** A pass's ticket rows, one per covered match it has a seat on. */
export function passTickets(t: TestApp, passId: string) {
  return t.runtime.deps.db.select().from(ticket).where(eq(ticket.seasonPassId, passId));
}
