import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { user } from '../../db/schema/index.ts';
import type { Locale } from '../../i18n/index.ts';
import type { Person } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';

/** A person's own name and language. */
export async function updateProfile(
  db: Executor,
  { now = new Date() }: Ctx<'now'>,
  { actor, profile }: { actor: Person; profile: { name: string; locale: Locale } },
): Promise<void> {
  await db.update(user).set({ name: profile.name, locale: profile.locale, updatedAt: now }).where(eq(user.id, actor.userId));
}
