import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { member, user } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';

/** A member of this club by id; another club's member id is simply not found here. */
export async function findClubMember(db: Executor, clubId: string, memberId: string) {
  const [row] = await db
    .select({ id: member.id, userId: member.userId, role: member.role, name: user.name })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.id, memberId), eq(member.organizationId, clubId)));
  if (!row) throw new DomainError('not_found');
  return row;
}
