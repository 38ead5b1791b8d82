import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { ticket } from '../../db/schema/index.ts';
import { toBrusselsLocal } from '../time.ts';

/** Tickets admitted per minute of Brussels time, for the chart after the match (minutes with entries). */
export async function countEntriesPerMinute(db: Executor, clubId: string, matchId: string) {
  const rows = await db
    .select({ usedAt: ticket.usedAt })
    .from(ticket)
    .where(and(eq(ticket.clubId, clubId), eq(ticket.matchId, matchId), eq(ticket.status, 'valid'), isNotNull(ticket.usedAt)))
    .orderBy(asc(ticket.usedAt));
  const minutes: { minute: string; entries: number }[] = [];
  for (const { usedAt } of rows) {
    const minute = toBrusselsLocal(usedAt!);
    const last = minutes.at(-1);
    if (last?.minute === minute) last.entries++;
    else minutes.push({ minute, entries: 1 });
  }
  return minutes;
}
