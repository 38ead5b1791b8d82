import { randomInt, randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  clubPaymentAccount,
  match,
  matchStand,
  matchStandPrice,
  order,
  orderItem,
  organization,
  type PriceCategory,
  stand,
  supporterCredit,
  user,
} from '../../db/schema/index.ts';
import { statement } from '../../db/statement.ts';
import { saleIsOpen } from '../catalog/match-status.ts';
import type { Ctx } from '../context.ts';
import { creditBalance } from '../credit/find-credit-balance.ts';
import { DomainError } from '../errors.ts';
import { buyerIsMember } from '../members/is-member.ts';
import type { Outbox } from '../outbox.ts';
import { issueTickets } from '../tickets/issue-tickets.ts';
import { cancelPendingOrder } from './cancel-pending-order.ts';
import { platformFee, type SalesConfig } from './fees.ts';
import { guestOrderToken, guestTokenHash } from './guest-link.ts';
import { lapsedHolds } from './lapsed-holds.ts';
import type { PaymentProvider } from './payment-provider.ts';
import { priceOrderLines } from './price-order-lines.ts';

export interface OrderLine {
  matchStandId: string;
  category: PriceCategory;
  quantity: number;
}

/** An item of a new order, priced: a season order's have no stand of a match (decision 021). */
export type OrderItemLine = { matchStandId: string | null; category: PriceCategory; quantity: number; unitPriceCents: number };

/**
 * Who buys: a signed-in supporter (named and reached as their account is), or a guest known only by
 * the name, e-mail address and language they typed at the checkout.
 */
export type Buyer = { userId: string; name: string; email: string } | { kind: 'guest'; name: string; email: string; locale: string };

export const isGuest = (buyer: Buyer): buyer is Extract<Buyer, { kind: 'guest' }> => 'kind' in buyer;

// Order references people read out at the gate or on the phone: no 0/O, 1/I/L.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const newReference = () => `FA-${Array.from({ length: 7 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;

/**
 * Places an order and holds its seats: per stand one atomic UPDATE that succeeds only while
 * sold + held + n <= cap (invariant 1). Prices come from the match, never from the request. A free
 * order is sold at once; any other is pending until paid or until its hold lapses.
 */
export async function placeOrder(
  tx: Tx,
  { payments, outbox, config, now = new Date() }: Ctx<'payments' | 'outbox' | 'config' | 'now'>,
  input: { actor: Buyer; matchId: string; lines: OrderLine[] },
) {
  const { actor: buyer } = input;
  const lines = input.lines.filter((l) => l.quantity > 0);
  if (lines.length === 0) throw new DomainError('empty_order');
  // Sorted: concurrent orders lock the stand rows in the same order, so they never deadlock.
  const standIds = [...new Set(lines.map((l) => l.matchStandId))].sort();
  const count = lines.reduce((sum, l) => sum + l.quantity, 0);
  const m = await lockBuyerAndMatch(tx, buyer, input.matchId, standIds, count, now);
  if (m?.clubStatus !== 'active') throw new DomainError('not_found');
  if (!saleIsOpen(m, now)) throw new DomainError('sale_closed');
  // The member price: only for a signed-in buyer whose verified e-mail is on the club's list (decision 021).
  if (lines.some((l) => l.category === 'member') && !(await buyerIsMember(tx, m.clubId, buyer))) throw new DomainError('member_price_only');
  // Fewer seats left than asked, as the first statement saw them: refused before anything is written.
  const priced = priceOrderLines(m, lines);
  const subtotalCents = priced.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
  const { placed, accessToken, free } = await insertOrder(
    tx,
    { payments, outbox, config, now },
    { buyer, clubId: m.clubId, of: { matchId: m.id }, lines: priced, subtotalCents, mayHaveCredit: m.hasCredit },
  );
  const destinationAccountId = await paymentDestination(tx, payments, m.clubId, free);
  // The seats are taken last: the hot stand row stays locked only from here to the commit. Lapsed
  // holds are not released here (it would lock the match's orders and stand rows in every order):
  // the release-holds job does it every minute, and startCheckout when they are what is short.
  for (const matchStandId of standIds) {
    const n = priced.filter((l) => l.matchStandId === matchStandId).reduce((sum, l) => sum + l.quantity, 0);
    const taken = await tx
      .update(matchStand)
      .set(free ? { sold: sql`${matchStand.sold} + ${n}` } : { held: sql`${matchStand.held} + ${n}` })
      .where(
        and(
          eq(matchStand.id, matchStandId),
          eq(matchStand.matchId, m.id),
          sql`${matchStand.sold} + ${matchStand.held} + ${n} <= ${matchStand.cap}`,
        ),
      )
      .returning({ id: matchStand.id });
    if (taken.length === 0) throw await seatsShort(tx, matchStandId, priced.find((l) => l.matchStandId === matchStandId)!.standName, now);
  }

  if (free) await issueTickets(tx, outbox, placed.id, config.ticketSealingKey); // nothing to pay: tickets now

  const paymentLines = paymentLinesOf(
    priced.map((l) => ({ name: `${l.standName} · ${l.category}`, unitAmountCents: l.unitPriceCents, quantity: l.quantity })),
    placed.creditCents,
  );
  return { ...placed, paymentLines, destinationAccountId, accessToken };
}

/** What the payment page lists: the lines, or with credit spent, one line of them less the credit. */
export function paymentLinesOf(lines: { name: string; unitAmountCents: number; quantity: number }[], creditCents: number) {
  if (creditCents === 0) return lines;
  const cents = lines.reduce((sum, l) => sum + l.unitAmountCents * l.quantity, 0) - creditCents;
  const name = `${lines.map((l) => `${l.quantity} × ${l.name}`).join(', ')} − credit`;
  return cents > 0 ? [{ name, unitAmountCents: cents, quantity: 1 }] : [];
}

/** With Stripe, money goes to the club's account: not before Stripe says it can take charges. */
export async function paymentDestination(tx: Tx, payments: PaymentProvider, clubId: string, free: boolean) {
  if (free || payments.kind !== 'stripe') return undefined;
  const [account] = await tx.select().from(clubPaymentAccount).where(eq(clubPaymentAccount.clubId, clubId));
  if (!account?.chargesEnabled) throw new DomainError('payments_not_ready');
  return account.stripeAccountId;
}

/**
 * Writes a new order and its items (paid at once when free, else pending until its hold lapses), of a
 * match or of a season product, and cancels the buyer's pending orders of the same match or product
 * placed before it: one pending choice per buyer (a guest: per e-mail address), so nobody holds every
 * seat by ordering again and again. The caller holds the buyer's lock (buyerLock), so none is missed.
 */
export async function insertOrder(
  tx: Tx,
  { payments, outbox, config, now }: { payments: PaymentProvider; outbox: Outbox; config: SalesConfig; now: Date },
  input: {
    buyer: Buyer;
    clubId: string;
    of: { matchId: string } | { seasonProductId: string };
    lines: OrderItemLine[];
    subtotalCents: number;
    /** False when the caller's first statement saw no credit ledger of the buyer with the club. */
    mayHaveCredit?: boolean;
  },
) {
  const { buyer, clubId, subtotalCents } = input;
  const guest = isGuest(buyer);
  const feeCents = platformFee(subtotalCents, config);
  // The buyer's credit with the club pays the tickets first (never the fee): read under the buyer's
  // lock, so two orders of one buyer never spend the same credit.
  const creditCents =
    guest || input.mayHaveCredit === false ? 0 : Math.min(subtotalCents, await spendableCredit(tx, buyer.userId, clubId, input.of));
  // Nothing left to pay (free tickets, or all paid by credit): sold and ticketed at once.
  const free = subtotalCents + feeCents - creditCents === 0;
  const orderId = randomUUID();
  // A guest reaches the order through a private link; only its hash is kept.
  const accessToken = guest ? guestOrderToken(orderId, config.ticketSealingKey) : null;
  const items = orderItemsCte(tx, clubId, orderId, input.lines);
  const sameThing = 'matchId' in input.of ? sql`p.match_id = ${input.of.matchId}` : sql`p.season_product_id = ${input.of.seasonProductId}`;
  const [created] = await tx
    .with(items)
    .insert(order)
    .values({
      id: orderId,
      clubId,
      matchId: 'matchId' in input.of ? input.of.matchId : null,
      seasonProductId: 'seasonProductId' in input.of ? input.of.seasonProductId : null,
      userId: guest ? null : buyer.userId,
      email: buyer.email,
      buyerName: guest ? buyer.name : null,
      buyerLocale: guest ? buyer.locale : null,
      accessTokenHash: accessToken ? guestTokenHash(accessToken) : null,
      reference: newReference(),
      status: free ? 'paid' : 'pending',
      subtotalCents,
      feeCents,
      totalCents: subtotalCents + feeCents,
      creditCents,
      provider: free ? 'free' : payments.kind,
      holdExpiresAt: new Date(now.getTime() + config.holdMinutes * 60_000),
      paidAt: free ? now : null,
    })
    .returning({
      ...getTableColumns(order),
      previous: sql<string[]>`(select coalesce(json_agg(p.id), '[]'::json) from ${order} p
        where ${guest ? sql`p.user_id is null and p.email = ${buyer.email}` : sql`p.user_id = ${buyer.userId}`}
          and ${sameThing} and p.status = 'pending' and p.id <> ${orderId})`,
    });
  const { previous, ...placed } = created!;
  if (creditCents > 0 && !guest)
    await tx.insert(supporterCredit).values({ clubId, userId: buyer.userId, amountCents: -creditCents, reason: 'order', orderId });
  // A new paid choice replaces the previous one (one paid with credit too: spendableCredit counted
  // theirs). Another request may have just cancelled it.
  if (!free || creditCents > 0) {
    for (const id of previous) {
      await cancelPendingOrder(tx, { outbox }, { actor: { kind: 'system' }, order: { orderId: id } }).catch((error: unknown) => {
        if (!(error instanceof DomainError && error.code === 'not_found')) throw error;
      });
    }
  }
  return { placed, accessToken, free };
}

/**
 * The credit a buyer may spend on a new order: their balance, plus what their pending orders of the
 * same match or product hold (the new order replaces them, and their credit comes back in this transaction).
 */
async function spendableCredit(tx: Tx, userId: string, clubId: string, of: { matchId: string } | { seasonProductId: string }) {
  const same = 'matchId' in of ? eq(order.matchId, of.matchId) : eq(order.seasonProductId, of.seasonProductId);
  const [row] = await tx
    .select({
      held: sql<number>`coalesce(sum(${order.creditCents}), 0)::int`,
      balance: sql<number>`(${creditBalance(userId, clubId)})`,
    })
    .from(order)
    .where(and(eq(order.userId, userId), same, eq(order.status, 'pending')));
  return Math.max(0, row?.balance ?? 0) + (row?.held ?? 0);
}

/** The items of a new order, as a CTE: the order and its items are written by one statement. */
export function orderItemsCte(tx: Tx, clubId: string, orderId: string, lines: OrderItemLine[]) {
  return tx.$with('items', {}).as(
    tx
      .insert(orderItem)
      .values(
        lines.map((l) => ({
          clubId,
          orderId,
          matchStandId: l.matchStandId,
          category: l.category,
          unitPriceCents: l.unitPriceCents,
          quantity: l.quantity,
        })),
      )
      .getSQL(),
  );
}

/**
 * The first statement of an order: the buyer's row locked — one buyer's orders go one at a time
 * (they replace each other: without this, a burst of clicks would cancel each other's holds in
 * crossing orders and deadlock); a guest has no row, so their e-mail address takes a transaction
 * lock instead —, the match read FOR SHARE (a cancellation waits for this order, then refunds it),
 * the prices of the stands asked for with their names and the seats they have left, and, for a stand
 * with fewer seats left than the order asks, those that lapsed holds keep (the refusal says it).
 * Whether the buyer has any credit ledger with the club is read here too: most have none, and their
 * order then reads no balance (one written meanwhile is simply not spent on this order).
 */
async function lockBuyerAndMatch(tx: Tx, buyer: Buyer, matchId: string, standIds: string[], asked: number, now: Date) {
  const guest = isGuest(buyer);
  const [m] = await (guest ? firstStatement.guest : firstStatement.account)(tx, {
    matchId,
    standIds,
    asked,
    now: now.toISOString(),
    buyer: guest ? buyer.email : buyer.userId,
  });
  return m && { ...m, kickoffAt: new Date(m.kickoffAt), saleOpensAt: dateOrNull(m.saleOpensAt), saleClosesAt: dateOrNull(m.saleClosesAt) };
}
const dateOrNull = (text: string | null) => (text === null ? null : new Date(text));

type FirstRow = {
  id: string;
  clubId: string;
  status: (typeof match.$inferSelect)['status'];
  kickoffAt: string;
  saleOpensAt: string | null;
  saleClosesAt: string | null;
  orderLimit: number;
  clubStatus: string;
  hasCredit: boolean;
  prices: { matchStandId: string; category: PriceCategory; priceCents: number; name: string; left: number; lapsed: number }[];
};
const firstStatementOf = (guest: boolean) =>
  statement<FirstRow>(() => {
    const p = (name: string) => sql.placeholder(name);
    return sql`select m.id, m.club_id as "clubId", m.status, m.kickoff_at as "kickoffAt", m.sale_opens_at as "saleOpensAt",
        m.sale_closes_at as "saleClosesAt", m.order_limit as "orderLimit", club.status as "clubStatus",
        ${guest ? sql`false` : sql`exists (select 1 from ${supporterCredit} c where c.user_id = buyer.id and c.club_id = m.club_id)`} as "hasCredit",
        (select coalesce(json_agg(json_build_object('matchStandId', price.match_stand_id, 'category', price.category,
            'priceCents', price.price_cents, 'name', s.name, 'left', ms.cap - ms.sold - ms.held,
            'lapsed', case when ms.cap - ms.sold - ms.held < ${p('asked')} then ${lapsedHolds(sql`ms.id`, p('now'))} else 0 end)), '[]'::json)
          from ${matchStandPrice} price
          join ${matchStand} ms on ms.id = price.match_stand_id
          join ${stand} s on s.id = ms.stand_id
          where ms.match_id = m.id and price.match_stand_id = any(${p('standIds')}::uuid[])) as prices
      from ${match} m
      join ${organization} club on club.id = m.club_id
      join ${buyerLock(guest, p('buyer'))} on true
      where m.id = ${p('matchId')}
      for share of m`;
  });
const firstStatement = { account: firstStatementOf(false), guest: firstStatementOf(true) };

/**
 * The buyer's lock, to join into an order's first statement: their user row FOR UPDATE, or for a
 * guest (no row) a transaction lock on their e-mail address. One buyer's orders go one at a time.
 * `key` is the user's id or the guest's address (a value or a placeholder).
 */
export function buyerLock(guest: boolean, key: unknown) {
  return guest
    ? sql`(select pg_advisory_xact_lock(hashtextextended('guest-order:' || ${key}::text, 0))) as buyer`
    : sql`(select id from ${user} where id = ${key} for update) as buyer`;
}
export const lockOf = (buyer: Buyer) => (isGuest(buyer) ? buyerLock(true, buyer.email) : buyerLock(false, buyer.userId));

/** not_enough_seats, and how many of the stand's seats are kept by holds that lapsed but are not yet released. */
export class NotEnoughSeats extends DomainError {
  constructor(
    stand: string,
    left: number,
    readonly lapsed: number,
  ) {
    super('not_enough_seats', { stand, left });
  }
}

async function seatsShort(tx: Tx, matchStandId: string, standName: string, now: Date) {
  const [row] = await tx
    .select({
      left: sql<number>`greatest(${matchStand.cap} - ${matchStand.sold} - ${matchStand.held}, 0)::int`,
      lapsed: sql<number>`${lapsedHolds(matchStandId, now.toISOString())}`,
    })
    .from(matchStand)
    .where(eq(matchStand.id, matchStandId));
  return new NotEnoughSeats(standName, row?.left ?? 0, row?.lapsed ?? 0);
}
