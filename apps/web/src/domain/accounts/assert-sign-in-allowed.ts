import { and, gt, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { loginThrottle } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { type ThrottleKey, throttleKey } from './sign-in-policy.ts';

/** Throws `sign_in_locked` (with the minutes left) when any of the keys is locked out. */
export async function assertSignInAllowed(db: Executor, keys: ThrottleKey[], now = new Date()): Promise<void> {
  const [locked] = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(and(inArray(loginThrottle.key, keys.map(throttleKey)), gt(loginThrottle.lockedUntil, now)))
    .orderBy(loginThrottle.lockedUntil)
    .limit(1);
  if (locked?.lockedUntil) {
    const minutes = Math.max(1, Math.ceil((locked.lockedUntil.getTime() - now.getTime()) / 60_000));
    throw new DomainError('sign_in_locked', { minutes });
  }
}
