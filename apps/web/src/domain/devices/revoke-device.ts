import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { device } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';

export async function revokeDevice(tx: Tx, _ctx: Ctx, input: { actor: Actor; clubId: string; deviceId: string }): Promise<void> {
  const { clubId, deviceId } = input;
  if (!isUuid(deviceId)) throw new DomainError('not_found');
  const [revoked] = await tx
    .update(device)
    .set({ revokedAt: new Date(), tokenHash: null, pairingCodeHash: null })
    .where(and(eq(device.id, deviceId), eq(device.clubId, clubId)))
    .returning({ name: device.name });
  if (!revoked) throw new DomainError('not_found');
  await recordActivity(tx, {
    clubId,
    actor: input.actor,
    action: 'device.revoked',
    subject: { deviceId },
    details: { device: revoked.name },
  });
}
