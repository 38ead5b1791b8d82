import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { stand } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';

/** An archived stand is no longer offered for new matches; matches already open keep it. */
export async function setStandArchived(db: Executor, clubId: string, standId: string, archived: boolean): Promise<void> {
  const updated = await db
    .update(stand)
    .set({ archivedAt: archived ? new Date() : null })
    .where(and(eq(stand.id, standId), eq(stand.clubId, clubId)))
    .returning({ id: stand.id });
  if (updated.length === 0) throw new DomainError('not_found');
}
