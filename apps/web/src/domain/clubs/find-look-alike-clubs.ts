import type { Executor } from '../../db/client.ts';
import { clubNameForms, looksAlike } from './club-name.ts';
import { listActiveClubs, type NamedClub } from './list-active-clubs.ts';

export type LookAlikeClub = NamedClub;

/**
 * The active clubs whose name a supporter would take for `name`, other than `exceptClubId` (the
 * club renaming itself) and those the person already said they are not (`confirmed` ids). Empty:
 * the name may be used.
 */
export async function findLookAlikeClubs(
  db: Executor,
  name: string,
  { exceptClubId, confirmed = [] }: { exceptClubId?: string; confirmed?: readonly string[] } = {},
): Promise<LookAlikeClub[]> {
  const forms = clubNameForms(name);
  return (await listActiveClubs(db)).filter(
    (club) => club.id !== exceptClubId && !confirmed.includes(club.id) && looksAlike(forms, clubNameForms(club.name)),
  );
}
