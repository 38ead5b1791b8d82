import type { Tx } from '../../db/client.ts';
import { match } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { checkMatch, type MatchInput } from './match-rules.ts';

/** A new match is announced ("scheduled"); the club opens stands and then puts it on sale. */
export async function createMatch(
  tx: Tx,
  { now = new Date() }: Ctx<'now'>,
  input: { actor: Actor; clubId: string; match: MatchInput },
): Promise<string> {
  const values = await checkMatch(tx, input.clubId, input.match, now);
  const [created] = await tx
    .insert(match)
    .values({ clubId: input.clubId, ...values, status: 'scheduled' })
    .returning({ id: match.id });
  await recordActivity(tx, { clubId: input.clubId, actor: input.actor, action: 'match.created', subject: { matchId: created!.id } });
  return created!.id;
}
