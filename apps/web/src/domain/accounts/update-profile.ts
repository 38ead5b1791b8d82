import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { user } from '../../db/schema/index.ts';
import type { Locale } from '../../i18n/index.ts';

export async function updateProfile(db: Executor, userId: string, input: { name: string; locale: Locale }): Promise<void> {
  await db.update(user).set({ name: input.name, locale: input.locale, updatedAt: new Date() }).where(eq(user.id, userId));
}
