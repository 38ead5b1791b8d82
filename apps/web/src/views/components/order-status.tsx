import type { ClubOrder } from '../../domain/sales/list-club-orders.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { useT } from './use-t.ts';

type OrderStatus = ClubOrder['status'];

/** What an order's status reads as, to the club and to the buyer alike. */
export const ORDER_STATUS_LABEL: Record<OrderStatus, MessageKey> = {
  pending: 'order.status.pending',
  paid: 'order.status.paid',
  expired: 'order.status.expired',
  cancelled: 'order.status.cancelled',
  refunded: 'order.status.refunded',
};

/** An order's status as a badge: paid plain, awaiting payment a warning, any other ended. */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const t = useT();
  return (
    <span class={status === 'paid' ? 'badge' : status === 'pending' ? 'badge warn' : 'badge bad'}>{t(ORDER_STATUS_LABEL[status])}</span>
  );
}
