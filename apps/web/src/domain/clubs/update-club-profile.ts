import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { organization } from '../../db/schema/index.ts';
import { clubNameForms } from './club-name.ts';

export interface ClubProfile {
  name: string;
  commune: string;
  colorPrimary?: string;
  colorSecondary?: string;
}

/**
 * Name, commune and colours of a club; the slug (its address) stays, so shared links keep working.
 * The verified badge vouches for a name: another name (not just its case, accents or punctuation)
 * loses it until the platform admin checks again.
 */
export async function updateClubProfile(db: Executor, clubId: string, profile: ClubProfile): Promise<void> {
  const [current] = await db.select({ name: organization.name }).from(organization).where(eq(organization.id, clubId));
  const renamed = !current || clubNameForms(current.name).full !== clubNameForms(profile.name).full;
  await db
    .update(organization)
    .set({
      name: profile.name,
      commune: profile.commune,
      colorPrimary: profile.colorPrimary ?? null,
      colorSecondary: profile.colorSecondary ?? null,
      ...(renamed ? { verifiedAt: null } : {}),
    })
    .where(eq(organization.id, clubId));
}
