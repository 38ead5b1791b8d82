import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { device } from '../../db/schema/index.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { hashSecret, newDeviceToken } from './device-secrets.ts';

/**
 * A device exchanges its one-time pairing code for a long-lived token, once: the code is cleared in
 * the same guarded UPDATE, so a code read over someone's shoulder cannot pair a second device. The
 * actor is the device itself, known only by the code it presents.
 */
export async function pairDevice(db: Executor, { now = new Date() }: Ctx<'now'>, { code }: { code: string }) {
  const token = newDeviceToken();
  const [paired] = await db
    .update(device)
    .set({ tokenHash: hashSecret(token), pairingCodeHash: null, pairingExpiresAt: null })
    .where(
      and(eq(device.pairingCodeHash, hashSecret(code.trim().toUpperCase())), gt(device.pairingExpiresAt, now), isNull(device.revokedAt)),
    )
    .returning({ id: device.id, clubId: device.clubId, name: device.name });
  if (!paired) throw new DomainError('not_found');
  return { deviceId: paired.id, clubId: paired.clubId, name: paired.name, token };
}
