import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { SIGN_IN_POLICY, type ThrottleKey, throttleKey } from './sign-in-policy.ts';

/**
 * Counts one failed sign-in for each key in a single upsert (no read-then-write, so concurrent
 * failures all count) and locks a key that reaches its limit. Returns true when a key got locked.
 */
export async function recordSignInFailure(db: Executor, keys: ThrottleKey[]): Promise<boolean> {
  const { windowMinutes, lockMinutes, maxFailures } = SIGN_IN_POLICY;
  let locked = false;
  for (const key of keys) {
    const window = sql`make_interval(mins => ${windowMinutes})`;
    const fresh = sql`login_throttle.window_started_at < now() - ${window}`;
    const result = await db.execute<{ locked: boolean }>(sql`
      INSERT INTO login_throttle (key, failures, window_started_at, locked_until)
      VALUES (${throttleKey(key)}, 1, now(), CASE WHEN 1 >= ${maxFailures[key.kind]} THEN now() + make_interval(mins => ${lockMinutes}) END)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN ${fresh} THEN 1 ELSE login_throttle.failures + 1 END,
        window_started_at = CASE WHEN ${fresh} THEN now() ELSE login_throttle.window_started_at END,
        locked_until = CASE
          WHEN (CASE WHEN ${fresh} THEN 1 ELSE login_throttle.failures + 1 END) >= ${maxFailures[key.kind]}
          THEN now() + make_interval(mins => ${lockMinutes})
          ELSE login_throttle.locked_until END
      RETURNING locked_until IS NOT NULL AND locked_until > now() AS locked`);
    if (result.rows[0]?.locked) locked = true;
  }
  return locked;
}
