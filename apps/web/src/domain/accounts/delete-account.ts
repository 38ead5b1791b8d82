import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { account, device, member, organization, user } from '../../db/schema/index.ts';
import type { Person } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';

/**
 * Erases a person (GDPR art. 17): the user row and, by cascade, sessions, logins and memberships;
 * their browser scanners are revoked.
 * Refused while they are the only owner of a club, which would leave it without anyone in charge.
 * Only the person themselves (the actor) erases their account.
 */
export async function deleteAccount(
  tx: Tx,
  { now = new Date() }: Ctx<'now'>,
  { actor, ...input }: { actor: Person; password: string; verifyPassword: (hash: string, password: string) => Promise<boolean> },
): Promise<void> {
  const { userId } = actor;
  const [person] = await tx.select({ platformRole: user.platformRole }).from(user).where(eq(user.id, userId));
  if (!person) throw new DomainError('not_found');
  // The platform's own administrators are removed by another administrator, not by themselves.
  if (person.platformRole === 'admin') throw new DomainError('forbidden');
  const [credential] = await tx
    .select({ hash: account.password })
    .from(account)
    .where(and(eq(account.userId, userId), eq(account.providerId, 'credential')));
  if (!credential?.hash || !(await input.verifyPassword(credential.hash, input.password))) {
    throw new DomainError('wrong_password');
  }
  const [soleOwned] = await tx
    .select({ club: organization.name })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(
      and(
        eq(member.userId, userId),
        eq(member.role, 'owner'),
        sql`NOT EXISTS (SELECT 1 FROM ${member} other WHERE other.organization_id = ${member.organizationId}
            AND other.role = 'owner' AND other.user_id <> ${userId})`,
      ),
    )
    .limit(1);
  if (soleOwned) throw new DomainError('sole_owner', { club: soleOwned.club });
  // Their browser scanners stop; the devices stay (unlinked) with the scans they recorded for the clubs.
  await tx
    .update(device)
    .set({ revokedAt: now })
    .where(and(eq(device.userId, userId), isNull(device.revokedAt)));
  await tx.delete(user).where(eq(user.id, userId));
}
