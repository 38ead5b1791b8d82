import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organization, user } from './auth.ts';
import { match, matchStand, PRICE_CATEGORIES, stand } from './catalog.ts';
import { order, orderItem } from './sales.ts';

// Season tickets (decision 021). A product is sold like a match's tickets (an order, a payment, a
// refund), but an order of it holds one seat of its stand on every covered match. Each pass (one holder's
// seat for the season) has one signed code; on every covered match it also has an ordinary ticket row
// (ticket.season_pass_id) that carries the seat on that match, its entry and its revocation. So a
// season code enters once per match by the same guarded UPDATE as any ticket, and lending, giving back
// and transfers are codes made for one match's seat (decision 010).

export const seasonProduct = pgTable(
  'season_product',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    /** The season's label as clubs write it ("2026–27"). */
    season: text('season').notNull(),
    name: text('name').notNull(),
    standId: uuid('stand_id')
      .notNull()
      .references(() => stand.id),
    saleOpensAt: timestamp('sale_opens_at', { withTimezone: true }),
    saleClosesAt: timestamp('sale_closes_at', { withTimezone: true }),
    /** The most passes that may be sold; null: as many as the fullest covered match allows. */
    cap: integer('cap'),
    /** Passes sold (paid) or held by pending orders, guarded against cap by the statement that takes them. */
    sold: integer('sold').notNull().default(0),
    held: integer('held').notNull().default(0),
    /** A seat given back for one match, once resold, earns its holder this share of the per-match price, in percent. */
    giveBackSharePercent: integer('give_back_share_percent').notNull().default(50),
    /** Renewal: until priority_until, only holders of this earlier product may buy, as many as they held. */
    renewalOfId: uuid('renewal_of_id'),
    priorityUntil: timestamp('priority_until', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('season_product_club_idx').on(t.clubId),
    check(
      'season_product_ck',
      sql`${t.sold} >= 0 AND ${t.held} >= 0 AND (${t.cap} IS NULL OR ${t.sold} + ${t.held} <= ${t.cap})
        AND ${t.giveBackSharePercent} BETWEEN 0 AND 100`,
    ),
  ],
);

export const seasonProductPrice = pgTable(
  'season_product_price',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => seasonProduct.id, { onDelete: 'cascade' }),
    category: text('category', { enum: PRICE_CATEGORIES }).notNull(),
    priceCents: integer('price_cents').notNull(),
  },
  (t) => [uniqueIndex('season_product_price_uq').on(t.productId, t.category), check('season_product_price_ck', sql`${t.priceCents} >= 0`)],
);

/** The matches a product covers; a match added later first takes its holders' seats. */
export const seasonProductMatch = pgTable(
  'season_product_match',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => seasonProduct.id, { onDelete: 'cascade' }),
    matchId: uuid('match_id')
      .notNull()
      .references(() => match.id, { onDelete: 'restrict' }),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.matchId] }), index('season_product_match_match_idx').on(t.matchId)],
);

/**
 * The seats a pending season order holds, one row per covered match (counted in match_stand.held):
 * released when the hold lapses, moved to sold when it is paid, given back from future matches on refund.
 */
export const seasonOrderSeat = pgTable(
  'season_order_seat',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => order.id, { onDelete: 'cascade' }),
    matchStandId: uuid('match_stand_id')
      .notNull()
      .references(() => matchStand.id, { onDelete: 'restrict' }),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.matchStandId] }), check('season_order_seat_ck', sql`${t.quantity} > 0`)],
);

export const SEASON_PASS_STATUSES = ['valid', 'revoked'] as const;

/** One holder's seat for the season: the code that enters every covered match once. */
export const seasonPass = pgTable(
  'season_pass',
  {
    id: uuid('id').primaryKey(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'restrict' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => seasonProduct.id, { onDelete: 'restrict' }),
    orderId: uuid('order_id')
      .notNull()
      .references(() => order.id, { onDelete: 'cascade' }),
    orderItemId: uuid('order_item_id')
      .notNull()
      .references(() => orderItem.id, { onDelete: 'cascade' }),
    /** Signed like a ticket's code, with the pass id as ticket id and the product id as match id. */
    keyId: text('key_id').notNull(),
    code: text('code').notNull().unique(),
    shortCode: text('short_code').notNull(),
    status: text('status', { enum: SEASON_PASS_STATUSES }).notNull().default('valid'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('season_pass_order_idx').on(t.orderId), uniqueIndex('season_pass_short_code_uq').on(t.productId, t.shortCode)],
);

/** A holder lends one match: the friend gets a ticket for that seat; undone until the friend's ticket is used. */
export const seasonLoan = pgTable(
  'season_loan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    passId: uuid('pass_id')
      .notNull()
      .references(() => seasonPass.id, { onDelete: 'cascade' }),
    matchId: uuid('match_id')
      .notNull()
      .references(() => match.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name'),
    /** The friend's ticket (same seat as the holder's ticket of that match). */
    ticketId: uuid('ticket_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('season_loan_open_uq').on(t.passId, t.matchId).where(sql`${t.undoneAt} IS NULL`)],
);

/**
 * A holder gives the seat back for one match: it goes back on sale. Credited (once) when the stand
 * sells past the seats that were free anyway; the credit goes to the holder's account.
 */
export const seasonGiveBack = pgTable(
  'season_give_back',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    passId: uuid('pass_id')
      .notNull()
      .references(() => seasonPass.id, { onDelete: 'cascade' }),
    matchStandId: uuid('match_stand_id')
      .notNull()
      .references(() => matchStand.id, { onDelete: 'cascade' }),
    /** What the holder gets once the seat sells, fixed (and shown) when they give it back. */
    creditCents: integer('credit_cents').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    creditedAt: timestamp('credited_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('season_give_back_uq').on(t.passId, t.matchStandId),
    index('season_give_back_open_idx').on(t.matchStandId, t.createdAt).where(sql`${t.creditedAt} IS NULL`),
    check('season_give_back_ck', sql`${t.creditCents} >= 0`),
  ],
);

export const CREDIT_REASONS = ['give_back', 'order', 'order_released'] as const;

/**
 * A supporter's credit with a club, as a ledger: a give-back earns (+), an order spends (−), an order
 * that lapses or is refunded unspent gives it back (+). The balance is the sum, never below zero.
 */
export const supporterCredit = pgTable(
  'supporter_credit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    amountCents: integer('amount_cents').notNull(),
    reason: text('reason', { enum: CREDIT_REASONS }).notNull(),
    giveBackId: uuid('give_back_id').references(() => seasonGiveBack.id, { onDelete: 'set null' }),
    orderId: uuid('order_id').references(() => order.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('supporter_credit_user_idx').on(t.userId, t.clubId),
    // Earned once per give-back; spent and given back once per order.
    uniqueIndex('supporter_credit_give_back_uq').on(t.giveBackId).where(sql`${t.reason} = 'give_back'`),
    uniqueIndex('supporter_credit_order_uq').on(t.orderId, t.reason).where(sql`${t.orderId} IS NOT NULL`),
  ],
);

/** A club's members: a signed-in buyer whose verified e-mail is on the list may buy at member prices. */
export const clubMember = pgTable(
  'club_member',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Lower-cased. */
    email: text('email').notNull(),
    memberNumber: text('member_number').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('club_member_email_uq').on(t.clubId, t.email), uniqueIndex('club_member_number_uq').on(t.clubId, t.memberNumber)],
);
