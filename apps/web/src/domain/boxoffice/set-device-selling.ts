import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { device } from '../../db/schema/index.ts';
import { type Person, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';

/** An owner or admin lets a device of the club sell at the gate, or stops it (devices page). */
export async function setDeviceSelling(tx: Tx, _ctx: Ctx, input: { actor: Person; clubId: string; deviceId: string; canSell: boolean }) {
  const [changed] = await tx
    .update(device)
    .set({ canSell: input.canSell })
    .where(and(eq(device.id, input.deviceId), eq(device.clubId, input.clubId)))
    .returning({ name: device.name });
  if (!changed) throw new DomainError('not_found');
  await recordActivity(tx, {
    clubId: input.clubId,
    actor: input.actor,
    action: 'box_office.device_changed',
    subject: { deviceId: input.deviceId },
    details: { device: changed.name, canSell: input.canSell },
  });
}
