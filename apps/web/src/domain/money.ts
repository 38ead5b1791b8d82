// Money is integer cents everywhere (invariant 6); people type euros with a comma or a point.
export const MAX_PRICE_CENTS = 500_00; // above this, a ticket price for amateur football is a typo
/** A season ticket covers some twenty matches: its price may go ten times higher. */
export const MAX_SEASON_PRICE_CENTS = 5000_00;

/** "12", "12,5", "12.50" → 1250; anything else → null. */
export function parseEuros(input: string): number | null {
  const match = /^\s*(\d{1,6})(?:[.,](\d{1,2}))?\s*(?:€)?\s*$/.exec(input);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Cents as a form shows them back: 1250 → "12.50". */
export function centsToInput(cents: number): string {
  return (cents / 100).toFixed(2);
}
