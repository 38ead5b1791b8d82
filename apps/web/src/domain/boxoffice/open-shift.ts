import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { boxOfficeShift } from '../../db/schema/index.ts';
import type { GateDevice } from './gate-seller.ts';

/**
 * The device's open shift for this match: the one it has, or a new one (its first sale opens it, or the
 * steward explicitly). One statement each way; two at once end with one shift (partial unique index).
 */
export async function openShift(tx: Tx, dev: GateDevice, matchId: string, now: Date) {
  await tx
    .insert(boxOfficeShift)
    .values({ clubId: dev.clubId, matchId, deviceId: dev.id, deviceName: dev.name, openedAt: now })
    .onConflictDoNothing();
  const [shift] = await tx
    .select()
    .from(boxOfficeShift)
    .where(and(eq(boxOfficeShift.deviceId, dev.id), eq(boxOfficeShift.matchId, matchId), isNull(boxOfficeShift.closedAt)));
  return shift!;
}
