import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { clubLogo, organization } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';

export async function removeClubLogo(tx: Tx, _ctx: Ctx, input: { actor: Actor; clubId: string }): Promise<void> {
  await tx.delete(clubLogo).where(eq(clubLogo.clubId, input.clubId));
  await tx.update(organization).set({ logo: null }).where(eq(organization.id, input.clubId));
  await recordActivity(tx, { clubId: input.clubId, actor: input.actor, action: 'club.logo_removed' });
}
