import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { match, matchStand } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { findClubMatch } from './find-club-match.ts';
import { checkMatch, type MatchInput } from './match-rules.ts';

/**
 * Edits a match. Once seats are sold, the kick-off and the venue are what buyers paid for: a new
 * date goes through postponing (which tells them), not through an edit.
 */
export async function updateMatch(
  tx: Tx,
  { now = new Date() }: Ctx<'now'>,
  input: { actor: Actor; clubId: string; matchId: string; match: MatchInput },
): Promise<void> {
  const { clubId, matchId } = input;
  const current = await findClubMatch(tx, clubId, matchId);
  if (current.status === 'cancelled' || current.kickoffAt <= now) throw new DomainError('match_not_editable');
  const values = await checkMatch(tx, clubId, input.match, now);
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
  // The log says what changed; a form saved as it was changed nothing and leaves no line.
  const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
  const fields = (Object.keys(values) as (keyof typeof values)[]).filter((key) => !same(values[key], current[key]));
  if (fields.length > 0)
    await recordActivity(tx, { clubId, actor: input.actor, action: 'match.updated', subject: { matchId }, details: { fields } });
}
