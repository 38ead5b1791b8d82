import type { HealthReport } from '@footarena/gate-protocol';
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { device, gateEvent, match } from '../../db/schema/index.ts';
import type { Ctx } from '../context.ts';

/**
 * A gate's health report: kept on the device (the back office shows it), and its passage events
 * recorded once each (a report sent again is harmless). Events about a match of another club are
 * acknowledged and dropped. Returns the ids the gate may forget. The gate that reports is the actor.
 */
export async function recordDeviceHealth(
  db: Executor,
  { now = new Date() }: Ctx<'now'>,
  { device: dev, report }: { device: { id: string; clubId: string }; report: HealthReport },
) {
  const { events, ...health } = report;
  await db
    .update(device)
    .set({ lastSeenAt: now, health })
    .where(and(eq(device.id, dev.id), eq(device.clubId, dev.clubId)));
  if (events.length === 0) return [];
  const named = [...new Set(events.map((e) => e.matchId))];
  const own = new Set(
    (
      await db
        .select({ id: match.id })
        .from(match)
        .where(and(eq(match.clubId, dev.clubId), inArray(match.id, named)))
    ).map((m) => m.id),
  );
  const rows = events
    .filter((e) => own.has(e.matchId))
    .map((e) => ({
      id: e.id,
      clubId: dev.clubId,
      matchId: e.matchId,
      deviceId: dev.id,
      kind: e.kind,
      ticketId: e.ticketId,
      // A gate clock ahead of ours cannot date an event in the future.
      at: new Date(Math.min(Date.parse(e.at), now.getTime())),
    }));
  if (rows.length > 0) await db.insert(gateEvent).values(rows).onConflictDoNothing();
  return events.map((e) => e.id);
}
