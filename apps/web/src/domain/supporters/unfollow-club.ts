import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { clubFollower, organization } from '../../db/schema/index.ts';
import type { Person } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';

/**
 * By the supporter, or by whoever holds the token of an e-mail's unsubscribe link (no sign-in
 * needed). Returns the club's name.
 */
export async function unfollowClub(
  db: Executor,
  _ctx: Ctx,
  input: { actor: Person; clubId: string } | { token: string },
): Promise<string | null> {
  const where =
    'token' in input
      ? eq(clubFollower.unsubscribeToken, input.token)
      : and(eq(clubFollower.userId, input.actor.userId), eq(clubFollower.clubId, input.clubId));
  const [removed] = await db.delete(clubFollower).where(where).returning({ clubId: clubFollower.clubId });
  if (!removed) return null;
  const [club] = await db.select({ name: organization.name }).from(organization).where(eq(organization.id, removed.clubId));
  return club?.name ?? null;
}
