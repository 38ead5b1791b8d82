import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { seasonProduct, stand } from '../../db/schema/index.ts';
import { assertPrices, type Prices } from '../catalog/stand-prices.ts';
import { DomainError, throwAll } from '../errors.ts';
import { MAX_SEASON_PRICE_CENTS } from '../money.ts';

/** A season ticket product as the club's form gives it. */
export interface SeasonProductInput {
  /** The season's label as the club writes it ("2026–27"). */
  season: string;
  name: string;
  standId: string;
  /** Per category; `adult` always, `member` for the club's members (decision 021). */
  prices: Prices;
  saleOpensAt?: Date;
  saleClosesAt?: Date;
  /** The most passes sold; absent: as many as the fullest covered match allows. */
  cap?: number;
  giveBackSharePercent: number;
  /** An earlier product of the same stand whose holders may renew first, until priorityUntil. */
  renewalOfId?: string;
  priorityUntil?: Date;
}

/**
 * The rules a product obeys, all checked before any is reported (the form shows every problem at once):
 * the club's own stand, not archived (an existing product keeps its stand once it covers a match or has
 * sold one pass); prices in range; the sale window the right way round; a cap not below what is sold or
 * held; a renewal of an earlier product of the same stand, its priority date inside the sale window.
 */
export async function checkSeasonProduct(
  db: Executor,
  clubId: string,
  input: SeasonProductInput,
  existing?: { id: string; standId: string; sold: number; held: number; covered: number },
) {
  const problems: DomainError[] = [];
  try {
    assertPrices(input.prices, 'price_', MAX_SEASON_PRICE_CENTS);
  } catch (error) {
    problems.push(error as DomainError);
  }
  if (input.saleOpensAt && input.saleClosesAt && input.saleOpensAt >= input.saleClosesAt)
    problems.push(new DomainError('sale_window_inverted', {}, 'saleOpensAt'));

  const [own] = await db
    .select({ id: stand.id, name: stand.name })
    .from(stand)
    .where(and(eq(stand.id, input.standId), eq(stand.clubId, clubId), isNull(stand.archivedAt)));
  const standChanged = existing !== undefined && existing.standId !== input.standId;
  if (!own && !(existing && !standChanged)) problems.push(new DomainError('not_found', {}, 'standId'));
  else if (standChanged && (existing.covered > 0 || existing.sold + existing.held > 0))
    problems.push(new DomainError('season_stand_locked', {}, 'standId'));

  const taken = existing ? existing.sold + existing.held : 0;
  if (input.cap !== undefined && input.cap < taken)
    problems.push(new DomainError('cap_below_sold', { sold: taken, stand: input.name }, 'cap'));

  if (input.renewalOfId) {
    const [earlier] = await db
      .select({ standId: seasonProduct.standId })
      .from(seasonProduct)
      .where(and(eq(seasonProduct.id, input.renewalOfId), eq(seasonProduct.clubId, clubId)));
    if (!earlier || input.renewalOfId === existing?.id) problems.push(new DomainError('not_found', {}, 'renewalOfId'));
    else if (earlier.standId !== input.standId) problems.push(new DomainError('season_renewal_other_stand', {}, 'renewalOfId'));
  }
  // A priority date only with a renewal, and a renewal always with one, within the sale window.
  const priority = input.priorityUntil;
  if (
    Boolean(priority) !== Boolean(input.renewalOfId) ||
    (priority && input.saleOpensAt && priority <= input.saleOpensAt) ||
    (priority && input.saleClosesAt && priority > input.saleClosesAt)
  )
    problems.push(new DomainError('season_priority_invalid', {}, 'priorityUntil'));
  throwAll(problems);

  return {
    season: input.season,
    name: input.name,
    standId: input.standId,
    saleOpensAt: input.saleOpensAt ?? null,
    saleClosesAt: input.saleClosesAt ?? null,
    cap: input.cap ?? null,
    giveBackSharePercent: input.giveBackSharePercent,
    renewalOfId: input.renewalOfId ?? null,
    priorityUntil: input.priorityUntil ?? null,
  };
}
