import { eq, sql } from 'drizzle-orm';
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
  const email = memberAddress(buyer);
  if (email === null) return false;
  const [found] = await db.select({ member: onMemberList(clubId, email) }).from(sql`(select 1) as one`);
  return found?.member === true;
}

/** The address by which a person may be on a member list: their verified one, as lists keep it; else none. */
export const memberAddress = (person: { email: string; emailVerified: boolean } | null | undefined) =>
  person?.emailVerified ? person.email.trim().toLowerCase() : null;

/** Whether an address (from memberAddress) is on the club's list, as SQL to read in a larger statement. */
export const onMemberList = (clubId: unknown, email: unknown) =>
  sql<boolean>`exists (select 1 from ${clubMember} where ${clubMember.clubId} = ${clubId} and ${clubMember.email} = ${email})`;

/** The member price is a signed-in buyer's whose verified e-mail is on the club's list (decision 021). */
export async function buyerIsMember(db: Executor, clubId: string, buyer: { userId: string } | { kind: 'guest' }): Promise<boolean> {
  if ('kind' in buyer) return false;
  const [account] = await db.select({ email: user.email, emailVerified: user.emailVerified }).from(user).where(eq(user.id, buyer.userId));
  return isMember(db, clubId, account);
}
