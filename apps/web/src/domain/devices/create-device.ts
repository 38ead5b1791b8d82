import type { Executor } from '../../db/client.ts';
import { device } from '../../db/schema/index.ts';
import { hashSecret, newPairingCode, PAIRING_MINUTES } from './device-secrets.ts';

/** A new scanner or gate of the club, with a one-time pairing code shown once (15 minutes). */
export async function createDevice(db: Executor, clubId: string, input: { name: string; kind: 'phone' | 'gate' }, now = new Date()) {
  const pairingCode = newPairingCode();
  const [created] = await db
    .insert(device)
    .values({
      clubId,
      ...input,
      pairingCodeHash: hashSecret(pairingCode),
      pairingExpiresAt: new Date(now.getTime() + PAIRING_MINUTES * 60_000),
    })
    .returning({ id: device.id });
  return { deviceId: created!.id, pairingCode };
}
