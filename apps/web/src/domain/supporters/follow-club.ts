import { randomBytes } from 'node:crypto';
import type { Executor } from '../../db/client.ts';
import { clubFollower } from '../../db/schema/index.ts';

export async function followClub(db: Executor, userId: string, clubId: string): Promise<void> {
  await db
    .insert(clubFollower)
    .values({ userId, clubId, unsubscribeToken: randomBytes(24).toString('base64url') })
    .onConflictDoNothing();
}
