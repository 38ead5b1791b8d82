import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { device, scanConflict } from '../../db/schema/index.ts';

const admittedDevice = alias(device, 'admitted_device');
const alsoDevice = alias(device, 'also_device');

/**
 * The people of a match let in by a device that could not know better (offline), newest first: the
 * entry that counts (device and time, none when the server refuses the ticket) and the other one.
 */
export async function listScanConflicts(db: Executor, clubId: string, matchId: string) {
  return db
    .select({
      id: scanConflict.id,
      detectedAt: scanConflict.detectedAt,
      ticketId: scanConflict.ticketId,
      reason: scanConflict.reason,
      admittedBy: admittedDevice.name,
      admittedAt: scanConflict.admittedAt,
      alsoBy: alsoDevice.name,
      alsoAt: scanConflict.alsoAt,
    })
    .from(scanConflict)
    .leftJoin(admittedDevice, and(eq(admittedDevice.id, scanConflict.admittedByDevice), eq(admittedDevice.clubId, clubId)))
    .leftJoin(alsoDevice, and(eq(alsoDevice.id, scanConflict.alsoByDevice), eq(alsoDevice.clubId, clubId)))
    .where(and(eq(scanConflict.clubId, clubId), eq(scanConflict.matchId, matchId)))
    .orderBy(desc(scanConflict.detectedAt), desc(scanConflict.id));
}
