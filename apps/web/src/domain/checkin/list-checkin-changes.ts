import { and, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { clubSigningKey, ticket } from '../../db/schema/index.ts';

/**
 * A change committed after a sync may carry a time from just before it (a transaction's clock runs
 * from its statement, not its commit): each sync looks this far back, and devices merge sets.
 */
export const SYNC_OVERLAP_MS = 5 * 60_000;

/**
 * What a device needs to check tickets of a match offline (invariant 4): the club's public keys, and
 * the tickets revoked or admitted since the cursor (all of them without one). The cursor is the
 * database's clock, in milliseconds, at this read.
 */
export async function listCheckinChanges(db: Executor, clubId: string, matchId: string, cursor: number | null) {
  const since = cursor === null ? null : new Date(cursor - SYNC_OVERLAP_MS);
  const {
    rows: [clock],
  } = await db.execute<{ ms: string }>(sql`select floor(extract(epoch from clock_timestamp()) * 1000)::bigint::text as ms`);
  const changed = and(eq(ticket.clubId, clubId), eq(ticket.matchId, matchId), since ? gte(ticket.changedAt, since) : undefined);
  const [keys, revoked, used] = await Promise.all([
    db
      .select({ keyId: clubSigningKey.keyId, publicKey: clubSigningKey.publicKey })
      .from(clubSigningKey)
      .where(eq(clubSigningKey.clubId, clubId)),
    db
      .select({ id: ticket.id })
      .from(ticket)
      .where(and(changed, eq(ticket.status, 'revoked'))),
    db
      .select({ id: ticket.id })
      .from(ticket)
      .where(and(changed, isNotNull(ticket.usedAt))),
  ]);
  return {
    cursor: clock!.ms,
    serverTime: new Date(Number(clock!.ms)),
    keys: Object.fromEntries(keys.map((k) => [k.keyId, k.publicKey])),
    revoked: revoked.map((t) => t.id),
    used: used.map((t) => t.id),
  };
}
