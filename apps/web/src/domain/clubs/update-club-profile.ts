import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { organization } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
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
export async function updateClubProfile(tx: Tx, _ctx: Ctx, input: { actor: Actor; clubId: string; profile: ClubProfile }): Promise<void> {
  const { clubId, profile } = input;
  const [current] = await tx.select({ name: organization.name }).from(organization).where(eq(organization.id, clubId));
  const renamed = !current || clubNameForms(current.name).full !== clubNameForms(profile.name).full;
  await tx
    .update(organization)
    .set({
      name: profile.name,
      commune: profile.commune,
      colorPrimary: profile.colorPrimary ?? null,
      colorSecondary: profile.colorSecondary ?? null,
      ...(renamed ? { verifiedAt: null } : {}),
    })
    .where(eq(organization.id, clubId));
  await recordActivity(tx, {
    clubId,
    actor: input.actor,
    action: 'club.profile_updated',
    details: renamed && current ? { from: current.name, to: profile.name } : {},
  });
}
