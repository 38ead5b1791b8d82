import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organization } from '../../db/schema/index.ts';
import type { Actor } from '../activity/record-activity.ts';
import type { SalesConfig } from '../sales/fees.ts';
import { activeSigningKey } from './signing-key.ts';

/**
 * A club just registered (by the actor) gets its ticket-signing key at once, so that its devices can
 * be given it.
 */
export async function giveClubSigningKey(
  db: Db,
  { config }: { config: Pick<SalesConfig, 'ticketSealingKey'> },
  { clubSlug }: { actor: Actor; clubSlug: string },
) {
  const [club] = await db.select({ id: organization.id }).from(organization).where(eq(organization.slug, clubSlug));
  if (!club) throw new Error(`club ${clubSlug} was not created`);
  await db.transaction((tx) => activeSigningKey(tx, club.id, config.ticketSealingKey));
}
