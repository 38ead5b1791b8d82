export interface SalesConfig {
  feePercent: number;
  feeFixedCents: number;
  holdMinutes: number;
}

/**
 * FootArena's commission on an order, paid by the buyer on top of the tickets: a percentage of the
 * subtotal plus a fixed part, rounded once, to the nearest cent (half up), over the whole order. A
 * free order pays nothing.
 */
export function platformFee(subtotalCents: number, config: Pick<SalesConfig, 'feePercent' | 'feeFixedCents'>): number {
  if (subtotalCents <= 0) return 0;
  return Math.round((subtotalCents * config.feePercent) / 100) + config.feeFixedCents;
}
