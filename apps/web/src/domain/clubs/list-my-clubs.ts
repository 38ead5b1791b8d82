import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { member, organization } from '../../db/schema/index.ts';

export async function listMyClubs(db: Executor, userId: string) {
  return db
    .select({ name: organization.name, slug: organization.slug, status: organization.status, role: member.role })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(eq(member.userId, userId))
    .orderBy(asc(organization.name));
}
