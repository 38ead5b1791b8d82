import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { user } from '../../db/schema/index.ts';
import type { Locale } from '../../i18n/index.ts';
import type { Person } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';

export async function setPreferredLocale(db: Executor, _ctx: Ctx, { actor, locale }: { actor: Person; locale: Locale }): Promise<void> {
  await db.update(user).set({ locale }).where(eq(user.id, actor.userId));
}
