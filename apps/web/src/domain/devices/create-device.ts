import type { Executor } from '../../db/client.ts';
import { device } from '../../db/schema/index.ts';
import { newPairing } from './device-secrets.ts';

/** A new scanner or gate of the club, with a one-time pairing code shown once (15 minutes). */
export async function createDevice(db: Executor, clubId: string, input: { name: string; kind: 'phone' | 'gate' }, now = new Date()) {
  const pairing = newPairing(now);
  const [created] = await db
    .insert(device)
    .values({ clubId, ...input, ...pairing.columns })
    .returning({ id: device.id });
  return { deviceId: created!.id, pairingCode: pairing.code };
}
