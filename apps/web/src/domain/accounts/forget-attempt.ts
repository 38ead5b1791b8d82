import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { loginThrottle } from '../../db/schema/index.ts';
import { type AttemptKey, attemptKey } from './sign-in-policy.ts';

/**
 * After a successful attempt: the address starts afresh, and the IP address gets back the attempt
 * it spent (a club's stewards signing in behind one router are not failures).
 */
export async function forgetAttempt(db: Executor, keys: AttemptKey[]): Promise<void> {
  for (const key of keys) {
    if (key.kind === 'email') await db.delete(loginThrottle).where(eq(loginThrottle.key, attemptKey(key)));
    else {
      await db
        .update(loginThrottle)
        .set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
        .where(eq(loginThrottle.key, attemptKey(key)));
    }
  }
}
