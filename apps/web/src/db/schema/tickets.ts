import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organization } from './auth.ts';
import { match } from './catalog.ts';
import { order, orderItem } from './sales.ts';

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
    status: text('status', { enum: TICKET_STATUSES }).notNull().default('valid'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('ticket_order_idx').on(t.orderId), index('ticket_match_idx').on(t.matchId)],
);
