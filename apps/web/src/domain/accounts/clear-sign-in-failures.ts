import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { loginThrottle } from '../../db/schema/index.ts';
import { type ThrottleKey, throttleKey } from './sign-in-policy.ts';

/** A successful sign-in forgets the failures of that address (not of the IP address). */
export async function clearSignInFailures(db: Executor, key: ThrottleKey): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, throttleKey(key)));
}
