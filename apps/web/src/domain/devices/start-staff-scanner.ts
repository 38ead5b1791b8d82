import type { Executor } from '../../db/client.ts';
import { device } from '../../db/schema/index.ts';
import type { Person } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { hashSecret, newDeviceToken } from './device-secrets.ts';

/**
 * A staff member's own browser becomes a scanner of the club without a pairing code: their signed-in
 * session vouches for it. It is listed and revocable like any device, and stops working when the
 * member leaves the club (authenticateDevice checks the membership). The actor is that member.
 */
export async function startStaffScanner(db: Executor, _ctx: Ctx, { actor, clubId }: { actor: Person; clubId: string }) {
  const token = newDeviceToken();
  const name = `${actor.name} · browser`;
  const [created] = await db
    .insert(device)
    .values({ clubId, name, kind: 'phone', userId: actor.userId, tokenHash: hashSecret(token) })
    .returning({ id: device.id });
  return { deviceId: created!.id, clubId, name, token };
}
