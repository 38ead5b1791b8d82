import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { invitation, organization, user } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';

/** A pending invitation of an active club as its recipient sees it; anyone else gets `not_found`. */
export async function findInvitation(db: Executor, invitationId: string, recipientEmail: string, now = new Date()) {
  const [row] = await db
    .select({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      club: organization.name,
      clubSlug: organization.slug,
      inviter: user.name,
    })
    .from(invitation)
    .innerJoin(organization, eq(organization.id, invitation.organizationId))
    .innerJoin(user, eq(user.id, invitation.inviterId))
    .where(and(eq(invitation.id, invitationId), eq(invitation.status, 'pending'), eq(organization.status, 'active')));
  if (!row || row.email.toLowerCase() !== recipientEmail.toLowerCase() || row.expiresAt <= now) {
    throw new DomainError('not_found');
  }
  return row;
}
