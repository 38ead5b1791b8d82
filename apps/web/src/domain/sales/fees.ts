export interface SalesConfig {
  feePercent: number;
  feeFixedCents: number;
  holdMinutes: number;
  /** Seals the clubs' ticket-signing keys at rest (derived from configuration). */
  ticketSealingKey: Buffer;
}

/**
 * FootArena's commission on an order, paid by the buyer on top of the tickets: a percentage of the
 * subtotal plus a fixed part, rounded once, to the nearest cent (half up), over the whole order. A
 * free order pays nothing.
 */
export function platformFee(subtotalCents: number, config: Pick<SalesConfig, 'feePercent' | 'feeFixedCents'>): number {
  if (subtotalCents <= 0) return 0;
  // In basis points and integers: 1.15 % of 30.00 € is 34.5 cents, which rounds up to 35 (floating
  // point would give 34).
  const basisPoints = Math.round(config.feePercent * 100);
  return Math.floor((subtotalCents * basisPoints + 5000) / 10_000) + config.feeFixedCents;
}
