import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { match, stand } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { checkMatch, type MatchInput } from './match-rules.ts';
import { setMatchStands } from './set-match-stands.ts';

/**
 * A new match is announced ("scheduled"); the club opens stands and then puts it on sale. `openStands`
 * opens those of the venue's stands at once, with their capacity and prices (the new-match form ticks
 * them all): ids of other venues' stands are ignored, as the form lists every venue's.
 */
export async function createMatch(
  tx: Tx,
  ctx: Ctx<'now'>,
  input: { actor: Actor; clubId: string; match: MatchInput; openStands?: readonly string[] },
): Promise<string> {
  const values = await checkMatch(tx, input.clubId, input.match, ctx.now ?? new Date());
  const [created] = await tx
    .insert(match)
    .values({ clubId: input.clubId, ...values, status: 'scheduled' })
    .returning({ id: match.id });
  const matchId = created!.id;
  await recordActivity(tx, { clubId: input.clubId, actor: input.actor, action: 'match.created', subject: { matchId } });
  if (values.venueId && input.openStands?.length) {
    const atVenue = await tx
      .select({ id: stand.id })
      .from(stand)
      .where(and(eq(stand.clubId, input.clubId), eq(stand.venueId, values.venueId), isNull(stand.archivedAt)));
    const chosen = atVenue.filter((s) => input.openStands!.includes(s.id));
    if (chosen.length > 0) {
      await setMatchStands(tx, ctx, {
        actor: input.actor,
        clubId: input.clubId,
        matchId,
        stands: chosen.map((s) => ({ standId: s.id, open: true, prices: {} })),
      });
    }
  }
  return matchId;
}
