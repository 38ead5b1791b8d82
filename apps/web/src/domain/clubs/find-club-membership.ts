import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { member, organization } from '../../db/schema/index.ts';

export type ClubMembership = NonNullable<Awaited<ReturnType<typeof findClubMembership>>>;

/** The club behind `slug` as seen by one user, or null when they are not on its staff. */
export async function findClubMembership(db: Executor, slug: string, userId: string) {
  const [row] = await db
    .select({
      club: {
        id: organization.id,
        name: organization.name,
        slug: organization.slug,
        commune: organization.commune,
        logo: organization.logo,
        colorPrimary: organization.colorPrimary,
        colorSecondary: organization.colorSecondary,
        status: organization.status,
        verifiedAt: organization.verifiedAt,
      },
      memberId: member.id,
      role: member.role,
    })
    .from(organization)
    .innerJoin(member, and(eq(member.organizationId, organization.id), eq(member.userId, userId)))
    .where(eq(organization.slug, slug));
  return row ?? null;
}
