import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { account, invitation, member, organization, session, user } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';

/**
 * Everything FootArena holds about a person (GDPR art. 15 and 20), as plain JSON.
 * Secrets (password hashes, session tokens) are facts about security, not personal data to hand out.
 */
export async function exportAccountData(db: Executor, userId: string) {
  const [profile] = await db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      emailVerified: user.emailVerified,
      locale: user.locale,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    })
    .from(user)
    .where(eq(user.id, userId));
  if (!profile) throw new DomainError('not_found');
  const [logins, sessions, clubs, invitations] = await Promise.all([
    db.select({ provider: account.providerId, createdAt: account.createdAt }).from(account).where(eq(account.userId, userId)),
    db
      .select({ createdAt: session.createdAt, expiresAt: session.expiresAt, ipAddress: session.ipAddress, userAgent: session.userAgent })
      .from(session)
      .where(eq(session.userId, userId)),
    db
      .select({ club: organization.name, role: member.role, since: member.createdAt })
      .from(member)
      .innerJoin(organization, eq(organization.id, member.organizationId))
      .where(eq(member.userId, userId)),
    db
      .select({ club: organization.name, email: invitation.email, role: invitation.role, status: invitation.status })
      .from(invitation)
      .innerJoin(organization, eq(organization.id, invitation.organizationId))
      .where(eq(invitation.inviterId, userId)),
  ]);
  return { exportedAt: new Date().toISOString(), profile, logins, sessions, clubs, invitationsSent: invitations };
}
