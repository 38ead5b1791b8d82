import { sql } from 'drizzle-orm';
import { order, orderItem } from '../../db/schema/index.ts';

/** Seats of a stand that pending orders past their hold keep (released by the job, or by startCheckout). */
export const lapsedHolds = (matchStandId: unknown, now: unknown) =>
  sql`(select coalesce(sum(i.quantity), 0)::int from ${orderItem} i join ${order} o on o.id = i.order_id
    where i.match_stand_id = ${matchStandId} and o.status = 'pending' and o.hold_expires_at <= ${now}::timestamptz)`;
