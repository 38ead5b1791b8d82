import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Failed sign-ins per key (an e-mail address, an IP address): better-auth does not rate-limit
// the server-side calls our forms make, so the app counts failures itself, in the database,
// which several app processes share.
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
