import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { matchStand, order, seasonGiveBack, seasonPass, supporterCredit } from '../../db/schema/index.ts';

/**
 * After seats of these stands were sold (fulfilment, once their rows are updated and so locked by this
 * transaction): the give-backs whose seats this sale took are credited, oldest first, each once. A
 * stand with `open` uncredited give-backs had `cap - sold - open` seats free anyway; only seats sold
 * past those are given-back seats resold: `sold + open - cap` of them (decision 021, point 5). A
 * replayed fulfilment finds them credited (guarded by `credited_at IS NULL`) and pays nothing again.
 * The credit goes to the pass's buyer's account; a pass whose order has no account any more (deleted)
 * is marked credited with nobody to pay.
 */
export async function creditGiveBacks(tx: Tx, matchStandIds: readonly string[]): Promise<number> {
  if (matchStandIds.length === 0) return 0;
  let credited = 0;
  const stands = await tx
    .select({ id: matchStand.id, cap: matchStand.cap, sold: matchStand.sold })
    .from(matchStand)
    .where(inArray(matchStand.id, [...matchStandIds]))
    .orderBy(asc(matchStand.id))
    .for('update');
  for (const stand of stands) {
    const open = await tx
      .select({ id: seasonGiveBack.id })
      .from(seasonGiveBack)
      .where(and(eq(seasonGiveBack.matchStandId, stand.id), isNull(seasonGiveBack.creditedAt)))
      .orderBy(asc(seasonGiveBack.createdAt), asc(seasonGiveBack.id))
      .for('update');
    const resold = Math.min(open.length, stand.sold + open.length - stand.cap);
    if (resold <= 0) continue;
    const paid = await tx
      .update(seasonGiveBack)
      .set({ creditedAt: sql`now()` })
      .where(
        and(
          inArray(
            seasonGiveBack.id,
            open.slice(0, resold).map((g) => g.id),
          ),
          isNull(seasonGiveBack.creditedAt),
        ),
      )
      .returning({
        id: seasonGiveBack.id,
        clubId: seasonGiveBack.clubId,
        passId: seasonGiveBack.passId,
        creditCents: seasonGiveBack.creditCents,
      });
    if (paid.length === 0) continue;
    const holders = await tx
      .select({ passId: seasonPass.id, userId: order.userId })
      .from(seasonPass)
      .innerJoin(order, eq(order.id, seasonPass.orderId))
      .where(
        inArray(
          seasonPass.id,
          paid.map((p) => p.passId),
        ),
      );
    const userOf = new Map(holders.map((h) => [h.passId, h.userId]));
    const credits = paid.flatMap((p) => {
      const userId = userOf.get(p.passId);
      return userId && p.creditCents > 0
        ? [{ clubId: p.clubId, userId, amountCents: p.creditCents, reason: 'give_back' as const, giveBackId: p.id }]
        : [];
    });
    if (credits.length > 0) await tx.insert(supporterCredit).values(credits).onConflictDoNothing();
    credited += paid.length;
  }
  return credited;
}
