import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { clubFollower, organization } from '../../db/schema/index.ts';

/** By the supporter, or by the token of an e-mail's unsubscribe link (no sign-in needed). Returns the club's name. */
export async function unfollowClub(db: Executor, by: { userId: string; clubId: string } | { token: string }): Promise<string | null> {
  const where =
    'token' in by
      ? eq(clubFollower.unsubscribeToken, by.token)
      : and(eq(clubFollower.userId, by.userId), eq(clubFollower.clubId, by.clubId));
  const [removed] = await db.delete(clubFollower).where(where).returning({ clubId: clubFollower.clubId });
  if (!removed) return null;
  const [club] = await db.select({ name: organization.name }).from(organization).where(eq(organization.id, removed.clubId));
  return club?.name ?? null;
}
