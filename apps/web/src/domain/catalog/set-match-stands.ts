import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { matchStand, matchStandPrice, type PriceCategory, SALE_CATEGORIES, stand, standPrice } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { findClubMatch } from './find-club-match.ts';
import { assertPrices, type Prices } from './stand-prices.ts';

export interface MatchStandChoice {
  standId: string;
  open: boolean;
  /** Seats to sell at most; the stand's capacity when absent. */
  cap?: number;
  /** Prices for this match; absent categories take the stand's price. */
  prices: Partial<Prices>;
}

/**
 * Chooses which stands of the match's venue are sold for this match, how many seats of each, and at
 * what price. A stand with seats sold or held stays open, and its cap never drops below them: the
 * cap is changed by one guarded UPDATE, so a sale happening at the same moment is never oversold.
 * The log gets one line listing the stands that changed (opened, closed, cap or prices), if any.
 */
export async function setMatchStands(
  tx: Tx,
  _ctx: Ctx,
  input: { actor: Actor; clubId: string; matchId: string; stands: MatchStandChoice[] },
): Promise<void> {
  const { clubId, matchId, stands: choices } = input;
  const current = await findClubMatch(tx, clubId, matchId);
  if (current.status === 'cancelled') throw new DomainError('match_not_editable');
  const stands = await tx
    .select()
    .from(stand)
    .where(and(eq(stand.clubId, clubId), current.venueId ? eq(stand.venueId, current.venueId) : sql`false`));
  const opened = await tx.select().from(matchStand).where(eq(matchStand.matchId, matchId));
  const pricesBefore = opened.length
    ? await tx
        .select()
        .from(matchStandPrice)
        .where(
          inArray(
            matchStandPrice.matchStandId,
            opened.map((o) => o.id),
          ),
        )
    : [];
  const changes: StandChange[] = [];
  const standPrices =
    stands.length === 0
      ? []
      : await tx
          .select()
          .from(standPrice)
          .where(
            inArray(
              standPrice.standId,
              stands.map((s) => s.id),
            ),
          );

  for (const choice of choices) {
    const target = stands.find((s) => s.id === choice.standId);
    if (!target) throw new DomainError('not_found');
    const existing = opened.find((o) => o.standId === choice.standId);
    const field = (name: string) => `${name}_${target.id}`;

    if (!choice.open) {
      if (!existing) continue;
      if (existing.sold + existing.held > 0) throw new DomainError('stand_has_sales', { stand: target.name }, field('open'));
      await tx.delete(matchStand).where(eq(matchStand.id, existing.id));
      changes.push({ stand: target.name, change: 'closed' });
      continue;
    }

    const cap = choice.cap ?? target.capacity;
    if (cap > target.capacity) throw new DomainError('cap_above_capacity', { stand: target.name, capacity: target.capacity }, field('cap'));
    if (cap < 1) throw new DomainError('cap_below_sold', { stand: target.name, sold: 1 }, field('cap'));
    const offered = standPrices.filter((p) => p.standId === target.id);
    const prices = Object.fromEntries(
      SALE_CATEGORIES.flatMap((category) => {
        const base = offered.find((p) => p.category === category);
        return base ? [[category, choice.prices[category] ?? base.priceCents]] : [];
      }),
    ) as Prices;
    assertPrices(prices, `${field('price')}_`);

    let matchStandId: string;
    if (existing) {
      const [updated] = await tx
        .update(matchStand)
        .set({ cap })
        .where(and(eq(matchStand.id, existing.id), sql`${matchStand.sold} + ${matchStand.held} <= ${cap}`))
        .returning({ id: matchStand.id });
      if (!updated) {
        const [now] = await tx.select().from(matchStand).where(eq(matchStand.id, existing.id));
        throw new DomainError('cap_below_sold', { stand: target.name, sold: (now?.sold ?? 0) + (now?.held ?? 0) }, field('cap'));
      }
      matchStandId = existing.id;
    } else {
      if (target.archivedAt) throw new DomainError('not_found');
      const [created] = await tx.insert(matchStand).values({ clubId, matchId, standId: target.id, cap }).returning({ id: matchStand.id });
      matchStandId = created!.id;
    }
    await tx.delete(matchStandPrice).where(eq(matchStandPrice.matchStandId, matchStandId));
    await tx.insert(matchStandPrice).values(
      (Object.entries(prices) as [PriceCategory, number][]).map(([category, priceCents]) => ({
        clubId,
        matchStandId,
        category,
        priceCents,
      })),
    );
    const before = existing ? pricesBefore.filter((p) => p.matchStandId === existing.id) : [];
    const repriced = Object.entries(prices).some(([category, cents]) => before.find((p) => p.category === category)?.priceCents !== cents);
    if (!existing || existing.cap !== cap || repriced) {
      changes.push({ stand: target.name, change: existing ? 'updated' : 'opened', cap, prices });
    }
  }
  if (changes.length > 0) {
    await recordActivity(tx, {
      clubId,
      actor: input.actor,
      action: 'match.stands_changed',
      subject: { matchId },
      details: { stands: changes },
    });
  }
}

/** One stand's change in the log: its name as it was, and its cap and prices in cents once open. */
type StandChange = { stand: string; change: 'opened' | 'closed' | 'updated'; cap?: number; prices?: Partial<Prices> };
