import { useRequestContext } from 'hono/jsx-renderer';
import type { ClubOrder } from '../../../domain/sales/list-club-orders.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatDateTime, formatMoney } from '../../../i18n/index.ts';
import { CsvLinks } from '../../components/csv-links.tsx';
import { Form } from '../../components/form.tsx';
import { ORDER_STATUS_LABEL } from '../../components/order-status.tsx';
import { SearchBar } from '../../components/search-bar.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { useT } from '../../components/use-t.ts';

export interface OrdersPageProps {
  club: { name: string; slug: string };
  orders: ClubOrder[];
  /** The search as typed, and the match the list is narrowed to (if any). */
  q: string;
  matchId?: string;
  /** Whether the person's role may refund (a paid order then has a refund button). */
  mayRefund: boolean;
}

/** A club's orders: search, the CSV of the same list, and a refund button per paid order. */
export function OrdersPage({ club, orders, q, matchId, mayRefund }: OrdersPageProps) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  const query = new URLSearchParams(Object.entries({ q, match: matchId ?? '' }).filter(([, v]) => v) as [string, string][]);
  const columns = [
    t('order.reference'),
    t('orders.date'),
    t('orders.buyer'),
    t('orders.match'),
    t('orders.tickets'),
    t('orders.amount'),
    t('admin.status'),
  ];
  return (
    <>
      <h1>
        {t('orders.title')} · {club.name}
      </h1>
      <SearchBar
        action={`/club/${club.slug}/orders`}
        value={q}
        placeholder={t('orders.searchHint')}
        keep={matchId ? { match: matchId } : {}}
      >
        <CsvLinks href={`/club/${club.slug}/orders.csv${query.size ? `?${query}` : ''}`} label={t('orders.csv')} />
      </SearchBar>
      {orders.length === 0 ? <p class="card">{t('orders.none')}</p> : null}
      {orders.length > 0 ? (
        <section class="card table-wrap">
          <table class="stack">
            <TableHead columns={columns} actions />
            <tbody>
              {orders.map((o) => (
                <tr>
                  <td>
                    <a href={`/club/${club.slug}/orders/${o.id}`}>{o.reference}</a>
                  </td>
                  <td data-label={columns[1]}>{formatDateTime(o.createdAt, locale)}</td>
                  <td data-label={columns[2]}>
                    {o.buyer ?? (o.channel === 'online' ? '—' : t(`matchDay.channel.${o.channel}`))}
                    <br />
                    <small>
                      {o.channel === 'online' || !o.buyer
                        ? o.email
                        : [t(`matchDay.channel.${o.channel}`), o.email].filter(Boolean).join(' · ')}
                    </small>
                  </td>
                  <td data-label={columns[3]}>
                    {o.season ?? o.opponent}
                    {o.kickoffAt ? (
                      <>
                        <br />
                        <small>{formatDateTime(o.kickoffAt, locale)}</small>
                      </>
                    ) : null}
                  </td>
                  <td data-label={columns[4]}>
                    {o.tickets}
                    {o.refundedTickets > 0 ? (
                      <>
                        <br />
                        <small>{t('orders.ticketsRefunded', { count: o.refundedTickets })}</small>
                      </>
                    ) : null}
                  </td>
                  <td data-label={columns[5]}>
                    {formatMoney(o.subtotalCents, locale)}
                    {o.refundedCents > 0 ? (
                      <>
                        <br />
                        <small>{t('orders.refundedAmount', { amount: formatMoney(o.refundedCents, locale) })}</small>
                      </>
                    ) : null}
                  </td>
                  <td data-label={columns[6]}>{t(ORDER_STATUS_LABEL[o.status])}</td>
                  <td>
                    {o.status === 'paid' && mayRefund ? (
                      <Form action={`/club/${club.slug}/orders/${o.id}/refund`} idPrefix={`refund-${o.id}`}>
                        <button type="submit" class="secondary">
                          {t('orders.refund')}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
