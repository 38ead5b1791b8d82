import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { stripeEvent } from '../../db/schema/index.ts';

// The payment provider's events already handled: a replayed event is acknowledged and changes nothing.

export async function providerEventSeen(db: Executor, eventId: string): Promise<boolean> {
  const [seen] = await db.select({ id: stripeEvent.id }).from(stripeEvent).where(eq(stripeEvent.id, eventId));
  return Boolean(seen);
}

export async function recordProviderEvent(db: Executor, eventId: string, type: string) {
  await db.insert(stripeEvent).values({ id: eventId, type }).onConflictDoNothing();
}
