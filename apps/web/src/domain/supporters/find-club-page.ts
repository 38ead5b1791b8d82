import { and, count, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { clubFollower, organization } from '../../db/schema/index.ts';
import { clubVerified } from '../clubs/club-verified.ts';
import { DomainError } from '../errors.ts';

/** A club as the public sees it, with whether this visitor follows it. */
export async function findClubPage(db: Executor, slug: string, userId?: string) {
  const [club] = await db
    .select({
      id: organization.id,
      name: organization.name,
      slug: organization.slug,
      commune: organization.commune,
      logo: organization.logo,
      colorPrimary: organization.colorPrimary,
      status: organization.status,
      verified: clubVerified(organization.verifiedAt),
    })
    .from(organization)
    .where(eq(organization.slug, slug));
  if (club?.status !== 'active') throw new DomainError('not_found');
  const [followers] = await db.select({ n: count() }).from(clubFollower).where(eq(clubFollower.clubId, club.id));
  const following = userId
    ? (
        await db
          .select({ userId: clubFollower.userId })
          .from(clubFollower)
          .where(and(eq(clubFollower.clubId, club.id), eq(clubFollower.userId, userId)))
      ).length > 0
    : false;
  return { ...club, followers: followers?.n ?? 0, following };
}
