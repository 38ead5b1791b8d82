import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { match, matchStand } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { findClubMatch } from './find-club-match.ts';
import { checkMatch, type MatchInput } from './match-rules.ts';

/**
 * Edits a match. Once seats are sold, the kick-off and the venue are what buyers paid for: a new
 * date goes through postponing (which tells them), not through an edit.
 */
export async function updateMatch(tx: Tx, clubId: string, matchId: string, input: MatchInput, now = new Date()): Promise<void> {
  const current = await findClubMatch(tx, clubId, matchId);
  if (current.status === 'cancelled' || current.kickoffAt <= now) throw new DomainError('match_not_editable');
  const values = await checkMatch(tx, clubId, input, now);
  if (current.seatsTaken > 0) {
    if (values.kickoffAt.getTime() !== current.kickoffAt.getTime()) throw new DomainError('match_not_editable', {}, 'kickoffAt');
    if (values.venueId !== current.venueId || values.isHome !== current.isHome) throw new DomainError('match_not_editable', {}, 'venueId');
  }
  // Stands opened at the previous venue (none sold, as checked above) do not follow the match.
  if (values.venueId !== current.venueId) await tx.delete(matchStand).where(eq(matchStand.matchId, matchId));
  await tx
    .update(match)
    .set(values)
    .where(and(eq(match.id, matchId), eq(match.clubId, clubId)));
}
