import { and, asc, eq, gt } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { invitation, member, user } from '../../db/schema/index.ts';

/** Members of one club and its invitations still pending; always scoped by the club id. */
export async function listClubStaff(db: Executor, clubId: string, now = new Date()) {
  const [members, invitations] = await Promise.all([
    db
      .select({ memberId: member.id, userId: user.id, name: user.name, email: user.email, role: member.role, since: member.createdAt })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .where(eq(member.organizationId, clubId))
      .orderBy(asc(user.name)),
    db
      .select({ id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt })
      .from(invitation)
      .where(and(eq(invitation.organizationId, clubId), eq(invitation.status, 'pending'), gt(invitation.expiresAt, now)))
      .orderBy(asc(invitation.email)),
  ]);
  return { members, invitations };
}
