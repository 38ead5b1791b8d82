import { useRequestContext } from 'hono/jsx-renderer';
import type { MyTicket } from '../../domain/tickets/list-my-tickets.ts';
import type { AppEnv } from '../../http/types.ts';
import { formatDateTime, formatTime } from '../../i18n/index.ts';
import { Price } from './price.tsx';
import { useT } from './use-t.ts';
import { VerifiedBadge } from './verified-badge.tsx';

/** A supporter's ticket as the pages show it: the match named (matchTitle) beside its facts. */
export type ShownTicket = MyTicket & { title: string };

/** What a ticket is for (match, kick-off, stand, price, order) and whether it still admits. */
export function TicketFacts({ ticket: tk }: { ticket: ShownTicket }) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  return (
    <>
      <p>
        <strong>{tk.title}</strong>
        <VerifiedBadge verified={tk.clubVerified} />
        <br />
        {formatDateTime(tk.kickoffAt, locale)}
        {tk.gatesOpenAt ? ` · ${t('match.gatesOpen', { time: formatDateTime(tk.gatesOpenAt, locale) })}` : null}
      </p>
      <p>
        {tk.stand} · {t(`category.${tk.category}`)} · <Price cents={tk.unitPriceCents} /> · {t('order.reference')} {tk.reference}
      </p>
      {tk.status === 'revoked' ? (
        <p class="badge bad">{t(tk.replaced ? 'tickets.replaced' : 'tickets.revoked')}</p>
      ) : tk.usedAt ? (
        <p class="badge">{t('tickets.entered', { time: formatTime(tk.usedAt, locale) })}</p>
      ) : tk.past ? (
        <p class="badge">{t('tickets.past')}</p>
      ) : null}
    </>
  );
}
