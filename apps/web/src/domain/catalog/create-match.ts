import type { Executor } from '../../db/client.ts';
import { match } from '../../db/schema/index.ts';
import { checkMatch, type MatchInput } from './match-rules.ts';

/** A new match is announced ("scheduled"); the club opens stands and then puts it on sale. */
export async function createMatch(db: Executor, clubId: string, input: MatchInput, now = new Date()): Promise<string> {
  const values = await checkMatch(db, clubId, input, now);
  const [created] = await db
    .insert(match)
    .values({ clubId, ...values, status: 'scheduled' })
    .returning({ id: match.id });
  return created!.id;
}
