import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { ATTEMPT_POLICY, type AttemptKey, attemptKey } from './sign-in-policy.ts';

/** After a failed attempt: a key that has used all its attempts is locked. Returns true if one is. */
export async function lockAfterFailure(db: Executor, keys: AttemptKey[]): Promise<boolean> {
  const { lockMinutes, maxAttempts } = ATTEMPT_POLICY;
  let locked = false;
  for (const key of keys) {
    const result = await db.execute<{ key: string }>(sql`
      UPDATE login_throttle SET locked_until = now() + make_interval(mins => ${lockMinutes})
      WHERE key = ${attemptKey(key)} AND failures >= ${maxAttempts[key.kind]}
        AND (locked_until IS NULL OR locked_until <= now())
      RETURNING key`);
    if (result.rows.length > 0) locked = true;
  }
  return locked;
}
