import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { device, gateEvent } from '../../db/schema/index.ts';

/** What the club's gates saw at their passages during a match, latest first. */
export function listGateEvents(db: Executor, clubId: string, matchId: string, limit = 100) {
  return db
    .select({ id: gateEvent.id, kind: gateEvent.kind, ticketId: gateEvent.ticketId, at: gateEvent.at, gate: device.name })
    .from(gateEvent)
    .innerJoin(device, eq(device.id, gateEvent.deviceId))
    .where(and(eq(gateEvent.clubId, clubId), eq(gateEvent.matchId, matchId)))
    .orderBy(desc(gateEvent.at))
    .limit(limit);
}
