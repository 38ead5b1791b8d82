import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { clubPaymentAccount } from '../../db/schema/index.ts';

export async function findPaymentAccount(db: Executor, by: { clubId: string } | { stripeAccountId: string }) {
  const [account] = await db
    .select()
    .from(clubPaymentAccount)
    .where('clubId' in by ? eq(clubPaymentAccount.clubId, by.clubId) : eq(clubPaymentAccount.stripeAccountId, by.stripeAccountId));
  return account ?? null;
}
