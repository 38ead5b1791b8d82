import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { clubMember } from '../../db/schema/index.ts';

/**
 * Whether a buyer may have the club's member price (decision 021): signed in, with a verified e-mail on
 * the club's member list. A guest or an unverified address never is.
 */
export async function isMember(
  db: Executor,
  clubId: string,
  buyer: { email: string; emailVerified: boolean } | null | undefined,
): Promise<boolean> {
  if (!buyer?.emailVerified) return false;
  const [found] = await db
    .select({ one: sql<number>`1` })
    .from(clubMember)
    .where(and(eq(clubMember.clubId, clubId), eq(clubMember.email, buyer.email.trim().toLowerCase())))
    .limit(1);
  return Boolean(found);
}
