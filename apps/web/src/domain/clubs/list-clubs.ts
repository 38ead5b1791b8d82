import { asc, count, eq, ilike, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { member, organization } from '../../db/schema/index.ts';

/** Every club on the platform, for the platform admin. */
export async function listClubs(db: Executor, query = '') {
  const pattern = `%${query.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return db
    .select({
      id: organization.id,
      name: organization.name,
      slug: organization.slug,
      commune: organization.commune,
      status: organization.status,
      createdAt: organization.createdAt,
      staff: count(member.id),
    })
    .from(organization)
    .leftJoin(member, eq(member.organizationId, organization.id))
    .where(query ? or(ilike(organization.name, pattern), ilike(organization.commune, pattern)) : undefined)
    .groupBy(organization.id)
    .orderBy(asc(organization.name));
}
