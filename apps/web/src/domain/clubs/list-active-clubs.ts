import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { organization } from '../../db/schema/index.ts';
import { clubVerified } from './club-verified.ts';

/** A club as a comparison of names shows it: enough for a person to tell two clubs of one name apart. */
export interface NamedClub {
  id: string;
  name: string;
  slug: string;
  commune: string | null;
  verified: boolean;
}

/**
 * Every active club, by name: what a new club name and an opponent's name are compared against.
 * Names are compared in memory (club-name.ts): a few thousand short strings, one pass.
 */
export function listActiveClubs(db: Executor): Promise<NamedClub[]> {
  return db
    .select({
      id: organization.id,
      name: organization.name,
      slug: organization.slug,
      commune: organization.commune,
      verified: clubVerified(organization.verifiedAt),
    })
    .from(organization)
    .where(eq(organization.status, 'active'))
    .orderBy(asc(organization.name), asc(organization.slug));
}
