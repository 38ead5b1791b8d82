import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { boxOfficeSale, boxOfficeShift } from '../../db/schema/index.ts';

/** The box office shifts of one match of this club, first opened first, with their sales and cash count. */
export async function listMatchShifts(db: Executor, clubId: string, matchId: string) {
  const rows = await db
    .select({
      id: boxOfficeShift.id,
      deviceName: boxOfficeShift.deviceName,
      openedAt: boxOfficeShift.openedAt,
      closedAt: boxOfficeShift.closedAt,
      closedByName: boxOfficeShift.closedByName,
      expectedCents: boxOfficeShift.expectedCents,
      countedCents: boxOfficeShift.countedCents,
      sales: sql<number>`(select count(*)::int from ${boxOfficeSale} s where s.shift_id = box_office_shift.id)`,
    })
    .from(boxOfficeShift)
    .where(and(eq(boxOfficeShift.clubId, clubId), eq(boxOfficeShift.matchId, matchId)))
    .orderBy(asc(boxOfficeShift.openedAt));
  return rows.map((r) => ({
    ...r,
    differenceCents: r.countedCents === null || r.expectedCents === null ? null : r.countedCents - r.expectedCents,
  }));
}
