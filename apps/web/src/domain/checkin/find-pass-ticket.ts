import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { seasonPass, ticket } from '../../db/schema/index.ts';
import type { CheckedCode } from './redeem-ticket.ts';

/**
 * A season pass's ticket row on the scanned match (decision 021, point 4): the valid one, else the
 * latest (lent, given back, revoked: refused as such). Null when the pass does not cover the match.
 */
const passRow = (where: ReturnType<typeof and>) => (db: Executor) =>
  db
    .select({ id: ticket.id })
    .from(ticket)
    .innerJoin(seasonPass, eq(seasonPass.id, ticket.seasonPassId))
    .where(where)
    .orderBy(desc(sql`${ticket.status} = 'valid'`), desc(ticket.createdAt))
    .limit(1);

/**
 * A verified code whose match id is not the scanned match, read as a season pass code (pass id as
 * ticket id, product id as match id): rewritten to name the pass's row on the scanned match, so it is
 * judged and admitted like any ticket. Left as it is (`wrong_match`) when no such row exists.
 */
export async function resolvePassCode(db: Executor, code: CheckedCode, scope: { clubId: string; matchId: string }): Promise<CheckedCode> {
  const { verified } = code;
  if (!verified.ok || verified.matchId === scope.matchId || code.keyClubId !== scope.clubId) return code;
  const [row] = await passRow(
    and(
      eq(seasonPass.id, verified.ticketId),
      eq(seasonPass.productId, verified.matchId),
      eq(seasonPass.clubId, scope.clubId),
      eq(ticket.matchId, scope.matchId),
    ),
  )(db);
  if (!row) return code;
  return { verified: { ...verified, ticketId: row.id, matchId: scope.matchId }, keyClubId: code.keyClubId, ticketId: row.id };
}

/**
 * The row, on the scanned match, of the pass whose short code was typed (unique within its product; a
 * pass has a row only on the matches its product covers).
 */
export async function findPassTicketByShortCode(db: Executor, scope: { clubId: string; matchId: string }, shortCode: string) {
  const [row] = await passRow(
    and(eq(seasonPass.clubId, scope.clubId), eq(seasonPass.shortCode, shortCode), eq(ticket.matchId, scope.matchId)),
  )(db);
  return row ?? null;
}
