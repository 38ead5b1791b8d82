import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organization, user } from './auth.ts';
import { match, matchStand, PRICE_CATEGORIES } from './catalog.ts';

export const ORDER_STATUSES = ['pending', 'paid', 'expired', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Where the seats went: bought online, sold at the gate by a steward (cash, or paid on the buyer's own
 * phone), given to a guest list, or a free entry counted at the gate. The match-day report adds up per channel.
 */
export const ORDER_CHANNELS = ['online', 'box_office', 'guest', 'free_entry'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

// An order holds seats from the moment it is placed (pending) until it is paid or its hold lapses.
// Money in cents (invariant 6): subtotal = what the club gets; fee = FootArena's commission, paid on
// top by the buyer; total = subtotal + fee.
export const order = pgTable(
  'order',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'restrict' }),
    /** The match of its tickets; null for a season ticket order (season_product_id). */
    matchId: uuid('match_id').references(() => match.id, { onDelete: 'restrict' }),
    /** A season ticket order (decision 021): its items are passes, its seats in season_order_seat. */
    seasonProductId: uuid('season_product_id'),
    /** The buyer's account; none for a guest (until they verify this e-mail and the order is attached). */
    userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
    email: text('email').notNull(),
    /** A guest's name and language, for their mails (an account's come from the account). */
    buyerName: text('buyer_name'),
    buyerLocale: text('buyer_locale'),
    /** SHA-256 of a guest's private link token (the token itself is never stored). */
    accessTokenHash: text('access_token_hash').unique(),
    reference: text('reference').notNull().unique(),
    status: text('status', { enum: ORDER_STATUSES }).notNull().default('pending'),
    subtotalCents: integer('subtotal_cents').notNull(),
    feeCents: integer('fee_cents').notNull(),
    totalCents: integer('total_cents').notNull(),
    channel: text('channel', { enum: ORDER_CHANNELS }).notNull().default('online'),
    /** Who took the money: the demo or Stripe payment page, nobody (free), or a steward in cash. */
    provider: text('provider', { enum: ['demo', 'stripe', 'free', 'cash'] }).notNull(),
    providerSessionId: text('provider_session_id').unique(),
    /** Stripe's PaymentIntent, known once paid: what a refund refers to. */
    providerPaymentId: text('provider_payment_id'),
    /** Paid with the buyer's credit at the club (season give-backs): charged is total - credit. */
    creditCents: integer('credit_cents').notNull().default(0),
    /** Money given back so far (single tickets, then the rest): never more than the total. */
    refundedCents: integer('refunded_cents').notNull().default(0),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('order_club_created_idx').on(t.clubId, t.createdAt),
    index('order_user_idx').on(t.userId),
    // A guest's orders by their e-mail: one pending order per address, attached once it is verified.
    index('order_guest_email_idx').on(t.email).where(sql`${t.userId} IS NULL`),
    index('order_pending_expiry_idx').on(t.holdExpiresAt).where(sql`${t.status} = 'pending'`),
    check('order_money_ck', sql`${t.subtotalCents} >= 0 AND ${t.feeCents} >= 0 AND ${t.totalCents} = ${t.subtotalCents} + ${t.feeCents}`),
    check('order_kind_ck', sql`(${t.matchId} IS NULL) <> (${t.seasonProductId} IS NULL)`),
    check('order_credit_ck', sql`${t.creditCents} >= 0 AND ${t.creditCents} <= ${t.subtotalCents}`),
    check('order_refund_ck', sql`${t.refundedCents} >= 0 AND ${t.refundedCents} <= ${t.totalCents}`),
  ],
);

export const orderItem = pgTable(
  'order_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'restrict' }),
    orderId: uuid('order_id')
      .notNull()
      .references(() => order.id, { onDelete: 'cascade' }),
    /** The stand of the match; null in a season order (its seats: season_order_seat). */
    matchStandId: uuid('match_stand_id').references(() => matchStand.id, { onDelete: 'restrict' }),
    category: text('category', { enum: PRICE_CATEGORIES }).notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    quantity: integer('quantity').notNull(),
    refundedQuantity: integer('refunded_quantity').notNull().default(0),
  },
  (t) => [
    uniqueIndex('order_item_uq').on(t.orderId, t.matchStandId, t.category),
    check('order_item_ck', sql`${t.quantity} > 0 AND ${t.unitPriceCents} >= 0`),
    check('order_item_refund_ck', sql`${t.refundedQuantity} >= 0 AND ${t.refundedQuantity} <= ${t.quantity}`),
  ],
);

// The demo payment provider's own record of a checkout session (no money moves): what the Stripe
// Checkout Session is for the stripe provider, re-read by fulfilment as the truth.
export const demoPayment = pgTable('demo_payment', {
  sessionId: text('session_id').primaryKey(),
  orderId: uuid('order_id')
    .notNull()
    .references(() => order.id, { onDelete: 'cascade' }),
  amountCents: integer('amount_cents').notNull(),
  status: text('status', { enum: ['open', 'paid', 'expired'] })
    .notNull()
    .default('open'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// A club's Stripe connected account and what Stripe last said of it (account.updated re-reads it).
export const clubPaymentAccount = pgTable('club_payment_account', {
  clubId: text('club_id')
    .primaryKey()
    .references(() => organization.id, { onDelete: 'cascade' }),
  stripeAccountId: text('stripe_account_id').notNull().unique(),
  chargesEnabled: boolean('charges_enabled').notNull().default(false),
  payoutsEnabled: boolean('payouts_enabled').notNull().default(false),
  detailsSubmitted: boolean('details_submitted').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// Stripe events already handled: a replayed event is acknowledged and ignored.
export const stripeEvent = pgTable('stripe_event', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});
