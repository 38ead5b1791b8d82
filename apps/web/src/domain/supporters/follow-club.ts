import { randomBytes } from 'node:crypto';
import type { Executor } from '../../db/client.ts';
import { clubFollower } from '../../db/schema/index.ts';
import type { Person } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';

export async function followClub(db: Executor, _ctx: Ctx, { actor, clubId }: { actor: Person; clubId: string }): Promise<void> {
  await db
    .insert(clubFollower)
    .values({ userId: actor.userId, clubId, unsubscribeToken: randomBytes(24).toString('base64url') })
    .onConflictDoNothing();
}
