import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { loginThrottle } from '../../db/schema/index.ts';
import { type AttemptKey, attemptKey, CLEARED_BY_SUCCESS } from './sign-in-policy.ts';

/**
 * After a successful attempt: the address starts afresh from that place, and the wider keys get
 * back the attempt it spent (a club's stewards signing in behind one router are not failures; the
 * owner's success does not wipe out what strangers spent on their address).
 */
export async function forgetAttempt(db: Executor, keys: AttemptKey[]): Promise<void> {
  for (const key of keys) {
    if (CLEARED_BY_SUCCESS.has(key.kind)) await db.delete(loginThrottle).where(eq(loginThrottle.key, attemptKey(key)));
    else {
      await db
        .update(loginThrottle)
        .set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
        .where(eq(loginThrottle.key, attemptKey(key)));
    }
  }
}
