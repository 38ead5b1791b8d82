import type { Executor } from '../../db/client.ts';
import { device } from '../../db/schema/index.ts';
import { hashSecret, newDeviceToken } from './device-secrets.ts';

/**
 * A staff member's own browser becomes a scanner of the club without a pairing code: their signed-in
 * session vouches for it. It is listed and revocable like any device, and stops working when the
 * member leaves the club (authenticateDevice checks the membership).
 */
export async function startStaffScanner(db: Executor, clubId: string, user: { id: string; name: string }) {
  const token = newDeviceToken();
  const name = `${user.name} · browser`;
  const [created] = await db
    .insert(device)
    .values({ clubId, name, kind: 'phone', userId: user.id, tokenHash: hashSecret(token) })
    .returning({ id: device.id });
  return { deviceId: created!.id, clubId, name, token };
}
