import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  match,
  matchStand,
  order,
  organization,
  type PriceCategory,
  seasonOrderSeat,
  seasonPass,
  seasonProduct,
  seasonProductMatch,
  seasonProductPrice,
  stand,
} from '../../db/schema/index.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { buyerIsMember } from '../members/is-member.ts';
import { type Buyer, insertOrder, isGuest, lockOf, paymentDestination, paymentLinesOf } from '../sales/place-order.ts';
import { issueTickets } from '../tickets/issue-tickets.ts';
import { coveredCounts, inPriorityWindow, isStillToPlay, proRataCents, seasonSaleIsOpen } from './season-rules.ts';

export interface SeasonLine {
  category: PriceCategory;
  quantity: number;
}

/**
 * Places a season ticket order (decision 021) and holds its seats, all or nothing, in the caller's
 * transaction: the product's own cap by one guarded UPDATE, then a seat of its stand on every covered
 * match still to play, by one guarded UPDATE over those stand rows (locked in id order, so two season
 * sales never deadlock); if any match has no seat left, nothing is held anywhere. Prices come from the
 * product, pro rata of the matches still to play; the member price only for a member (checked here).
 * The order has no match, its items no stand: its seats are its season_order_seat rows.
 */
export async function placeSeasonOrder(
  tx: Tx,
  { payments, outbox, config, now = new Date() }: Ctx<'payments' | 'outbox' | 'config' | 'now'>,
  input: { actor: Buyer; productId: string; lines: SeasonLine[] },
) {
  const { actor: buyer } = input;
  const lines = input.lines.filter((l) => l.quantity > 0);
  if (lines.length === 0) throw new DomainError('empty_order');
  const n = lines.reduce((sum, l) => sum + l.quantity, 0);

  // Locks in the same order as every season sale: the buyer, the covered matches (shared: a match's
  // cancellation waits), the orders it replaces, the product row, then the stand rows in id order.
  const [p] = await tx
    .select({
      id: seasonProduct.id,
      clubId: seasonProduct.clubId,
      name: seasonProduct.name,
      standId: seasonProduct.standId,
      standName: stand.name,
      saleOpensAt: seasonProduct.saleOpensAt,
      saleClosesAt: seasonProduct.saleClosesAt,
      archivedAt: seasonProduct.archivedAt,
      renewalOfId: seasonProduct.renewalOfId,
      priorityUntil: seasonProduct.priorityUntil,
      clubStatus: organization.status,
    })
    .from(seasonProduct)
    .innerJoin(organization, eq(organization.id, seasonProduct.clubId))
    .innerJoin(stand, eq(stand.id, seasonProduct.standId))
    .innerJoin(lockOf(buyer), sql`true`)
    .where(eq(seasonProduct.id, input.productId));
  if (p?.clubStatus !== 'active') throw new DomainError('not_found');
  if (!seasonSaleIsOpen(p, now)) throw new DomainError('season_sale_closed');

  const covered = await readCovered(tx, p);
  const counts = coveredCounts(covered, now);
  const toPlay = covered.filter((m) => isStillToPlay(m, now));
  if (toPlay.length === 0) throw new DomainError('season_sale_closed'); // nothing left of the season
  const limit = Math.min(...toPlay.map((m) => m.orderLimit));
  if (n > limit) throw new DomainError('over_order_limit', { limit });

  if (inPriorityWindow(p, now)) await checkPriority(tx, buyer, p.renewalOfId!, p.id, n);
  if (lines.some((l) => l.category === 'member') && !(await buyerIsMember(tx, p.clubId, buyer))) throw new DomainError('member_price_only');

  const prices = await tx.select().from(seasonProductPrice).where(eq(seasonProductPrice.productId, p.id));
  const priced = lines.map((line) => {
    const price = prices.find((x) => x.category === line.category);
    if (!price) throw new DomainError('not_found'); // a category this product does not sell
    return { ...line, matchStandId: null, unitPriceCents: proRataCents(price.priceCents, counts) };
  });
  // A match whose stand is not open, or is too full, as this read saw it: refused before writing.
  // Only a refusal is decided on this read; seats are taken by the guarded UPDATE below alone.
  if (toPlay.some((m) => m.matchStandId === null || m.left! < n)) throw new DomainError('season_sold_out');

  const subtotalCents = priced.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
  // Free, or all paid by the buyer's credit: sold and issued at once.
  const { placed, accessToken, free } = await insertOrder(
    tx,
    { payments, outbox, config, now },
    { buyer, clubId: p.clubId, of: { seasonProductId: p.id }, lines: priced, subtotalCents },
  );
  const destinationAccountId = await paymentDestination(tx, payments, p.clubId, free);
  // The product's count, then the seats: after the order (and the buyer's replaced one) is written, so that
  // every transaction locks orders, then the product row, then the stand rows (as the release job does).
  const taken = free ? { sold: sql`${seasonProduct.sold} + ${n}` } : { held: sql`${seasonProduct.held} + ${n}` };
  const product = await tx
    .update(seasonProduct)
    .set(taken)
    .where(
      and(
        eq(seasonProduct.id, p.id),
        sql`(${seasonProduct.cap} is null or ${seasonProduct.sold} + ${seasonProduct.held} + ${n} <= ${seasonProduct.cap})`,
      ),
    )
    .returning({ id: seasonProduct.id });
  if (product.length === 0) throw new DomainError('season_sold_out');

  // The covered matches read again under the product row's lock: one added meanwhile (addSeasonMatch
  // takes this row first, and counts only the orders it sees) gets this order's seat too.
  const stillToPlay = (await readCovered(tx, p)).filter((m) => isStillToPlay(m, now));
  if (stillToPlay.some((m) => m.matchStandId === null)) throw new DomainError('season_sold_out');
  const standIds = stillToPlay.map((m) => m.matchStandId!).sort();
  await takeSeasonSeats(tx, standIds, n, free);
  await tx.insert(seasonOrderSeat).values(standIds.map((matchStandId) => ({ orderId: placed.id, matchStandId, quantity: n })));

  if (free) await issueTickets(tx, outbox, placed.id, config.ticketSealingKey); // nothing to pay: passes now

  const paymentLines = paymentLinesOf(
    priced.map((l) => ({ name: `${p.name} · ${p.standName} · ${l.category}`, unitAmountCents: l.unitPriceCents, quantity: l.quantity })),
    placed.creditCents,
  );
  return { ...placed, paymentLines, destinationAccountId, accessToken };
}

/** The product's covered matches, with its stand's row on each (the matches locked shared: a cancellation waits). */
function readCovered(tx: Tx, p: { id: string; standId: string }) {
  return tx
    .select({
      matchId: match.id,
      status: match.status,
      kickoffAt: match.kickoffAt,
      orderLimit: match.orderLimit,
      matchStandId: matchStand.id,
      left: sql<number | null>`${matchStand.cap} - ${matchStand.sold} - ${matchStand.held}`,
    })
    .from(seasonProductMatch)
    .innerJoin(match, eq(match.id, seasonProductMatch.matchId))
    .leftJoin(matchStand, and(eq(matchStand.matchId, match.id), eq(matchStand.standId, p.standId)))
    .where(eq(seasonProductMatch.productId, p.id))
    .for('share', { of: match });
}

/**
 * n seats on every one of these stand rows, or none: the rows locked in id order, then one guarded
 * UPDATE; fewer rows taken than asked means a match is full, and the caller's transaction rolls back.
 */
async function takeSeasonSeats(tx: Tx, standIds: string[], n: number, sold: boolean) {
  await tx.select({ id: matchStand.id }).from(matchStand).where(inArray(matchStand.id, standIds)).orderBy(asc(matchStand.id)).for('update');
  const taken = await tx
    .update(matchStand)
    .set(sold ? { sold: sql`${matchStand.sold} + ${n}` } : { held: sql`${matchStand.held} + ${n}` })
    .where(and(inArray(matchStand.id, standIds), sql`${matchStand.sold} + ${matchStand.held} + ${n} <= ${matchStand.cap}`))
    .returning({ id: matchStand.id });
  if (taken.length < standIds.length) throw new DomainError('season_sold_out');
}

/**
 * The priority window of a renewal: only a signed-in holder of valid passes of the earlier product,
 * and at most as many passes as they hold there (counting those of this product they already paid for).
 */
async function checkPriority(tx: Tx, buyer: Buyer, earlierId: string, productId: string, n: number) {
  if (isGuest(buyer)) throw new DomainError('season_priority_only');
  const held = (productOf: string) =>
    tx
      .select({ count: sql<number>`count(*)::int` })
      .from(seasonPass)
      .innerJoin(order, eq(order.id, seasonPass.orderId))
      .where(and(eq(seasonPass.productId, productOf), eq(seasonPass.status, 'valid'), eq(order.userId, buyer.userId)));
  const [earlier] = await held(earlierId);
  const [already] = await held(productId);
  const may = (earlier?.count ?? 0) - (already?.count ?? 0);
  if ((earlier?.count ?? 0) === 0) throw new DomainError('season_priority_only');
  if (n > may) throw new DomainError('season_priority_limit', { limit: Math.max(0, may) });
}
