import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { device } from '../../db/schema/index.ts';
import { deviceActive } from './device-active.ts';
import { hashSecret } from './device-secrets.ts';

/**
 * The device behind a bearer token, or null: unknown, revoked, or the browser of a staff member who
 * is no longer on the club's staff — all refused at once.
 */
export async function authenticateDevice(db: Executor, token: string) {
  if (!tokenShaped(token)) return null;
  const [found] = await db
    .select({
      id: device.id,
      clubId: device.clubId,
      name: device.name,
      kind: device.kind,
      matchIds: device.matchIds,
      standIds: device.standIds,
    })
    .from(device)
    .where(and(eq(device.tokenHash, hashSecret(token)), deviceActive));
  return found ?? null;
}

/** Whether a string could be a device token at all (checked before any query). */
export const tokenShaped = (token: string) => token.length >= 32 && token.length <= 128;
