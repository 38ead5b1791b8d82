import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { invitation } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';

/** A pending invitation of this club by id; other clubs' invitations are not found here. */
export async function findClubInvitation(db: Executor, clubId: string, invitationId: string) {
  const [row] = await db
    .select({ id: invitation.id, email: invitation.email })
    .from(invitation)
    .where(and(eq(invitation.id, invitationId), eq(invitation.organizationId, clubId), eq(invitation.status, 'pending')));
  if (!row) throw new DomainError('not_found');
  return row;
}
