import type { Tx } from '../../db/client.ts';
import { boxOfficeSetting } from '../../db/schema/index.ts';
import { type Person, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';

/** The club's box office setting: the seats per stand a selling device keeps for offline sales. */
export async function setQuotaSeats(
  tx: Tx,
  { now = new Date() }: Ctx<'now'>,
  input: { actor: Person; clubId: string; quotaSeats: number },
) {
  if (!Number.isInteger(input.quotaSeats) || input.quotaSeats < 0 || input.quotaSeats > 500)
    throw new DomainError('quota_out_of_range', { max: 500 }, 'quotaSeats');
  await tx
    .insert(boxOfficeSetting)
    .values({ clubId: input.clubId, quotaSeats: input.quotaSeats, updatedAt: now })
    .onConflictDoUpdate({ target: boxOfficeSetting.clubId, set: { quotaSeats: input.quotaSeats, updatedAt: now } });
  await recordActivity(tx, {
    clubId: input.clubId,
    actor: input.actor,
    action: 'box_office.settings_changed',
    details: { quotaSeats: input.quotaSeats },
  });
}
