import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { clubLogo, organization } from '../../db/schema/index.ts';

export async function removeClubLogo(tx: Tx, clubId: string): Promise<void> {
  await tx.delete(clubLogo).where(eq(clubLogo.clubId, clubId));
  await tx.update(organization).set({ logo: null }).where(eq(organization.id, clubId));
}
