import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { boxOfficeQuota, match, matchStand } from '../../db/schema/index.ts';
import type { Actor } from '../activity/record-activity.ts';
import { PLAYED_AFTER_MS } from '../catalog/match-status.ts';
import type { Ctx } from '../context.ts';

/**
 * Gives back the seats of open quotas that were not sold: each quota row is closed by one guarded
 * UPDATE (released once, whoever releases), then its unused seats leave the stand's held. Quota rows
 * go in stand order, as sales lock them.
 */
export async function releaseQuotaRows(tx: Tx, where: { deviceId?: string; matchId?: string; before?: Date }, now: Date): Promise<number> {
  const open = await tx
    .select({ id: boxOfficeQuota.id })
    .from(boxOfficeQuota)
    .innerJoin(match, eq(match.id, boxOfficeQuota.matchId))
    .where(
      and(
        isNull(boxOfficeQuota.releasedAt),
        where.deviceId ? eq(boxOfficeQuota.deviceId, where.deviceId) : undefined,
        where.matchId ? eq(boxOfficeQuota.matchId, where.matchId) : undefined,
        where.before ? lt(match.kickoffAt, where.before) : undefined,
      ),
    )
    .orderBy(asc(boxOfficeQuota.matchStandId), asc(boxOfficeQuota.id));
  let seats = 0;
  for (const { id } of open) {
    const [closed] = await tx
      .update(boxOfficeQuota)
      .set({ releasedAt: now })
      .where(and(eq(boxOfficeQuota.id, id), isNull(boxOfficeQuota.releasedAt)))
      .returning({
        matchStandId: boxOfficeQuota.matchStandId,
        unused: sql<number>`(${boxOfficeQuota.reserved} - ${boxOfficeQuota.used})::int`,
      });
    if (!closed || closed.unused === 0) continue;
    await tx
      .update(matchStand)
      .set({ held: sql`${matchStand.held} - ${closed.unused}` })
      .where(eq(matchStand.id, closed.matchStandId));
    seats += closed.unused;
  }
  return seats;
}

/**
 * After a match is played, the quotas of devices that never came back to close their shift are given
 * back (a job, every minute with the lapsed holds). Returns the seats given back.
 */
export async function releaseLapsedQuotas(tx: Tx, { now = new Date() }: Ctx<'now'>, _input: { actor: Actor }): Promise<number> {
  return releaseQuotaRows(tx, { before: new Date(now.getTime() - PLAYED_AFTER_MS) }, now);
}
