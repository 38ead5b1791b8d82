import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organization } from './auth.ts';

// Competitions are platform-wide (managed by the platform admin); everything else is club-owned and
// carries club_id (invariant 5).
export const competition = pgTable('competition', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['league', 'cup', 'friendly', 'youth'] }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const venue = pgTable(
  'venue',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    street: text('street').notNull(),
    postalCode: text('postal_code').notNull(),
    commune: text('commune').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('venue_club_idx').on(t.clubId)],
);

export const stand = pgTable(
  'stand',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venue.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stand_club_idx').on(t.clubId), check('stand_capacity_ck', sql`${t.capacity} > 0`)],
);

// Who pays what: the club chooses which categories each stand offers, and their prices. "adult" is
// the standard price and always offered.
export const SALE_CATEGORIES = ['adult', 'youth', 'child', 'member', 'senior'] as const;
export type SaleCategory = (typeof SALE_CATEGORIES)[number];
/** Every category a ticket can carry: those on sale, and "guest" (a guest list's free ticket, never sold). */
export const PRICE_CATEGORIES = [...SALE_CATEGORIES, 'guest'] as const;
export type PriceCategory = (typeof PRICE_CATEGORIES)[number];

export const standPrice = pgTable(
  'stand_price',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    standId: uuid('stand_id')
      .notNull()
      .references(() => stand.id, { onDelete: 'cascade' }),
    category: text('category', { enum: PRICE_CATEGORIES }).notNull(),
    priceCents: integer('price_cents').notNull(),
  },
  (t) => [uniqueIndex('stand_price_uq').on(t.standId, t.category), check('stand_price_ck', sql`${t.priceCents} >= 0`)],
);

export const MATCH_STATUSES = ['scheduled', 'on_sale', 'sold_out', 'postponed', 'cancelled', 'played'] as const;

export const match = pgTable(
  'match',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    isHome: boolean('is_home').notNull().default(true),
    // Home matches are played at one of the club's venues; away matches at the opponent's.
    venueId: uuid('venue_id').references(() => venue.id),
    competitionId: uuid('competition_id')
      .notNull()
      .references(() => competition.id),
    opponentClubId: text('opponent_club_id').references(() => organization.id, { onDelete: 'set null' }),
    opponentName: text('opponent_name').notNull(),
    kickoffAt: timestamp('kickoff_at', { withTimezone: true }).notNull(),
    gatesOpenAt: timestamp('gates_open_at', { withTimezone: true }),
    saleOpensAt: timestamp('sale_opens_at', { withTimezone: true }),
    saleClosesAt: timestamp('sale_closes_at', { withTimezone: true }),
    status: text('status', { enum: MATCH_STATUSES }).notNull().default('scheduled'),
    orderLimit: integer('order_limit').notNull().default(10),
    /** People may step out and come back in (the scanner's Exit mode); off: one entry per ticket, as ever. */
    allowReentry: boolean('allow_reentry').notNull().default(false),
    /** "Children under N enter free": a steward counts them at the gate with one tap; null: off. */
    freeEntryUnder: integer('free_entry_under'),
    /** Holders may pass their tickets on (a new code to someone else, the old one revoked); off per match. */
    allowTransfers: boolean('allow_transfers').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('match_kickoff_idx').on(t.kickoffAt),
    index('match_club_kickoff_idx').on(t.clubId, t.kickoffAt),
    index('match_competition_kickoff_idx').on(t.competitionId, t.kickoffAt),
  ],
);

// A stand opened for one match: the row every seat hold updates atomically (invariant 1).
export const matchStand = pgTable(
  'match_stand',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    matchId: uuid('match_id')
      .notNull()
      .references(() => match.id, { onDelete: 'cascade' }),
    standId: uuid('stand_id')
      .notNull()
      .references(() => stand.id),
    cap: integer('cap').notNull(),
    held: integer('held').notNull().default(0),
    sold: integer('sold').notNull().default(0),
  },
  (t) => [
    uniqueIndex('match_stand_uq').on(t.matchId, t.standId),
    check('match_stand_seats_ck', sql`${t.held} >= 0 AND ${t.sold} >= 0 AND ${t.sold} + ${t.held} <= ${t.cap}`),
  ],
);

// The prices of one stand for one match: copied from the stand when it is opened, then editable
// (the per-match override), so later changes to a stand never reprice a match already on sale.
export const matchStandPrice = pgTable(
  'match_stand_price',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    matchStandId: uuid('match_stand_id')
      .notNull()
      .references(() => matchStand.id, { onDelete: 'cascade' }),
    category: text('category', { enum: PRICE_CATEGORIES }).notNull(),
    priceCents: integer('price_cents').notNull(),
  },
  (t) => [uniqueIndex('match_stand_price_uq').on(t.matchStandId, t.category), check('match_stand_price_ck', sql`${t.priceCents} >= 0`)],
);
