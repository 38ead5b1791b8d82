import { formatShortCode } from '@footarena/ticket-code';
import { useRequestContext } from 'hono/jsx-renderer';
import type { MyTicket } from '../../domain/tickets/list-my-tickets.ts';
import type { AppEnv } from '../../http/types.ts';
import { formatClock, formatDateTime, formatTime } from '../../i18n/index.ts';
import { Price } from './price.tsx';
import { useT } from './use-t.ts';
import { VerifiedBadge } from './verified-badge.tsx';

/** A supporter's ticket as the pages show it: the match named (matchTitle) beside its facts. */
export type ShownTicket = MyTicket & { title: string };

/** When and where: kick-off, the gates' opening time (what a supporter plans the trip by) and the venue. */
export function MatchWhen({ ticket: tk, gates = true }: { ticket: ShownTicket; gates?: boolean }) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  return (
    <>
      {formatDateTime(tk.kickoffAt, locale)}
      {gates && tk.gatesOpenAt ? ` · ${t('match.gatesOpen', { time: formatClock(tk.gatesOpenAt, locale) })}` : null}
      {tk.venue ? ` · ${tk.venue}` : null}
    </>
  );
}

/** The gates' opening time on its own, for the page shown at the gate; nothing when the club gave none. */
export function GateTime({ ticket: tk }: { ticket: ShownTicket }) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  return tk.gatesOpenAt ? t('tickets.gatesAt', { time: formatClock(tk.gatesOpenAt, locale) }) : null;
}

/** The match a ticket is for, named as everywhere else, with the club's verified mark. */
export function MatchName({ ticket: tk }: { ticket: ShownTicket }) {
  return (
    <>
      {tk.title}
      <VerifiedBadge verified={tk.clubVerified} />
    </>
  );
}

/** What one ticket is: its number among the match's tickets, stand, category and price. */
export function TicketWhat({ ticket: tk, position, count }: { ticket: ShownTicket; position: number | null; count: number }) {
  const t = useT();
  return (
    <>
      {position === null ? null : <strong>{t('tickets.position', { n: position, total: count })} · </strong>}
      {tk.stand} · {t(`category.${tk.category}`)} · <Price cents={tk.unitPriceCents} />
    </>
  );
}

/** Whether a ticket still admits: refunded, replaced, entered, or its match is over (nothing when it simply admits). */
export function TicketState({ ticket: tk }: { ticket: ShownTicket }) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  if (tk.status === 'revoked' && tk.passedTo) return <span class="badge">{t('tickets.passedOn', { name: tk.passedTo })}</span>;
  if (tk.status === 'revoked') return <span class="badge bad">{t(tk.replaced ? 'tickets.replaced' : 'tickets.revoked')}</span>;
  if (tk.usedAt) return <span class="badge">{t('tickets.entered', { time: formatTime(tk.usedAt, locale) })}</span>;
  if (tk.past) return <span class="badge">{t('tickets.past')}</span>;
  return null;
}

/** The short code printed under the QR: what a steward types when the QR cannot be read. */
export function ShortCode({ ticket: tk }: { ticket: ShownTicket }) {
  const t = useT();
  return <span class="short-code">{t('tickets.shortCode', { code: formatShortCode(tk.shortCode) })}</span>;
}

/** What a season pass is for next (decision 021): its next covered match, or that the season is over. */
export interface SeasonPassFacts {
  next: { kickoffAt: Date; opponent: string } | null;
}

export function SeasonNext({ season }: { season: SeasonPassFacts }) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  return (
    <span>
      {season.next
        ? t('tickets.seasonNext', { opponent: season.next.opponent, date: formatDateTime(season.next.kickoffAt, locale) })
        : t('tickets.seasonOver')}
    </span>
  );
}
