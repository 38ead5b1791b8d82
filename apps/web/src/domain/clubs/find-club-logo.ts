import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { clubLogo } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';

export async function findClubLogo(db: Executor, clubId: string) {
  const [logo] = await db
    .select({ contentType: clubLogo.contentType, bytes: clubLogo.bytes })
    .from(clubLogo)
    .where(eq(clubLogo.clubId, clubId));
  if (!logo) throw new DomainError('not_found');
  return logo;
}
