import { asc, count, eq, ilike, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { member, organization } from '../../db/schema/index.ts';
import { containsPattern } from '../like-pattern.ts';
import { lookAlikeGroups } from './club-name.ts';

/**
 * Every club on the platform, for the platform admin, each with the other clubs (suspended ones
 * too) whose name looks like its own: an impersonation shows next to the club it copies.
 */
export async function listClubs(db: Executor, query = '') {
  const pattern = containsPattern(query);
  const [clubs, names] = await Promise.all([
    db
      .select({
        id: organization.id,
        name: organization.name,
        slug: organization.slug,
        commune: organization.commune,
        status: organization.status,
        verifiedAt: organization.verifiedAt,
        createdAt: organization.createdAt,
        staff: count(member.id),
      })
      .from(organization)
      .leftJoin(member, eq(member.organizationId, organization.id))
      .where(query ? or(ilike(organization.name, pattern), ilike(organization.commune, pattern)) : undefined)
      .groupBy(organization.id)
      .orderBy(asc(organization.name)),
    db.select({ id: organization.id, name: organization.name, slug: organization.slug }).from(organization),
  ]);
  const lookAlikes = lookAlikeGroups(names);
  return clubs.map((club) => ({ ...club, lookAlikes: lookAlikes.get(club.id) ?? [] }));
}
