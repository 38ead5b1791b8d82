import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  boxOfficeQuota,
  boxOfficeSetting,
  boxOfficeShift,
  DEFAULT_QUOTA_SEATS,
  matchStand,
  type SaleCategory,
} from '../../db/schema/index.ts';
import { seatsLeft } from '../catalog/match-status.ts';
import { findScanScope } from '../devices/find-scan-scope.ts';
import { DomainError } from '../errors.ts';
import { gatePrices } from './gate-match.ts';
import { type GateDevice, maySell } from './gate-seller.ts';
import { summarizeShift } from './summarize-shift.ts';

/**
 * What the Sell mode of a device shows for a match: per stand it serves, the prices (from the match),
 * the seats left online and the seats of its own quota left for offline sales; its open shift's cash so
 * far. A device the club has not let sell is refused (forbidden).
 */
export async function findGateCatalog(db: Executor, dev: GateDevice, matchId: string) {
  await findScanScope(db, dev, matchId);
  if (!(await maySell(db, dev))) throw new DomainError('forbidden');
  const prices = await gatePrices(db, dev, matchId);
  const ids = [...new Set(prices.map((p) => p.matchStandId))];
  const [seats, quotas, [setting], [shift]] = await Promise.all([
    ids.length === 0 ? [] : db.select().from(matchStand).where(inArray(matchStand.id, ids)),
    ids.length === 0
      ? []
      : db
          .select({
            matchStandId: boxOfficeQuota.matchStandId,
            left: sql<number>`(${boxOfficeQuota.reserved} - ${boxOfficeQuota.used})::int`,
          })
          .from(boxOfficeQuota)
          .where(and(eq(boxOfficeQuota.deviceId, dev.id), isNull(boxOfficeQuota.releasedAt), inArray(boxOfficeQuota.matchStandId, ids))),
    db.select({ seats: boxOfficeSetting.quotaSeats }).from(boxOfficeSetting).where(eq(boxOfficeSetting.clubId, dev.clubId)),
    db
      .select({ id: boxOfficeShift.id, openedAt: boxOfficeShift.openedAt })
      .from(boxOfficeShift)
      .where(and(eq(boxOfficeShift.deviceId, dev.id), eq(boxOfficeShift.matchId, matchId), isNull(boxOfficeShift.closedAt))),
  ]);
  const stands = ids.map((id) => {
    const own = prices.filter((p) => p.matchStandId === id);
    const row = seats.find((s) => s.id === id)!;
    return {
      matchStandId: id,
      name: own[0]!.stand,
      seatsLeft: seatsLeft(row),
      quotaLeft: quotas.find((q) => q.matchStandId === id)?.left ?? 0,
      prices: own.map((p) => ({ category: p.category as SaleCategory, priceCents: p.priceCents })),
    };
  });
  const cash = shift ? await summarizeShift(db, shift.id) : { categories: [], expectedCents: 0 };
  return {
    quotaSeats: setting?.seats ?? DEFAULT_QUOTA_SEATS,
    stands,
    shift: shift ? { openedAt: shift.openedAt, ...cash } : null,
  };
}
