import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { organization } from '../../db/schema/index.ts';

export interface ClubProfile {
  name: string;
  commune: string;
  colorPrimary?: string;
  colorSecondary?: string;
}

/** Name, commune and colours of a club; the slug (its address) stays, so shared links keep working. */
export async function updateClubProfile(db: Executor, clubId: string, profile: ClubProfile): Promise<void> {
  await db
    .update(organization)
    .set({
      name: profile.name,
      commune: profile.commune,
      colorPrimary: profile.colorPrimary ?? null,
      colorSecondary: profile.colorSecondary ?? null,
    })
    .where(eq(organization.id, clubId));
}
