import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { clubMember, user } from '../../db/schema/index.ts';

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

/** The member price is a signed-in buyer's whose verified e-mail is on the club's list (decision 021). */
export async function buyerIsMember(db: Executor, clubId: string, buyer: { userId: string } | { kind: 'guest' }): Promise<boolean> {
  if ('kind' in buyer) return false;
  const [account] = await db.select({ email: user.email, emailVerified: user.emailVerified }).from(user).where(eq(user.id, buyer.userId));
  return isMember(db, clubId, account);
}
