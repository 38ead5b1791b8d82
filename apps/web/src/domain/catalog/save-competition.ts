import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { competition } from '../../db/schema/index.ts';
import type { Actor } from '../activity/record-activity.ts';
import { slugify } from '../clubs/pick-club-slug.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';

export const COMPETITION_KINDS = ['league', 'cup', 'friendly', 'youth'] as const;

/**
 * Adds a competition to the platform's list, or renames one (platform admin). The slug, used in
 * shared catalog links, is made once from the first name and kept.
 */
export async function saveCompetition(
  db: Executor,
  _ctx: Ctx,
  { competition: input }: { actor: Actor; competition: { id?: string; name: string; kind: (typeof COMPETITION_KINDS)[number] } },
) {
  if (input.id) {
    const updated = await db
      .update(competition)
      .set({ name: input.name, kind: input.kind })
      .where(eq(competition.id, input.id))
      .returning({ id: competition.id });
    if (updated.length === 0) throw new DomainError('not_found');
    return updated[0]!.id;
  }
  const base = slugify(input.name);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const created = await db
      .insert(competition)
      .values({ slug, name: input.name, kind: input.kind })
      .onConflictDoNothing()
      .returning({ id: competition.id });
    if (created.length > 0) return created[0]!.id;
  }
}
