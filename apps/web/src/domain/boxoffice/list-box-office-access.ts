import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { boxOfficeSeller, boxOfficeSetting, DEFAULT_QUOTA_SEATS, device, member, user } from '../../db/schema/index.ts';

/** Who may sell at the gate for this club: its active devices and its staff, each with its permission, and the quota setting. */
export async function listBoxOfficeAccess(db: Executor, clubId: string) {
  const [devices, members, [setting]] = await Promise.all([
    db
      .select({
        id: device.id,
        name: device.name,
        kind: device.kind,
        canSell: device.canSell,
        personal: sql<boolean>`${device.userId} is not null`,
      })
      .from(device)
      .where(and(eq(device.clubId, clubId), isNull(device.revokedAt)))
      .orderBy(asc(device.name)),
    db
      .select({
        memberId: member.id,
        name: user.name,
        role: member.role,
        canSell: sql<boolean>`(${boxOfficeSeller.userId} is not null or ${member.role} in ('owner', 'admin'))`,
        always: sql<boolean>`${member.role} in ('owner', 'admin')`,
      })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .leftJoin(boxOfficeSeller, and(eq(boxOfficeSeller.clubId, member.organizationId), eq(boxOfficeSeller.userId, member.userId)))
      .where(eq(member.organizationId, clubId))
      .orderBy(asc(user.name)),
    db.select({ seats: boxOfficeSetting.quotaSeats }).from(boxOfficeSetting).where(eq(boxOfficeSetting.clubId, clubId)),
  ]);
  return { quotaSeats: setting?.seats ?? DEFAULT_QUOTA_SEATS, devices: devices.filter((d) => !d.personal), members };
}
