import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  match,
  matchStand,
  order,
  orderItem,
  seasonOrderSeat,
  seasonPass,
  seasonProduct,
  seasonProductMatch,
  stand,
} from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import { PLAYED_AFTER_MS, seatsLeft } from '../catalog/match-status.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { insertTickets } from '../tickets/insert-tickets.ts';
import { seasonTicketRow } from '../tickets/issue-season-passes.ts';
import { activeSigningKey } from '../tickets/signing-key.ts';

export interface AddedMatch {
  /** False: the product already covered it (nothing changed). */
  added: boolean;
  /** Seats taken for valid passes (sold) and for pending season orders (held). */
  passes: number;
  pending: number;
}

/**
 * A match added to a product (decision 021): its stand takes, in ONE guarded statement, a seat for
 * every valid pass (sold) and for every pending season order (held, recorded in season_order_seat so
 * that expiry and payment move it like the others); then each valid pass gets its ticket row there.
 * If the stand is too small, the club is told how many seats the holders need and how many are free,
 * and nothing changes. A match already covered is left as it is.
 */
export async function addSeasonMatch(
  tx: Tx,
  ctx: Ctx<'config' | 'now'>,
  input: { actor: Actor; clubId: string; productId: string; matchId: string },
): Promise<AddedMatch> {
  const added = await coverMatch(tx, ctx, input);
  if (added.added)
    await recordActivity(tx, {
      clubId: input.clubId,
      actor: input.actor,
      action: 'season.match_added',
      subject: { matchId: input.matchId },
      details: { product: added.product, passes: added.passes, pending: added.pending },
    });
  return { added: added.added, passes: added.passes, pending: added.pending };
}

/** The work of addSeasonMatch without its activity line: a new product covers its first matches through it too. */
export async function coverMatch(
  tx: Tx,
  { config, now = new Date() }: Ctx<'config' | 'now'>,
  { clubId, productId, matchId }: { clubId: string; productId: string; matchId: string },
): Promise<AddedMatch & { product: string }> {
  // Shared: a cancellation or postponement of the match waits until this commits (as a season sale).
  const [m] = await tx
    .select({ id: match.id, status: match.status, kickoffAt: match.kickoffAt, opponentName: match.opponentName })
    .from(match)
    .where(and(eq(match.id, matchId), eq(match.clubId, clubId)))
    .for('share');
  if (!m) throw new DomainError('not_found');
  if (m.status === 'cancelled' || m.kickoffAt.getTime() + PLAYED_AFTER_MS <= now.getTime()) throw new DomainError('match_not_editable');

  // Locks, in the order fulfilment and expiry take them (an order, then seats) so none deadlocks with
  // this: the product's live orders, then the product row — which a season sale updates before it
  // writes its order, so a sale placed meanwhile has committed when the orders are read again.
  const liveOrders = () =>
    tx
      .select({ id: order.id, status: order.status })
      .from(order)
      .where(and(eq(order.seasonProductId, productId), eq(order.clubId, clubId), inArray(order.status, ['pending', 'paid'])))
      .orderBy(asc(order.id))
      .for('update');
  await liveOrders();
  const [product] = await tx
    .select({ id: seasonProduct.id, name: seasonProduct.name, standId: seasonProduct.standId, standName: stand.name })
    .from(seasonProduct)
    .innerJoin(stand, eq(stand.id, seasonProduct.standId))
    .where(and(eq(seasonProduct.id, productId), eq(seasonProduct.clubId, clubId)))
    .for('update', { of: seasonProduct });
  if (!product) throw new DomainError('not_found');
  const orders = await liveOrders();

  const [covered] = await tx
    .select({ matchId: seasonProductMatch.matchId })
    .from(seasonProductMatch)
    .where(and(eq(seasonProductMatch.productId, productId), eq(seasonProductMatch.matchId, matchId)));
  if (covered) return { added: false, passes: 0, pending: 0, product: product.name };

  const [row] = await tx
    .select({ id: matchStand.id })
    .from(matchStand)
    .where(and(eq(matchStand.matchId, matchId), eq(matchStand.standId, product.standId)));
  if (!row) throw new DomainError('season_stand_not_open', { stand: product.standName, match: m.opponentName });

  const paidIds = orders.filter((o) => o.status === 'paid').map((o) => o.id);
  const pendingIds = orders.filter((o) => o.status === 'pending').map((o) => o.id);
  const passes = paidIds.length
    ? await tx
        .select({ id: seasonPass.id, clubId: seasonPass.clubId, orderId: seasonPass.orderId, orderItemId: seasonPass.orderItemId })
        .from(seasonPass)
        .where(and(inArray(seasonPass.orderId, paidIds), eq(seasonPass.status, 'valid')))
    : [];
  const pendingSeats = pendingIds.length
    ? await tx
        .select({ orderId: orderItem.orderId, quantity: sql<number>`sum(${orderItem.quantity} - ${orderItem.refundedQuantity})::int` })
        .from(orderItem)
        .where(inArray(orderItem.orderId, pendingIds))
        .groupBy(orderItem.orderId)
    : [];
  const pending = pendingSeats.reduce((sum, o) => sum + o.quantity, 0);

  const taken = await tx
    .update(matchStand)
    .set({ sold: sql`${matchStand.sold} + ${passes.length}`, held: sql`${matchStand.held} + ${pending}` })
    .where(and(eq(matchStand.id, row.id), sql`${matchStand.sold} + ${matchStand.held} + ${passes.length + pending} <= ${matchStand.cap}`))
    .returning({ id: matchStand.id });
  if (taken.length === 0) {
    const [seats] = await tx
      .select({ cap: matchStand.cap, sold: matchStand.sold, held: matchStand.held })
      .from(matchStand)
      .where(eq(matchStand.id, row.id));
    throw new DomainError('season_stand_too_small', {
      stand: product.standName,
      needed: passes.length + pending,
      free: seats ? seatsLeft(seats) : 0,
    });
  }

  // Each order's seat on this match, as its sale recorded the others: a pending one's moves to sold
  // when paid or goes back when it lapses; a paid one's is what a refund gives back.
  const perOrder = new Map<string, number>(pendingSeats.map((o) => [o.orderId, o.quantity]));
  for (const pass of passes) perOrder.set(pass.orderId, (perOrder.get(pass.orderId) ?? 0) + 1);
  const seatRows = [...perOrder].filter(([, n]) => n > 0).map(([orderId, quantity]) => ({ orderId, matchStandId: row.id, quantity }));
  if (seatRows.length > 0) await tx.insert(seasonOrderSeat).values(seatRows);
  if (passes.length > 0) {
    const key = await activeSigningKey(tx, clubId, config.ticketSealingKey);
    await insertTickets(
      tx,
      passes.map((pass) => seasonTicketRow(pass, matchId, key)),
    );
  }
  await tx.insert(seasonProductMatch).values({ productId, matchId, clubId });
  return { added: true, passes: passes.length, pending, product: product.name };
}
