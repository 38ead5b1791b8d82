import type { order, orderItem } from '../../db/schema/index.ts';
import { chargedCents } from '../credit/find-credit-balance.ts';
import { DomainError } from '../errors.ts';

type Order = Pick<typeof order.$inferSelect, 'totalCents' | 'creditCents' | 'refundedCents' | 'feeCents' | 'subtotalCents'>;
type Item = typeof orderItem.$inferSelect;

/**
 * What a refund gives back: everything not yet refunded, or the `picked` tickets (how many per
 * line, from countPickedTickets). The ticket prices
 * and FootArena's fee in proportion, the last refund taking the rounding rest, so that the refunds add
 * up to the total exactly. The same figures for the confirmation page and for the refund itself.
 */
export function planRefund(current: Order, items: readonly Item[], picked?: ReadonlyMap<string, number>) {
  const plan = items
    .map((item) => ({ item, quantity: item.quantity - item.refundedQuantity }))
    .filter(({ item }) => !picked || picked.has(item.id))
    .map((p) => ({ ...p, quantity: picked ? Math.min(p.quantity, picked.get(p.item.id)!) : p.quantity }))
    .filter((p) => p.quantity > 0);
  const short = picked && [...picked].some(([itemId, n]) => plan.find((p) => p.item.id === itemId)?.quantity !== n);
  if (plan.length === 0 || short) throw new DomainError('not_found');
  const count = plan.reduce((s, p) => s + p.quantity, 0);
  const remainingAfter = items.reduce((sum, item) => sum + item.quantity - item.refundedQuantity, 0) - count;
  const ticketsCents = plan.reduce((sum, p) => sum + p.item.unitPriceCents * p.quantity, 0);
  // Money goes back up to what was charged (the credit spent comes back as credit, releaseOrderCredit).
  const charged = chargedCents(current);
  const amountCents =
    remainingAfter === 0
      ? charged - current.refundedCents
      : Math.min(
          ticketsCents + Math.round((current.feeCents * ticketsCents) / Math.max(1, current.subtotalCents)),
          charged - current.refundedCents,
        );
  return { plan, count, remainingAfter, amountCents };
}
