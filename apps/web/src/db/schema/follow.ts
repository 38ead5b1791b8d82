import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organization, user } from './auth.ts';

// A supporter following a club is e-mailed when it puts a match on sale; the token unsubscribes
// from the link in that e-mail without signing in.
export const clubFollower = pgTable(
  'club_follower',
  {
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    unsubscribeToken: text('unsubscribe_token').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clubId, t.userId] }), index('club_follower_user_idx').on(t.userId)],
);
