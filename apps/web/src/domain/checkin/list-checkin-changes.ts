import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { clubSigningKey, device, seasonPass, seasonProductMatch, ticket } from '../../db/schema/index.ts';

/**
 * A change committed after a sync may carry a time from just before it (a transaction's clock runs
 * from its statement, not its commit): each sync looks this far back, and devices merge sets.
 */
export const SYNC_OVERLAP_MS = 5 * 60_000;

/**
 * What a device needs to check tickets of a match offline (invariant 4): the club's public keys, and
 * the tickets made, revoked or admitted since the cursor (all of them without one): the revoked and the
 * admitted (when, by which device, whether out now), and every short code (what a steward types); the
 * season products covering the match and, for passes whose rows changed, the row each pass code stands
 * for here (decision 021). The cursor is the database's clock, in milliseconds, at this read.
 */
export async function listCheckinChanges(db: Executor, clubId: string, matchId: string, cursor: number | null) {
  const since = cursor === null ? null : new Date(cursor - SYNC_OVERLAP_MS);
  const {
    rows: [clock],
  } = await db.execute<{ ms: string }>(sql`select floor(extract(epoch from clock_timestamp()) * 1000)::bigint::text as ms`);
  const changed = and(eq(ticket.clubId, clubId), eq(ticket.matchId, matchId), since ? gte(ticket.changedAt, since) : undefined);
  const [keys, tickets, products, passes] = await Promise.all([
    db
      .select({ keyId: clubSigningKey.keyId, publicKey: clubSigningKey.publicKey })
      .from(clubSigningKey)
      .where(eq(clubSigningKey.clubId, clubId)),
    db
      .select({
        id: ticket.id,
        status: ticket.status,
        shortCode: ticket.shortCode,
        usedAt: ticket.usedAt,
        device: device.name,
        exitedAt: ticket.exitedAt,
      })
      .from(ticket)
      .leftJoin(device, eq(device.id, ticket.usedByDevice))
      .where(changed),
    db
      .select({ id: seasonProductMatch.productId })
      .from(seasonProductMatch)
      .where(and(eq(seasonProductMatch.clubId, clubId), eq(seasonProductMatch.matchId, matchId))),
    // Each pass with a row changed since the cursor, with the row its code now stands for here: the
    // valid one, else the latest (as the server resolves it, find-pass-ticket.ts).
    db
      .selectDistinctOn([ticket.seasonPassId], { passId: ticket.seasonPassId, id: ticket.id, shortCode: seasonPass.shortCode })
      .from(ticket)
      .innerJoin(seasonPass, eq(seasonPass.id, ticket.seasonPassId))
      .where(
        and(
          eq(ticket.clubId, clubId),
          eq(ticket.matchId, matchId),
          since
            ? sql`${ticket.seasonPassId} in (select t.season_pass_id from ${ticket} t where t.match_id = ${matchId} and t.season_pass_id is not null and t.changed_at >= ${since.toISOString()}::timestamptz)`
            : undefined,
        ),
      )
      .orderBy(ticket.seasonPassId, desc(sql`${ticket.status} = 'valid'`), desc(ticket.createdAt)),
  ]);
  const used = tickets.filter((t) => t.usedAt !== null);
  return {
    cursor: clock!.ms,
    serverTime: new Date(Number(clock!.ms)),
    keys: Object.fromEntries(keys.map((k) => [k.keyId, k.publicKey])),
    revoked: tickets.filter((t) => t.status === 'revoked').map((t) => t.id),
    used: used.map((t) => t.id),
    entries: used.map((t) => ({ id: t.id, at: t.usedAt!, device: t.device, outside: t.exitedAt !== null })),
    // A pass's short code, typed here, stands for its row like a ticket's (a ticket's wins a clash).
    shortCodes: Object.fromEntries([...passes.map((p) => [p.shortCode, p.id]), ...tickets.map((t) => [t.shortCode, t.id])]),
    seasonProducts: products.map((p) => p.id),
    passes: Object.fromEntries(passes.map((p) => [p.passId!, p.id])),
  };
}
