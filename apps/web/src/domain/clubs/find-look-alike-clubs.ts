import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { organization } from '../../db/schema/index.ts';
import { clubNameForms, looksAlike } from './club-name.ts';

export interface LookAlikeClub {
  id: string;
  name: string;
  slug: string;
  commune: string | null;
  verified: boolean;
}

/**
 * The active clubs whose name a supporter would take for `name`, other than `exceptClubId` (the
 * club renaming itself) and those the person already said they are not (`confirmed` ids). Empty:
 * the name may be used. Names are compared in memory: a few thousand short strings, one pass.
 */
export async function findLookAlikeClubs(
  db: Executor,
  name: string,
  { exceptClubId, confirmed = [] }: { exceptClubId?: string; confirmed?: readonly string[] } = {},
): Promise<LookAlikeClub[]> {
  const forms = clubNameForms(name);
  const clubs = await db
    .select({
      id: organization.id,
      name: organization.name,
      slug: organization.slug,
      commune: organization.commune,
      verifiedAt: organization.verifiedAt,
    })
    .from(organization)
    .where(eq(organization.status, 'active'))
    .orderBy(asc(organization.name));
  return clubs
    .filter((club) => club.id !== exceptClubId && !confirmed.includes(club.id) && looksAlike(forms, clubNameForms(club.name)))
    .map(({ verifiedAt, ...club }) => ({ ...club, verified: verifiedAt !== null }));
}
