import type { MyOrder } from '../../../domain/sales/list-my-orders.ts';
import { NarrowCard } from '../../components/narrow-card.tsx';
import { OrderSummary } from '../../components/order-summary.tsx';
import { PendingOrder } from '../../components/pending-order.tsx';
import type { ticketQrSvg } from '../../components/ticket-qr.tsx';
import { useT } from '../../components/use-t.ts';

export interface MyOrderPageProps {
  order: MyOrder;
  /** Where a pending order is paid, when the buyer can go back there (the demo provider's page). */
  payUrl?: string;
  /** Where the buyer gives the pending order up. */
  abandonAction: string;
  /** A paid order's tickets: the page that shows them and the PDF. */
  links?: { tickets: string; pdf: string };
  /** A guest's tickets, each QR shown here: their private link is their only way to them. */
  tickets?: { id: string; label: string; qr: Awaited<ReturnType<typeof ticketQrSvg>> }[];
}

/**
 * One of the buyer's orders; a pending one can still be paid or given up; a paid one leads straight
 * to its tickets and says where they were mailed.
 */
export function MyOrderPage({ order: o, payUrl, abandonAction, links, tickets }: MyOrderPageProps) {
  const t = useT();
  const count = o.items.reduce((sum, i) => sum + i.quantity, 0);
  return (
    <NarrowCard title={t('order.title', { reference: o.reference })}>
      {o.status === 'paid' && links ? (
        <div class="order-next">
          {/* A basket bought at the gate without an address was mailed to nobody. */}
          {o.email ? <p>{t('order.mailedTo', { email: o.email })}</p> : null}
          <div class="actions">
            <a class="button" href={links.tickets}>
              {t('order.seeTickets', { count })}
            </a>
            <a class="button secondary" href={links.pdf} download>
              {t('order.pdf')}
            </a>
          </div>
        </div>
      ) : null}
      <OrderSummary o={o} />
      {o.status === 'pending' ? (
        <PendingOrder holdExpiresAt={o.holdExpiresAt} abandonAction={abandonAction}>
          {payUrl ? (
            <a class="button" href={payUrl}>
              {t('order.payNow')}
            </a>
          ) : null}
        </PendingOrder>
      ) : null}
      {tickets && tickets.length > 0 ? (
        <section id="tickets" class="guest-tickets">
          <h2>{t('checkout.title')}</h2>
          <p class="hint">{t('order.guestLinkHint')}</p>
          {tickets.map((tk, i) => (
            <figure class="ticket-qr" id={`ticket-${tk.id}`}>
              {tk.qr}
              <figcaption>
                {t('order.ticketOf', { n: i + 1, count: tickets.length })} · {tk.label}
              </figcaption>
            </figure>
          ))}
        </section>
      ) : null}
      {o.guest ? (
        o.email ? (
          <p class="hint">{t('order.guestAccountHint', { email: o.email })}</p>
        ) : null
      ) : (
        <p>
          <a href={o.subjectPath}>{o.matchId ? t('order.match') : t('season.kind')}</a> · <a href="/account/orders">{t('order.mine')}</a>
        </p>
      )}
    </NarrowCard>
  );
}
