import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { ATTEMPT_POLICY, type AttemptKey, attemptKey } from './sign-in-policy.ts';

/**
 * Counts an attempt for each key *before* the costly check (the password) runs, in one atomic
 * upsert per key: of any number of concurrent attempts, at most the limit get through in a window.
 * Keys go narrowest first: an attempt refused by one is not counted on the keys after it, so one
 * place hammering away cannot spend a wider key's budget (and lock its owner out everywhere).
 * Returns whether this attempt may proceed and, if not, in how long it may (minutes for people to
 * read, seconds for a Retry-After header).
 */
export async function countAttempt(
  db: Executor,
  keys: AttemptKey[],
): Promise<{ allowed: boolean; retryInMinutes: number; retryInSeconds: number }> {
  const { windowMinutes, maxAttempts } = ATTEMPT_POLICY;
  let retryAt = 0;
  for (const key of keys) {
    // A new window starts once the old one has passed and no lock is running.
    const result = await db.execute<{ attempts: number; locked_until: Date | string | null; window_ends: Date | string }>(sql`
      INSERT INTO login_throttle AS t (key, failures, window_started_at)
      VALUES (${attemptKey(key)}, 1, now())
      ON CONFLICT (key) DO UPDATE SET (failures, window_started_at) = (
        SELECT CASE WHEN fresh THEN 1 ELSE t.failures + 1 END, CASE WHEN fresh THEN now() ELSE t.window_started_at END
        FROM (SELECT t.window_started_at < now() - make_interval(mins => ${windowMinutes})
                     AND (t.locked_until IS NULL OR t.locked_until <= now()) AS fresh) AS w)
      RETURNING failures AS attempts, CASE WHEN locked_until > now() THEN locked_until END AS locked_until,
                window_started_at + make_interval(mins => ${windowMinutes}) AS window_ends`);
    const row = result.rows[0]!;
    if (row.locked_until) retryAt = new Date(row.locked_until).getTime();
    else if (row.attempts > maxAttempts[key.kind]) retryAt = new Date(row.window_ends).getTime();
    if (retryAt !== 0) break;
  }
  if (retryAt === 0) return { allowed: true, retryInMinutes: 0, retryInSeconds: 0 };
  const retryInSeconds = Math.max(1, Math.ceil((retryAt - Date.now()) / 1000));
  return { allowed: false, retryInMinutes: Math.ceil(retryInSeconds / 60), retryInSeconds };
}
