import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { order, ticket, user } from '../../db/schema/index.ts';

const holderAccount = alias(user, 'holder_account');

/**
 * Who holds a valid ticket for a match, one row per address: whoever a ticket was passed on or lent to
 * (ticket.holder_email), else its buyer — match orders and season passes alike (a pass's row on the
 * match is a ticket of its season order). With the language and name to write to them in. They are
 * the people a moved match concerns (postponement mails, and the count the club sees first). An
 * order bought at the gate without an address has nobody to write to.
 */
export async function listMatchHolders(db: Executor, matchId: string) {
  const passedOn = sql`${ticket.holderEmail} is not null`;
  // A sale at the gate or a free entry may have no address ('').
  const address = sql<string>`coalesce(nullif(${ticket.holderEmail}, ''), nullif(${order.email}, ''))`;
  return db
    .selectDistinctOn([address], {
      email: address,
      locale: sql<
        string | null
      >`(case when ${passedOn} then ${holderAccount.locale} else coalesce(${user.locale}, ${order.buyerLocale}) end)`,
      name: sql<string | null>`(case when ${passedOn} then coalesce(${ticket.holderName}, ${holderAccount.name})
        else coalesce(${user.name}, ${order.buyerName}) end)`,
    })
    .from(ticket)
    .innerJoin(order, eq(order.id, ticket.orderId))
    .leftJoin(user, eq(user.id, order.userId))
    .leftJoin(holderAccount, eq(holderAccount.id, ticket.holderUserId))
    .where(and(eq(ticket.matchId, matchId), eq(ticket.status, 'valid'), eq(order.status, 'paid'), sql`${address} is not null`));
}
