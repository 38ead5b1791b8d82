import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organization } from './auth.ts';
import { match, matchStand } from './catalog.ts';
import { order } from './sales.ts';

export const GUEST_LIST_KINDS = ['sponsors', 'vip', 'families', 'press', 'other'] as const;
export type GuestListKind = (typeof GUEST_LIST_KINDS)[number];

// A match's guest list (sponsors, VIP, players' families, press): free places the club gives away.
export const guestList = pgTable(
  'guest_list',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    matchId: uuid('match_id')
      .notNull()
      .references(() => match.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: GUEST_LIST_KINDS }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('guest_list_match_idx').on(t.clubId, t.matchId)],
);

/**
 * A list's seats in one stand of the match. The allowance is set aside on the stand row: what its
 * guests do not use yet counts in match_stand.held (allowance - used), what they use in sold.
 */
export const guestListStand = pgTable(
  'guest_list_stand',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    guestListId: uuid('guest_list_id')
      .notNull()
      .references(() => guestList.id, { onDelete: 'cascade' }),
    // A stand closed for the match had nothing sold or held: its rows here are at 0 and go with it.
    matchStandId: uuid('match_stand_id')
      .notNull()
      .references(() => matchStand.id, { onDelete: 'cascade' }),
    allowance: integer('allowance').notNull(),
    used: integer('used').notNull().default(0),
  },
  (t) => [
    uniqueIndex('guest_list_stand_uq').on(t.guestListId, t.matchStandId),
    check('guest_list_stand_ck', sql`${t.used} >= 0 AND ${t.used} <= ${t.allowance}`),
  ],
);

// A guest of a list: their places are the tickets of a free order (channel 'guest'); removed until used.
export const guest = pgTable(
  'guest',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    matchId: uuid('match_id')
      .notNull()
      .references(() => match.id, { onDelete: 'cascade' }),
    guestListId: uuid('guest_list_id')
      .notNull()
      .references(() => guestList.id, { onDelete: 'cascade' }),
    guestListStandId: uuid('guest_list_stand_id')
      .notNull()
      .references(() => guestListStand.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    email: text('email'),
    places: integer('places').notNull(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => order.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('guest_match_idx').on(t.clubId, t.matchId),
    index('guest_list_idx').on(t.guestListId),
    check('guest_places_ck', sql`${t.places} > 0`),
  ],
);
