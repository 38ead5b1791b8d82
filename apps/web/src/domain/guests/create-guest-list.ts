import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { type GuestListKind, guestList, guestListStand, matchStand } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import { findClubMatch } from '../catalog/find-club-match.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { moveAllowance } from './take-allowance.ts';

export type { GuestListKind };

/** Seats a list sets aside in each open stand of its match (0: none there). */
export type Allowances = Record<string, number>;

/**
 * A guest list for one match (sponsors, VIP, families, press…), with its seats set aside per stand at
 * once: each taken from the stand row by the guarded statement (invariant 1), in stand id order, so the
 * list exists only if every seat it asks for was free.
 */
export async function createGuestList(
  tx: Tx,
  _ctx: Ctx,
  input: { actor: Actor; clubId: string; matchId: string; name: string; kind: GuestListKind; allowances: Allowances },
): Promise<string> {
  const { clubId, matchId } = input;
  const m = await findClubMatch(tx, clubId, matchId);
  if (m.status === 'cancelled') throw new DomainError('match_not_editable');
  const standIds = Object.keys(input.allowances)
    .filter((id) => (input.allowances[id] ?? 0) > 0)
    .sort();
  const open = standIds.length
    ? await tx
        .select({ id: matchStand.id })
        .from(matchStand)
        .where(and(eq(matchStand.clubId, clubId), eq(matchStand.matchId, matchId), inArray(matchStand.id, standIds)))
    : [];
  if (open.length !== standIds.length) throw new DomainError('not_found');
  const [list] = await tx.insert(guestList).values({ clubId, matchId, name: input.name, kind: input.kind }).returning({ id: guestList.id });
  for (const matchStandId of standIds) {
    const [row] = await tx
      .insert(guestListStand)
      .values({ clubId, guestListId: list!.id, matchStandId, allowance: 0 })
      .returning({ id: guestListStand.id });
    await moveAllowance(tx, clubId, { id: row!.id, matchStandId }, input.allowances[matchStandId]!);
  }
  const seats = standIds.reduce((sum, id) => sum + input.allowances[id]!, 0);
  await recordActivity(tx, {
    clubId,
    actor: input.actor,
    action: 'guests.list_created',
    subject: { matchId },
    details: { list: input.name, count: seats },
  });
  return list!.id;
}
