import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { account, user } from '../../db/schema/index.ts';
import type { Locale } from '../../i18n/index.ts';

/**
 * Creates (or finds) a user whose address is known good without a mail round trip: the operator's
 * platform admin and the demo accounts. Returns the user id and whether it was created.
 */
export async function createVerifiedUser(
  db: Executor,
  input: { email: string; name: string; passwordHash: string; locale: Locale; platformRole?: 'admin' },
): Promise<{ id: string; created: boolean }> {
  const email = input.email.toLowerCase();
  const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
  if (existing) {
    if (input.platformRole) await db.update(user).set({ platformRole: input.platformRole }).where(eq(user.id, existing.id));
    return { id: existing.id, created: false };
  }
  const id = randomUUID().replace(/-/g, '');
  const now = new Date();
  await db.insert(user).values({
    id,
    email,
    name: input.name,
    emailVerified: true,
    locale: input.locale,
    platformRole: input.platformRole ?? null,
    createdAt: now,
    updatedAt: now,
  });
  await db.insert(account).values({
    id: randomUUID().replace(/-/g, ''),
    accountId: id,
    providerId: 'credential',
    userId: id,
    password: input.passwordHash,
    createdAt: now,
    updatedAt: now,
  });
  return { id, created: true };
}
