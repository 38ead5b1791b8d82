import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { device } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';

export async function revokeDevice(db: Executor, clubId: string, deviceId: string): Promise<void> {
  if (!isUuid(deviceId)) throw new DomainError('not_found');
  const revoked = await db
    .update(device)
    .set({ revokedAt: new Date(), tokenHash: null, pairingCodeHash: null })
    .where(and(eq(device.id, deviceId), eq(device.clubId, clubId)))
    .returning({ id: device.id });
  if (revoked.length === 0) throw new DomainError('not_found');
}
