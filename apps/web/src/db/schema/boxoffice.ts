import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organization, user } from './auth.ts';
import { match, matchStand } from './catalog.ts';
import { order } from './sales.ts';
import { device } from './tickets.ts';

/** The box office's settings of a club: how many seats per stand a selling device reserves for offline sales. */
export const boxOfficeSetting = pgTable(
  'box_office_setting',
  {
    clubId: text('club_id')
      .primaryKey()
      .references(() => organization.id, { onDelete: 'cascade' }),
    quotaSeats: integer('quota_seats').notNull().default(20),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('box_office_setting_quota_ck', sql`${t.quotaSeats} >= 0 AND ${t.quotaSeats} <= 500`)],
);

export const DEFAULT_QUOTA_SEATS = 20;

/** Staff members the club lets sell at the gate from their own scanner (a device may also be allowed itself). */
export const boxOfficeSeller = pgTable(
  'box_office_seller',
  {
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clubId, t.userId] })],
);

/**
 * A steward's shift at the box office: one device selling for one match, opened by its first sale (or
 * explicitly), closed when the steward counts the cash. One open shift per device and match.
 */
export const boxOfficeShift = pgTable(
  'box_office_shift',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    matchId: uuid('match_id')
      .notNull()
      .references(() => match.id, { onDelete: 'cascade' }),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => device.id, { onDelete: 'cascade' }),
    /** The device's name when the shift opened (a device may be renamed or erased later). */
    deviceName: text('device_name').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The steward who counted the cash, as they were named then. */
    closedByName: text('closed_by_name'),
    expectedCents: integer('expected_cents'),
    countedCents: integer('counted_cents'),
  },
  (t) => [
    uniqueIndex('box_office_shift_open_uq').on(t.deviceId, t.matchId).where(sql`${t.closedAt} IS NULL`),
    index('box_office_shift_match_idx').on(t.matchId),
    check('box_office_shift_money_ck', sql`${t.countedCents} IS NULL OR ${t.countedCents} >= 0`),
  ],
);

export const BOX_OFFICE_METHODS = ['cash', 'phone'] as const;
export type BoxOfficeMethod = (typeof BOX_OFFICE_METHODS)[number];

/**
 * An order sold at the gate: the shift and device that sold it, how it was paid, and the device's own id
 * for the sale (an offline sale uploaded twice is recorded once).
 */
export const boxOfficeSale = pgTable(
  'box_office_sale',
  {
    orderId: uuid('order_id')
      .primaryKey()
      .references(() => order.id, { onDelete: 'cascade' }),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    matchId: uuid('match_id')
      .notNull()
      .references(() => match.id, { onDelete: 'cascade' }),
    shiftId: uuid('shift_id')
      .notNull()
      .references(() => boxOfficeShift.id, { onDelete: 'cascade' }),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => device.id, { onDelete: 'cascade' }),
    method: text('method', { enum: BOX_OFFICE_METHODS }).notNull(),
    clientSaleId: text('client_sale_id').notNull(),
    offline: boolean('offline').notNull().default(false),
    soldAt: timestamp('sold_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('box_office_sale_client_uq').on(t.deviceId, t.clientSaleId), index('box_office_sale_shift_idx').on(t.shiftId)],
);

/**
 * Seats a selling device reserved on a stand while online, to sell from offline (invariant 1: they count
 * in the stand's `held` until sold or given back). One open quota per device and stand.
 */
export const boxOfficeQuota = pgTable(
  'box_office_quota',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    matchId: uuid('match_id')
      .notNull()
      .references(() => match.id, { onDelete: 'cascade' }),
    matchStandId: uuid('match_stand_id')
      .notNull()
      .references(() => matchStand.id, { onDelete: 'cascade' }),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => device.id, { onDelete: 'cascade' }),
    reserved: integer('reserved').notNull().default(0),
    used: integer('used').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('box_office_quota_open_uq').on(t.deviceId, t.matchStandId).where(sql`${t.releasedAt} IS NULL`),
    index('box_office_quota_match_idx').on(t.matchId),
    check('box_office_quota_ck', sql`${t.used} >= 0 AND ${t.used} <= ${t.reserved}`),
  ],
);
