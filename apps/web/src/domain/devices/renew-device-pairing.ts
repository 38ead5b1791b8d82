import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { device } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { newPairing } from './device-secrets.ts';

/**
 * Rotates a device's token without a gap: a new one-time pairing code; the current token keeps
 * working until the device pairs with the code, which replaces it. Also re-pairs a device that
 * was reset or replaced (a lost phone is revoked instead).
 */
export async function renewDevicePairing(
  tx: Tx,
  { now = new Date() }: Ctx<'now'>,
  { actor, clubId, deviceId }: { actor: Actor; clubId: string; deviceId: string },
) {
  if (!isUuid(deviceId)) throw new DomainError('not_found');
  const pairing = newPairing(now);
  const [renewed] = await tx
    .update(device)
    .set(pairing.columns)
    .where(and(eq(device.id, deviceId), eq(device.clubId, clubId), isNull(device.revokedAt)))
    .returning({ name: device.name });
  if (!renewed) throw new DomainError('not_found');
  await recordActivity(tx, { clubId, actor, action: 'device.pairing_renewed', subject: { deviceId }, details: { device: renewed.name } });
  return { name: renewed.name, pairingCode: pairing.code };
}
