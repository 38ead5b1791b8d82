import { and, isNull, or, sql } from 'drizzle-orm';
import { device, member } from '../../db/schema/index.ts';

/**
 * Whether a device may act: not revoked, and a staff member's browser scanner only while that person
 * is on the club's staff. One condition for authenticating and for what the back office shows.
 */
export const deviceActive = and(
  isNull(device.revokedAt),
  or(
    isNull(device.userId),
    sql`exists (select 1 from ${member} where ${member.userId} = ${device.userId} and ${member.organizationId} = ${device.clubId})`,
  ),
)!;
