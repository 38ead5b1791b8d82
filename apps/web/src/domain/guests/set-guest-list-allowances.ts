import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { guestListStand } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import type { Allowances } from './create-guest-list.ts';
import { findGuestList } from './find-guest-list.ts';
import { moveAllowance } from './take-allowance.ts';

/**
 * A list grows (more seats taken, atomically, where the stand still has them) or shrinks (seats given
 * back, never below what its guests already use). Stands are changed in id order.
 */
export async function setGuestListAllowances(
  tx: Tx,
  _ctx: Ctx,
  input: { actor: Actor; clubId: string; guestListId: string; allowances: Allowances },
): Promise<void> {
  const { clubId } = input;
  const list = await findGuestList(tx, clubId, input.guestListId);
  const changes: { stand: string; from: number; to: number }[] = [];
  for (const s of [...list.stands].sort((a, b) => (a.matchStandId < b.matchStandId ? -1 : 1))) {
    const wanted = input.allowances[s.matchStandId];
    if (wanted === undefined || wanted === s.allowance) continue;
    let id = s.id;
    if (!id) {
      const [row] = await tx
        .insert(guestListStand)
        .values({ clubId, guestListId: list.id, matchStandId: s.matchStandId, allowance: 0 })
        .onConflictDoNothing()
        .returning({ id: guestListStand.id });
      id =
        row?.id ??
        (
          await tx
            .select({ id: guestListStand.id })
            .from(guestListStand)
            .where(and(eq(guestListStand.guestListId, list.id), eq(guestListStand.matchStandId, s.matchStandId)))
        )[0]!.id;
    }
    // The delta from the row as it is now (another change may have moved it since it was read).
    const [now] = await tx
      .select({ allowance: guestListStand.allowance })
      .from(guestListStand)
      .where(eq(guestListStand.id, id))
      .for('update');
    await moveAllowance(tx, clubId, { id, matchStandId: s.matchStandId }, wanted - now!.allowance);
    changes.push({ stand: s.name, from: now!.allowance, to: wanted });
  }
  if (changes.length > 0)
    await recordActivity(tx, {
      clubId,
      actor: input.actor,
      action: 'guests.list_changed',
      subject: { matchId: list.matchId },
      details: { list: list.name, stands: changes },
    });
}
