import type { Executor } from '../../db/client.ts';
import { clubNameForms } from '../clubs/club-name.ts';
import { listActiveClubs, type NamedClub } from '../clubs/list-active-clubs.ts';

export interface OpponentClubs {
  /** Every other active club whose name, once normalised, is the typed one. */
  candidates: NamedClub[];
  /** The club the match links to without asking, or null. */
  linked: string | null;
  /** Several candidates rank first: the club must choose (or link none); nobody is taken silently. */
  ambiguous: boolean;
}

/**
 * The platform clubs an opponent's name may mean. A name matches a club when their bases (the name
 * without legal form, accents, look-alike letters) are equal; among several, the one whose full
 * name matches ranks first, then a verified one. A tie at the top is for the club to settle: a
 * copy registered under the same name never wins by being found first.
 */
export async function findOpponentClubs(db: Executor, clubId: string, opponentName: string): Promise<OpponentClubs> {
  const typed = clubNameForms(opponentName);
  const clubs = (await listActiveClubs(db)).filter((club) => club.id !== clubId);
  const scored = clubs
    .map((club) => ({ ...club, forms: clubNameForms(club.name) }))
    .filter((club) => club.forms.base === typed.base)
    .map(({ forms, ...club }) => ({ club, score: (forms.full === typed.full ? 2 : 0) + (club.verified ? 1 : 0) }));
  const best = Math.max(0, ...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  return {
    candidates: scored.map((s) => s.club),
    linked: top.length === 1 ? top[0]!.club.id : null,
    ambiguous: top.length > 1,
  };
}
