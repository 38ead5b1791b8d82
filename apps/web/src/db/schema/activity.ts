import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organization, user } from './auth.ts';
import { match } from './catalog.ts';
import { order } from './sales.ts';
import { device } from './tickets.ts';

/** Every kind of line the activity log holds: a fixed list, as the pages name each in words. */
export const ACTIVITY_ACTIONS = [
  // money and orders
  'order.refunded',
  'order.tickets_refunded',
  'order.refunded_at_provider',
  'order.tickets_resent',
  'order.abandoned',
  'order.attached',
  'ticket.reissued',
  'ticket.passed_on',
  // season tickets: a holder passes one match's seat on
  'season.seat_lent',
  'season.loan_undone',
  'season.seat_given_back',
  // matches and their seats
  'match.created',
  'match.updated',
  'match.put_on_sale',
  'match.sale_paused',
  'match.cancelled',
  'match.postponed',
  'match.stands_changed',
  // guest lists of a match
  'guests.list_created',
  'guests.list_changed',
  'guests.added',
  'guests.imported',
  'guests.removed',
  // season tickets (decision 021)
  'season.product_created',
  'season.product_updated',
  'season.match_added',
  'season.match_removed',
  'season.pass_revoked',
  'stand.created',
  'stand.updated',
  'stand.archived',
  'stand.restored',
  'stand.deleted',
  // devices
  'device.created',
  'device.revoked',
  'device.pairing_renewed',
  // the box office at the gate
  'box_office.seller_changed',
  'box_office.device_changed',
  'box_office.settings_changed',
  'box_office.shift_closed',
  // staff
  'staff.invited',
  'staff.invitation_cancelled',
  'staff.role_changed',
  'staff.removed',
  // the club's member list (member prices)
  'members.added',
  'members.imported',
  'members.removed',
  // the club itself
  'club.key_rotated',
  'club.profile_updated',
  'club.logo_changed',
  'club.logo_removed',
  'club.suspended',
  'club.reinstated',
  'club.verified',
  'club.unverified',
] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

// A guest is a buyer without an account, named as they typed it at the checkout.
export const ACTOR_KINDS = ['user', 'guest', 'system', 'provider'] as const;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
/** Small facts of one line (counts, amounts in cents, names as they were): enough to say it in words. */
export type ActivityDetails = { [key: string]: Json | undefined };

// Who did what to the club's money, seats, matches, staff and devices (decision 013), written by each
// domain operation in the transaction of its change: a change rolled back leaves no line.
// The actor's name is kept as it was at the time; the subject columns let a match's or an order's
// page show its own history.
export const activity = pgTable(
  'activity',
  {
    // In the order of writing: the pages list newest first by it (two lines can share a clock tick).
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    clubId: text('club_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    actorKind: text('actor_kind', { enum: ACTOR_KINDS }).notNull(),
    actorUserId: text('actor_user_id').references(() => user.id, { onDelete: 'set null' }),
    actorName: text('actor_name'),
    action: text('action', { enum: ACTIVITY_ACTIONS }).notNull(),
    matchId: uuid('match_id').references(() => match.id),
    orderId: uuid('order_id').references(() => order.id),
    deviceId: uuid('device_id').references(() => device.id),
    /** better-auth's member id: no reference, the row goes when the person leaves the staff. */
    memberId: text('member_id'),
    details: jsonb('details').$type<ActivityDetails>().notNull().default({}),
    // The clock of the write, not of the transaction's start.
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [
    index('activity_club_idx').on(t.clubId, t.id),
    index('activity_match_idx').on(t.matchId, t.id).where(sql`${t.matchId} IS NOT NULL`),
    index('activity_order_idx').on(t.orderId, t.id).where(sql`${t.orderId} IS NOT NULL`),
    check('activity_actor_ck', sql`${t.actorKind} <> 'user' OR ${t.actorName} IS NOT NULL`),
  ],
);
