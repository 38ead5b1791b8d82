import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { user } from '../../db/schema/index.ts';
import type { Locale } from '../../i18n/index.ts';

export async function setPreferredLocale(db: Executor, userId: string, locale: Locale): Promise<void> {
  await db.update(user).set({ locale }).where(eq(user.id, userId));
}
