import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { boxOfficeSeller, member, user } from '../../db/schema/index.ts';
import { type Person, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';

/** An owner or admin lets a staff member sell at the gate from their own scanner, or stops them (staff page). */
export async function setMemberSelling(tx: Tx, _ctx: Ctx, input: { actor: Person; clubId: string; memberId: string; canSell: boolean }) {
  const [staff] = await tx
    .select({ userId: member.userId, name: user.name })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.id, input.memberId), eq(member.organizationId, input.clubId)));
  if (!staff) throw new DomainError('not_found');
  if (input.canSell) await tx.insert(boxOfficeSeller).values({ clubId: input.clubId, userId: staff.userId }).onConflictDoNothing();
  else await tx.delete(boxOfficeSeller).where(and(eq(boxOfficeSeller.clubId, input.clubId), eq(boxOfficeSeller.userId, staff.userId)));
  await recordActivity(tx, {
    clubId: input.clubId,
    actor: input.actor,
    action: 'box_office.seller_changed',
    subject: { memberId: input.memberId },
    details: { member: staff.name, canSell: input.canSell },
  });
}
