import { customType, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { organization } from './auth.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});

// A club's logo, kept in the database so that every app process (and a backup) has it.
export const clubLogo = pgTable('club_logo', {
  clubId: text('club_id')
    .primaryKey()
    .references(() => organization.id, { onDelete: 'cascade' }),
  contentType: text('content_type').notNull(),
  bytes: bytea('bytes').notNull(),
  size: integer('size').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
