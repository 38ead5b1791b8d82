import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { match, matchStand, order, organization, seasonGiveBack, seasonPass, supporterCredit, user } from '../../db/schema/index.ts';
import { matchTitle } from '../catalog/match-title.ts';
import type { Ctx } from '../context.ts';
import { QUEUES, stableJobId, type TemplateMail } from '../outbox.ts';

/**
 * After seats of these stands were sold (fulfilment, once their rows are updated and so locked by this
 * transaction): the give-backs whose seats this sale took are credited, oldest first, each once. A
 * stand with `open` uncredited give-backs had `cap - sold - open` seats free anyway; only seats sold
 * past those are given-back seats resold: `sold + open - cap` of them (decision 021, point 5). A
 * replayed fulfilment finds them credited (guarded by `credited_at IS NULL`) and pays nothing again.
 * The credit goes to the pass's buyer's account, who is told by mail; a pass whose order has no
 * account any more (deleted) is marked credited with nobody to pay.
 */
export async function creditGiveBacks(
  tx: Tx,
  { outbox, baseURL }: Ctx<'outbox' | 'baseURL'>,
  matchStandIds: readonly string[],
): Promise<number> {
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
      .select({ passId: seasonPass.id, userId: user.id, email: user.email, name: user.name, locale: user.locale })
      .from(seasonPass)
      .innerJoin(order, eq(order.id, seasonPass.orderId))
      .innerJoin(user, eq(user.id, order.userId))
      .where(
        inArray(
          seasonPass.id,
          paid.map((p) => p.passId),
        ),
      );
    const holderOf = new Map(holders.map((h) => [h.passId, h]));
    const credits = paid.flatMap((p) => {
      const holder = holderOf.get(p.passId);
      return holder && p.creditCents > 0 ? [{ ...p, holder }] : [];
    });
    if (credits.length > 0) {
      await tx
        .insert(supporterCredit)
        .values(
          credits.map((c) => ({
            clubId: c.clubId,
            userId: c.holder.userId,
            amountCents: c.creditCents,
            reason: 'give_back' as const,
            giveBackId: c.id,
          })),
        )
        .onConflictDoNothing();
      const [m] = await tx
        .select({ isHome: match.isHome, opponent: match.opponentName, club: organization.name, kickoffAt: match.kickoffAt })
        .from(matchStand)
        .innerJoin(match, eq(match.id, matchStand.matchId))
        .innerJoin(organization, eq(organization.id, match.clubId))
        .where(eq(matchStand.id, stand.id));
      // Each holder told once: the credit is paid once, and the job id is the give-back's.
      for (const c of credits) {
        const mail: TemplateMail = {
          to: c.holder.email,
          template: 'giveBackCredited',
          locale: c.holder.locale,
          params: {
            url: `${baseURL}/account/season/${c.passId}`,
            name: c.holder.name,
            match: matchTitle(m!.isHome, m!.club, m!.opponent),
            club: m!.club,
          },
          dates: { date: m!.kickoffAt.toISOString() },
          money: { amount: c.creditCents },
        };
        await outbox.send(tx, QUEUES.mail, mail, { id: stableJobId(`give-back-credited:${c.id}`) });
      }
    }
    credited += paid.length;
  }
  return credited;
}
