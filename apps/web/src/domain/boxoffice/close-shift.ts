import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { boxOfficeShift, device, user } from '../../db/schema/index.ts';
import { recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { requireSeller } from './gate-seller.ts';
import { openShift } from './open-shift.ts';
import { releaseQuotaRows } from './release-quotas.ts';
import type { DeviceActor } from './sell-at-gate.ts';
import { summarizeShift } from './summarize-shift.ts';

/**
 * The end of a steward's shift: the cash counted against what the shift's cash sales should have brought
 * (per category), the difference, recorded with the steward's name in the club's log; the device's
 * unsold quota seats go back to the stands. A shift without sales may be closed too (it opens to close);
 * the same close sent again answers the recorded count and records nothing more.
 */
export async function closeShift(
  tx: Tx,
  { now = new Date() }: Ctx<'now'>,
  input: { actor: DeviceActor; matchId: string; countedCents: number; stewardName: string },
) {
  const dev = input.actor.device;
  await requireSeller(tx, dev);
  const [open] = await tx
    .select({ id: boxOfficeShift.id })
    .from(boxOfficeShift)
    .where(and(eq(boxOfficeShift.deviceId, dev.id), eq(boxOfficeShift.matchId, input.matchId), isNull(boxOfficeShift.closedAt)))
    .for('update');
  if (!open) {
    // The same close sent again (its answer was lost): the count already recorded, nothing recorded twice.
    const [last] = await tx
      .select()
      .from(boxOfficeShift)
      .where(and(eq(boxOfficeShift.deviceId, dev.id), eq(boxOfficeShift.matchId, input.matchId), isNotNull(boxOfficeShift.closedAt)))
      .orderBy(desc(boxOfficeShift.closedAt))
      .limit(1);
    if (last && last.countedCents === input.countedCents && last.closedByName === input.stewardName) {
      const summary = await summarizeShift(tx, last.id);
      return {
        shiftId: last.id,
        ...summary,
        countedCents: input.countedCents,
        differenceCents: input.countedCents - summary.expectedCents,
        seatsReturned: 0,
      };
    }
  }
  // No shift open: one is opened to be closed (a steward counting a drawer without sales).
  const shift = open ?? (await openShift(tx, dev, input.matchId, now));
  const summary = await summarizeShift(tx, shift.id);
  const differenceCents = input.countedCents - summary.expectedCents;
  await tx
    .update(boxOfficeShift)
    .set({ closedAt: now, closedByName: input.stewardName, expectedCents: summary.expectedCents, countedCents: input.countedCents })
    .where(eq(boxOfficeShift.id, shift.id));
  const seatsReturned = await releaseQuotaRows(tx, { deviceId: dev.id, matchId: input.matchId }, now);
  // The member whose own scanner it is signs the line; a shared device's steward is named in it.
  const [owner] = await tx
    .select({ userId: user.id, name: user.name })
    .from(device)
    .innerJoin(user, eq(user.id, device.userId))
    .where(eq(device.id, dev.id));
  await recordActivity(tx, {
    clubId: dev.clubId,
    actor: owner ?? { kind: 'system' },
    action: 'box_office.shift_closed',
    subject: { matchId: input.matchId, deviceId: dev.id },
    details: {
      steward: input.stewardName,
      device: dev.name,
      expectedCents: summary.expectedCents,
      countedCents: input.countedCents,
      differenceCents,
      seatsReturned,
    },
  });
  return { shiftId: shift.id, ...summary, countedCents: input.countedCents, differenceCents, seatsReturned };
}
