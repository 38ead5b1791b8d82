import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { device } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { newPairing } from './device-secrets.ts';

/**
 * Rotates a device's token without a gap: a new one-time pairing code; the current token keeps
 * working until the device pairs with the code, which replaces it. Also re-pairs a device that
 * was reset or replaced (a lost phone is revoked instead).
 */
export async function renewDevicePairing(db: Executor, clubId: string, deviceId: string, now = new Date()) {
  if (!isUuid(deviceId)) throw new DomainError('not_found');
  const pairing = newPairing(now);
  const [renewed] = await db
    .update(device)
    .set(pairing.columns)
    .where(and(eq(device.id, deviceId), eq(device.clubId, clubId), isNull(device.revokedAt)))
    .returning({ name: device.name });
  if (!renewed) throw new DomainError('not_found');
  return { name: renewed.name, pairingCode: pairing.code };
}
