import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { competition, organization } from '../../db/schema/index.ts';
import { clubVerified } from '../clubs/club-verified.ts';

/** What the catalog's filters offer: the active clubs and the competitions. */
export async function listCatalogChoices(db: Executor) {
  const [clubs, competitions] = await Promise.all([
    db
      .select({ slug: organization.slug, name: organization.name, verified: clubVerified(organization.verifiedAt) })
      .from(organization)
      .where(eq(organization.status, 'active'))
      .orderBy(asc(organization.name)),
    db
      .select({ id: competition.id, slug: competition.slug, name: competition.name, kind: competition.kind })
      .from(competition)
      .orderBy(asc(competition.name)),
  ]);
  return { clubs, competitions };
}
