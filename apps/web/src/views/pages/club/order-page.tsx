import { useRequestContext } from 'hono/jsx-renderer';
import type { ActivityEntry } from '../../../domain/activity/list-activity.ts';
import type { findClubOrder, TicketState } from '../../../domain/sales/find-club-order.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatDateTime, formatMoney, formatTime } from '../../../i18n/index.ts';
import { ActivityLog } from '../../components/activity-log.tsx';
import { Form } from '../../components/form.tsx';
import { ORDER_STATUS_LABEL } from '../../components/order-status.tsx';
import { useT } from '../../components/use-t.ts';

export interface OrderPageProps {
  club: { slug: string };
  order: Awaited<ReturnType<typeof findClubOrder>>;
  history: ActivityEntry[];
  /** Whether the person's role may refund. */
  mayRefund: boolean;
}

const STATE_CLASS: Record<TicketState, string> = { valid: 'badge good', used: 'badge', refunded: 'badge bad' };

/**
 * One order in the back office: each ticket with its state (valid, entered at…, refunded), a refund
 * of the tickets the club ticks or of the whole order (both through a confirmation), resending, history.
 */
export function OrderPage({ club, order: o, history, mayRefund: roleMayRefund }: OrderPageProps) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  const mayRefund = o.status === 'paid' && roleMayRefund;
  // A season order is refunded whole (by passes), never one match's seat of a pass.
  const pickable = mayRefund && !o.seasonProductId && o.tickets.some((x) => x.state === 'valid');
  const refundAction = `/club/${club.slug}/orders/${o.id}/refund`;
  const state = (x: (typeof o.tickets)[number]) =>
    x.state === 'used' && x.usedAt
      ? t('tickets.entered', { time: formatTime(x.usedAt, locale) })
      : t(x.state === 'refunded' ? 'orders.ticketRefunded' : 'orders.ticketValid');
  const tickets = (
    <ul class="order-tickets">
      {o.tickets.map((x) => {
        const pick = pickable && x.state === 'valid';
        const name = t('orders.ticketNumber', { number: x.number });
        return (
          <li data-ticket={x.id} data-state={x.state}>
            {pick ? <input type="checkbox" name="ticket[]" value={x.id} id={`pick-${x.id}`} /> : pickable ? <span class="no-pick" /> : null}
            <span class="what">
              {pick ? (
                <label for={`pick-${x.id}`}>
                  <strong>{name}</strong>
                </label>
              ) : (
                <strong>{name}</strong>
              )}{' '}
              · {x.stand} · {t(`category.${x.category}`)} · {formatMoney(x.unitPriceCents, locale)}
              {x.holder ? <> · {t('orders.heldBy', { name: x.holder.name, email: x.holder.email })}</> : null}
            </span>
            <span class={STATE_CLASS[x.state]}>{state(x)}</span>
          </li>
        );
      })}
    </ul>
  );
  return (
    <>
      <section class="card">
        <h1>{t('orders.detail', { reference: o.reference })}</h1>
        <p>
          {o.buyer ?? '—'} · {o.email} · {t(ORDER_STATUS_LABEL[o.status])}
        </p>
        <p>{o.season ?? `${o.opponent} · ${o.kickoffAt ? formatDateTime(o.kickoffAt, locale) : ''}`}</p>
        <p>
          {t('order.total')}: {formatMoney(o.totalCents, locale)}
          {o.refundedCents > 0 ? <> · {t('orders.refundedSoFar', { amount: formatMoney(o.refundedCents, locale) })}</> : null}
        </p>
      </section>
      <section class="card" id="tickets">
        <h2>{t('orders.ticketsTitle')}</h2>
        {o.tickets.length === 0 ? (
          <p>{t('orders.noTickets')}</p>
        ) : pickable ? (
          <Form action={refundAction} idPrefix="pick">
            <p class="hint">{t('orders.pickHint')}</p>
            {tickets}
            <div class="actions">
              <button type="submit" class="secondary">
                {t('orders.refundPicked')}
              </button>
            </div>
          </Form>
        ) : (
          tickets
        )}
      </section>
      {o.status === 'paid' ? (
        <section class="card actions">
          <Form action={`/club/${club.slug}/orders/${o.id}/resend`} idPrefix="resend">
            <button type="submit" class="secondary">
              {t('tickets.resend')}
            </button>
          </Form>
          {mayRefund ? (
            <Form action={refundAction} idPrefix="refund-all">
              <button type="submit" class="danger">
                {t('orders.refundAll')}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
      <section class="card" id="history">
        <h2>{t('activity.history')}</h2>
        <ActivityLog entries={history} clubSlug={club.slug} />
      </section>
    </>
  );
}
