import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { device } from '../../db/schema/index.ts';
import { hashSecret } from './device-secrets.ts';

/** The device behind a bearer token, or null (unknown or revoked: refused at once). */
export async function authenticateDevice(db: Executor, token: string) {
  if (token.length < 32 || token.length > 128) return null;
  const [found] = await db
    .select({ id: device.id, clubId: device.clubId, name: device.name, kind: device.kind })
    .from(device)
    .where(and(eq(device.tokenHash, hashSecret(token)), isNull(device.revokedAt)));
  return found ?? null;
}
