import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { supporterCredit } from '../../db/schema/index.ts';

/** A supporter's credit with a club, in cents: the sum of their ledger (decision 021), never below zero. */
export async function findCreditBalance(db: Executor, userId: string, clubId: string): Promise<number> {
  const [row] = await db.select({ balance: sql<number>`${creditBalance(userId, clubId)}` }).from(sql`(select 1) as one`);
  return Math.max(0, row?.balance ?? 0);
}

/** The ledger's sum, as SQL to read in a larger statement (it may be below zero: clamp it). */
export const creditBalance = (userId: unknown, clubId: unknown) =>
  sql<number>`(select coalesce(sum(${supporterCredit.amountCents}), 0)::int from ${supporterCredit}
    where ${supporterCredit.userId} = ${userId} and ${supporterCredit.clubId} = ${clubId})`;

/** What the money of an order is charged at the provider: its total less the credit it spent. */
export const chargedCents = (o: { totalCents: number; creditCents: number }) => o.totalCents - o.creditCents;
