import type { Executor } from '../../db/client.ts';
import { clubPaymentAccount } from '../../db/schema/index.ts';
import type { Actor } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';

/**
 * Records what Stripe says of a club's connected account (read from Stripe, never from the event):
 * on the provider's word (a webhook) or when staff come back from Stripe's onboarding. Not logged:
 * the flags are Stripe's, not a decision of the actor.
 */
export async function syncPaymentAccount(
  db: Executor,
  { now = new Date() }: Ctx<'now'>,
  {
    account,
  }: {
    actor: Actor;
    account: { clubId: string; stripeAccountId: string; chargesEnabled: boolean; payoutsEnabled: boolean; detailsSubmitted: boolean };
  },
): Promise<void> {
  const values = { ...account, updatedAt: now };
  await db.insert(clubPaymentAccount).values(values).onConflictDoUpdate({ target: clubPaymentAccount.clubId, set: values });
}
