import type { MatchStatus } from '../../domain/catalog/match-status.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { useT } from './use-t.ts';

const LABEL: Record<MatchStatus, MessageKey> = {
  scheduled: 'match.status.scheduled',
  on_sale: 'match.status.on_sale',
  sold_out: 'match.status.sold_out',
  postponed: 'match.status.postponed',
  cancelled: 'match.status.cancelled',
  played: 'match.status.played',
};

// A postponed match asks people to look again; a cancelled or sold-out one has no ticket to offer.
const TONE: Partial<Record<MatchStatus, string>> = { postponed: 'badge warn', cancelled: 'badge bad', sold_out: 'badge bad' };

/**
 * A match's status as people read it (domain/catalog/match-status.ts decides which). Where supporters
 * choose a match (`seatsLeft` given), "on sale" says how many seats are left and "announced" that
 * tickets come soon.
 */
export function MatchStatusBadge({ status, seatsLeft }: { status: MatchStatus; seatsLeft?: number }) {
  const t = useT();
  if (seatsLeft !== undefined && status === 'on_sale') return <SeatsLeftBadge seatsLeft={seatsLeft} />;
  if (seatsLeft !== undefined && status === 'scheduled') return <span class="badge">{t('match.saleSoon')}</span>;
  return <span class={TONE[status] ?? 'badge'}>{t(LABEL[status])}</span>;
}

/** A stand's seats left, or "sold out". */
export function SeatsLeftBadge({ seatsLeft }: { seatsLeft: number }) {
  const t = useT();
  return seatsLeft > 0 ? (
    <span class="badge">{t('home.seatsLeft', { count: seatsLeft })}</span>
  ) : (
    <span class="badge bad">{t('home.soldOut')}</span>
  );
}
