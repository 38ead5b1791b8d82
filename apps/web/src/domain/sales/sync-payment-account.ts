import type { Executor } from '../../db/client.ts';
import { clubPaymentAccount } from '../../db/schema/index.ts';

/** Records what Stripe says of a club's connected account (read from Stripe, never from the event). */
export async function syncPaymentAccount(
  db: Executor,
  account: { clubId: string; stripeAccountId: string; chargesEnabled: boolean; payoutsEnabled: boolean; detailsSubmitted: boolean },
): Promise<void> {
  const values = { ...account, updatedAt: new Date() };
  await db.insert(clubPaymentAccount).values(values).onConflictDoUpdate({ target: clubPaymentAccount.clubId, set: values });
}
