import type { MatchStatus } from '../catalog/match-status.ts';

// The rules every face of a season product reads (its page, placing an order): written once.

/** A covered match as the rules see it. */
export interface CoveredMatch {
  status: MatchStatus;
  kickoffAt: Date;
}

/**
 * The matches that count for a season bought now: `total` the covered matches not cancelled,
 * `remaining` those of them not yet kicked off. A pass bought now takes a seat on each remaining one.
 */
export function coveredCounts(matches: readonly CoveredMatch[], now: Date): { total: number; remaining: number } {
  const counted = matches.filter((m) => m.status !== 'cancelled');
  return { total: counted.length, remaining: counted.filter((m) => isStillToPlay(m, now)).length };
}

export const isStillToPlay = (m: CoveredMatch, now: Date) => m.status !== 'cancelled' && m.kickoffAt > now;

/**
 * Pro rata (issue 19): a pass bought after the season started costs price × remaining / total, in
 * integer cents, rounded half up once per pass (never per match). Before the first kick-off it is
 * the full price.
 */
export function proRataCents(priceCents: number, { total, remaining }: { total: number; remaining: number }): number {
  if (total === 0 || remaining >= total) return priceCents;
  // price × remaining is an integer: one division, one rounding.
  return Math.floor((2 * priceCents * remaining + total) / (2 * total));
}

/** The sale window: open from sale_opens_at (at once when unset) until sale_closes_at (unset: no end). */
export function seasonSaleIsOpen(p: { saleOpensAt: Date | null; saleClosesAt: Date | null; archivedAt: Date | null }, now: Date) {
  if (p.archivedAt) return false;
  if (p.saleOpensAt && now < p.saleOpensAt) return false;
  return !p.saleClosesAt || now < p.saleClosesAt;
}

/** Where a product's sale stands now, as the club reads it: the same window and priority rules as buying. */
export type SeasonSaleStatus = 'archived' | 'not_yet' | 'priority' | 'on_sale' | 'closed';

export function seasonSaleStatus(
  p: Parameters<typeof seasonSaleIsOpen>[0] & Parameters<typeof inPriorityWindow>[0],
  now: Date,
): SeasonSaleStatus {
  if (p.archivedAt) return 'archived';
  if (p.saleOpensAt && now < p.saleOpensAt) return 'not_yet';
  if (!seasonSaleIsOpen(p, now)) return 'closed';
  return inPriorityWindow(p, now) ? 'priority' : 'on_sale';
}

/** Renewal: before priority_until only holders of the earlier product may buy. */
export function inPriorityWindow(p: { renewalOfId: string | null; priorityUntil: Date | null }, now: Date) {
  return Boolean(p.renewalOfId && p.priorityUntil && now < p.priorityUntil);
}

/** How a product is named everywhere (mails, lists, My tickets): "Season ticket 2026–27 · North stand". */
export const seasonProductTitle = (p: { name: string; season: string; stand: string }) =>
  `${p.name.includes(p.season) ? p.name : `${p.name} ${p.season}`} · ${p.stand}`;

/**
 * A cancelled covered match gives back its share of what a pass cost (decision 021): the unit price
 * paid ÷ the covered matches the pass was bought for (its order's seats), in integer cents, half up.
 */
export const matchShareCents = (unitPriceCents: number, matchesBought: number) =>
  proRataCents(unitPriceCents, { total: Math.max(1, matchesBought), remaining: 1 });
