import {
  type HealthReport,
  PASSAGE_EVENTS,
  SCAN_DIRECTIONS,
  SCAN_RESULTS,
  type ScanDirection,
  type ScanResult,
} from '@footarena/gate-protocol';
import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organization, user } from './auth.ts';
import { match } from './catalog.ts';
import { order, orderItem } from './sales.ts';
import { seasonPass } from './season.ts';

// A club's Ed25519 keys that sign its tickets (invariant 4). The private key is kept sealed with a
// key from configuration; a retired key still verifies the tickets it signed.
export const clubSigningKey = pgTable(
  'club_signing_key',
  {
    keyId: text('key_id').primaryKey(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    publicKey: text('public_key').notNull(),
    privateKeySealed: text('private_key_sealed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('club_signing_key_active_uq').on(t.clubId).where(sql`${t.retiredAt} IS NULL`)],
);

export const TICKET_STATUSES = ['valid', 'revoked'] as const;

// One ticket per seat of a paid order line; its code (signed, never a bare id) is what the QR holds.
export const ticket = pgTable(
  'ticket',
  {
    id: uuid('id').primaryKey(),
    /**
     * The seat this code admits: the first ticket's id, shared by every code later made for the same
     * seat (re-issue). A trigger gives a new code the seat's entry state (invariant 3), and one code
     * at a time is valid.
     */
    seatId: uuid('seat_id').notNull(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'restrict' }),
    matchId: uuid('match_id')
      .notNull()
      .references(() => match.id, { onDelete: 'restrict' }),
    orderId: uuid('order_id')
      .notNull()
      .references(() => order.id, { onDelete: 'cascade' }),
    orderItemId: uuid('order_item_id')
      .notNull()
      .references(() => orderItem.id, { onDelete: 'cascade' }),
    keyId: text('key_id')
      .notNull()
      .references(() => clubSigningKey.keyId),
    code: text('code').notNull().unique(),
    /** What a person types when the QR cannot be read (under every QR): random, unique per match (@footarena/ticket-code). */
    shortCode: text('short_code').notNull(),
    status: text('status', { enum: TICKET_STATUSES }).notNull().default('valid'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** Set once, by the one atomic UPDATE that admits the ticket (invariant 3). */
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedByDevice: uuid('used_by_device'),
    /**
     * Re-entry (a match that allows it): set by an exit scan of a ticket inside, cleared by the entry scan
     * that lets it back in. Entered and not exited: inside.
     */
    exitedAt: timestamp('exited_at', { withTimezone: true }),
    /** A season pass's seat on this match (decision 021): its code is the pass's, its row this match's entry. */
    seasonPassId: uuid('season_pass_id').references(() => seasonPass.id, { onDelete: 'cascade' }),
    /** Passed on (transfer, loan): who holds this code now; null: the order's buyer. */
    holderName: text('holder_name'),
    holderEmail: text('holder_email'),
    holderUserId: text('holder_user_id').references(() => user.id, { onDelete: 'set null' }),
    /** Moved by a trigger when status or used_at changes: what a device's sync asks for since its cursor. */
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ticket_order_idx').on(t.orderId),
    index('ticket_match_idx').on(t.matchId, t.changedAt),
    index('ticket_seat_idx').on(t.seatId),
    index('ticket_season_pass_idx').on(t.seasonPassId, t.matchId),
    index('ticket_holder_user_idx').on(t.holderUserId),
    uniqueIndex('ticket_seat_valid_uq').on(t.seatId).where(sql`${t.status} = 'valid'`),
    uniqueIndex('ticket_match_short_code_uq').on(t.matchId, t.shortCode),
  ],
);

export const DEVICE_KINDS = ['phone', 'gate'] as const;

// A club's scanner (a steward's phone) or gate; paired once, authenticated by a hashed token.
export const device = pgTable(
  'device',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: DEVICE_KINDS }).notNull(),
    tokenHash: text('token_hash').unique(),
    /** One-time pairing code (hashed) and its expiry; cleared once the device has paired. */
    pairingCodeHash: text('pairing_code_hash').unique(),
    pairingExpiresAt: timestamp('pairing_expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** What it may admit: these matches and these stands only; null means every one of the club. */
    matchIds: uuid('match_ids').array(),
    standIds: uuid('stand_ids').array(),
    /**
     * A staff member's own browser scanner, started from a signed-in session instead of a pairing code.
     * Kept (revoked) when the person is erased: its scans are the club's check-in record.
     */
    userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
    /** When it last called the API (a gate reports every 30 s), and its last health report (gates). */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    health: jsonb('health').$type<Omit<HealthReport, 'events'>>(),
    /** The club lets this device sell at the gate (box office), whoever holds it. */
    canSell: boolean('can_sell').notNull().default(false),
  },
  (t) => [index('device_club_idx').on(t.clubId)],
);

// What a gate saw at its passage, reported with its health: admitted but nobody went through,
// someone followed, the passage stayed occupied. The id is the gate's, so a report sent twice counts once.
export const gateEvent = pgTable(
  'gate_event',
  {
    id: uuid('id').primaryKey(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    matchId: uuid('match_id')
      .notNull()
      .references(() => match.id, { onDelete: 'cascade' }),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => device.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: PASSAGE_EVENTS }).notNull(),
    ticketId: uuid('ticket_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('gate_event_match_idx').on(t.matchId, t.at)],
);

// The fixed result codes are the device protocol's (packages/gate-protocol).
export { SCAN_RESULTS, type ScanResult };

/** How a scan's code reached the device: its QR read, its short code typed, or the ticket found by name. */
export const SCAN_METHODS = ['qr', 'typed', 'search'] as const;
export type ScanMethod = (typeof SCAN_METHODS)[number];
export { SCAN_DIRECTIONS, type ScanDirection };

// Every scan, admitted or refused, with its reason; (device, nonce) is unique: a repeated request
// returns the first answer instead of scanning again.
export const scan = pgTable(
  'scan',
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
    nonce: text('nonce').notNull(),
    /** SHA-256 of the scanned code: a repeated nonce replays its answer only for the same code. */
    codeHash: text('code_hash').notNull(),
    ticketId: uuid('ticket_id'),
    result: text('result', { enum: SCAN_RESULTS }).notNull(),
    /** When the device scanned: the server's clock online, the device's (never ahead of ours) offline. */
    scannedAt: timestamp('scanned_at', { withTimezone: true }).notNull().defaultNow(),
    /** Made offline and uploaded by sync: what the device decided on the spot. */
    offline: boolean('offline').notNull().default(false),
    deviceResult: text('device_result', { enum: SCAN_RESULTS }),
    method: text('method', { enum: SCAN_METHODS }).notNull().default('qr'),
    direction: text('direction', { enum: SCAN_DIRECTIONS }).notNull().default('in'),
  },
  (t) => [uniqueIndex('scan_device_nonce_uq').on(t.deviceId, t.nonce), index('scan_match_idx').on(t.matchId, t.scannedAt)],
);

// A person let in by a device that could not know better (offline): the same ticket admitted by two
// devices (reason already_used; the first scan keeps the entry), or a ticket admitted offline that the
// server refuses (revoked, wrong_stand…). Shown to the club with the attendance.
export const scanConflict = pgTable(
  'scan_conflict',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    matchId: uuid('match_id')
      .notNull()
      .references(() => match.id, { onDelete: 'cascade' }),
    /** Null when the code names no ticket of the club (a forged code let in offline). */
    ticketId: uuid('ticket_id'),
    reason: text('reason', { enum: SCAN_RESULTS }).notNull(),
    /** The entry that counts (for already_used), or null when the server refuses the ticket. */
    admittedByDevice: uuid('admitted_by_device'),
    admittedAt: timestamp('admitted_at', { withTimezone: true }),
    /** The other device that let the person in. */
    alsoByDevice: uuid('also_by_device').notNull(),
    alsoAt: timestamp('also_at', { withTimezone: true }).notNull(),
    detectedAt: timestamp('detected_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('scan_conflict_match_idx').on(t.matchId, t.detectedAt)],
);
