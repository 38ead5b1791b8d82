import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../src/db/client.ts';
import {
  matchStand,
  order,
  orderItem,
  seasonOrderSeat,
  seasonPass,
  seasonProduct,
  seasonProductMatch,
  seasonProductPrice,
  ticket,
} from '../../src/db/schema/index.ts';
import { issueTickets } from '../../src/domain/tickets/issue-tickets.ts';
import type { TestApp } from './harness.ts';

/**
 * A season product straight in the database: one stand, an adult price, the matches it covers (each
 * must have the stand open: a match_stand row).
 */
export async function insertSeasonProduct(
  db: Executor,
  input: { clubId: string; standId: string; matchIds: string[]; priceCents?: number; giveBackSharePercent?: number },
) {
  const [product] = await db
    .insert(seasonProduct)
    .values({
      clubId: input.clubId,
      season: '2026–27',
      name: 'Abonnement',
      standId: input.standId,
      giveBackSharePercent: input.giveBackSharePercent ?? 50,
    })
    .returning({ id: seasonProduct.id });
  await db
    .insert(seasonProductPrice)
    .values({ clubId: input.clubId, productId: product!.id, category: 'adult', priceCents: input.priceCents ?? 10_000 });
  if (input.matchIds.length > 0)
    await db
      .insert(seasonProductMatch)
      .values(input.matchIds.map((matchId) => ({ productId: product!.id, matchId, clubId: input.clubId })));
  return product!.id;
}

/**
 * A paid season order of `quantity` passes, as placing and paying it leaves it (the seat of every
 * covered match sold, season_order_seat rows), then its passes issued by issueTickets: one code per
 * pass and a ticket row per covered match. Returns the passes and their rows by match.
 */
export async function buySeasonPasses(
  t: TestApp,
  input: { clubId: string; productId: string; quantity?: number; userId?: string | null; email?: string; priceCents?: number },
) {
  const db = t.runtime.deps.db;
  const quantity = input.quantity ?? 1;
  const unit = input.priceCents ?? 10_000;
  const [product] = await db.select().from(seasonProduct).where(eq(seasonProduct.id, input.productId));
  const covered = await db
    .select({ matchId: seasonProductMatch.matchId })
    .from(seasonProductMatch)
    .where(eq(seasonProductMatch.productId, input.productId));
  const stands = await db
    .select({ id: matchStand.id, matchId: matchStand.matchId })
    .from(matchStand)
    .where(
      and(
        eq(matchStand.standId, product!.standId),
        inArray(
          matchStand.matchId,
          covered.map((c) => c.matchId),
        ),
      ),
    );
  const orderId = await db.transaction(async (tx) => {
    const [placed] = await tx
      .insert(order)
      .values({
        clubId: input.clubId,
        seasonProductId: input.productId,
        userId: input.userId ?? null,
        email: input.email ?? 'abonne@example.be',
        buyerName: 'Aline Abonnée',
        reference: `FA-S${randomUUID().slice(0, 8).toUpperCase()}`,
        status: 'paid',
        subtotalCents: unit * quantity,
        feeCents: 0,
        totalCents: unit * quantity,
        provider: 'free',
        holdExpiresAt: new Date(),
        paidAt: new Date(),
      })
      .returning({ id: order.id });
    await tx
      .insert(orderItem)
      .values({ clubId: input.clubId, orderId: placed!.id, matchStandId: null, category: 'adult', unitPriceCents: unit, quantity });
    await tx.insert(seasonOrderSeat).values(stands.map((s) => ({ orderId: placed!.id, matchStandId: s.id, quantity })));
    await tx
      .update(matchStand)
      .set({ sold: sql`${matchStand.sold} + ${quantity}` })
      .where(
        inArray(
          matchStand.id,
          stands.map((s) => s.id),
        ),
      );
    await tx
      .update(seasonProduct)
      .set({ sold: sql`${seasonProduct.sold} + ${quantity}` })
      .where(eq(seasonProduct.id, input.productId));
    await issueTickets(tx, t.runtime.deps.outbox, placed!.id, t.runtime.deps.config.sales.ticketSealingKey, { mail: false });
    return placed!.id;
  });
  const passes = await db.select().from(seasonPass).where(eq(seasonPass.orderId, orderId));
  const rows = await db.select().from(ticket).where(eq(ticket.orderId, orderId));
  return {
    orderId,
    passes: passes.map((p) => ({
      ...p,
      /** The pass's ticket row on a match (the valid one, else the latest). */
      rowOn: (matchId: string) =>
        rows
          .filter((r) => r.seasonPassId === p.id && r.matchId === matchId)
          .sort((a, b) => Number(b.status === 'valid') - Number(a.status === 'valid'))[0]!,
    })),
  };
}
