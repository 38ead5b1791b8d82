import { formatShortCode } from '@footarena/ticket-code';
import { useRequestContext } from 'hono/jsx-renderer';
import type { ActivityEntry } from '../../domain/activity/list-activity.ts';
import type { AppEnv } from '../../http/types.ts';
import { formatDate, formatMoney, formatTime, type Locale, type MessageKey, type Translate } from '../../i18n/index.ts';
import { roleLabel } from './role-label.ts';
import { useT } from './use-t.ts';

// The match fields an edit names, in the words of the match form.
const FIELD_KEY: Record<string, MessageKey> = {
  isHome: 'matches.side',
  opponentName: 'matches.opponent',
  opponentClubId: 'matches.opponent',
  competitionId: 'filter.competition',
  venueId: 'matches.venue',
  kickoffAt: 'matches.kickoff',
  gatesOpenAt: 'matches.gatesOpen',
  saleOpensAt: 'matches.saleOpens',
  saleClosesAt: 'matches.saleCloses',
  orderLimit: 'matches.orderLimit',
  allowReentry: 'matches.allowReentry',
  allowTransfers: 'matches.allowTransfers',
  freeEntryUnder: 'matches.freeEntryUnder',
};

// The season ticket product fields an edit names, in the words of its form.
const SEASON_FIELD_KEY: Record<string, MessageKey> = {
  season: 'seasons.season',
  name: 'seasons.name',
  standId: 'seasons.stand',
  saleOpensAt: 'seasons.saleOpens',
  saleClosesAt: 'seasons.saleCloses',
  cap: 'seasons.cap',
  giveBackSharePercent: 'seasons.giveBackShare',
  renewalOfId: 'seasons.renewalOf',
  priorityUntil: 'seasons.priorityUntil',
  prices: 'seasons.prices',
};

const REASON_KEY: Record<string, MessageKey> = {
  match_cancelled: 'activity.reason.match_cancelled',
  seats_gone: 'activity.reason.seats_gone',
};
const CATEGORY_KEY: Record<string, MessageKey> = { adult: 'category.adult', youth: 'category.youth', child: 'category.child' };

type Details = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' ? value : '');
const num = (value: unknown) => (typeof value === 'number' ? value : 0);

/** One line of the log in words: what was done, with the amounts and names it was done with. */
export function describeActivity(entry: Pick<ActivityEntry, 'action' | 'details'>, t: Translate, locale: Locale): string {
  const d = entry.details as Details;
  const amount = formatMoney(num(d.amountCents), locale);
  const role = (value: unknown) => roleLabel(t, str(value));
  const prices = (value: unknown) =>
    Object.entries((value ?? {}) as Record<string, number>)
      .map(
        ([category, cents]) =>
          `${CATEGORY_KEY[category] ? t(CATEGORY_KEY[category]!) : category} ${cents === 0 ? t('match.free') : formatMoney(cents, locale)}`,
      )
      .join(', ');
  const reason = REASON_KEY[str(d.reason)];
  const because = (text: string) => (reason ? `${text} · ${t(reason)}` : text);
  switch (entry.action) {
    case 'order.refunded':
      return because(t('activity.order.refunded', { amount }));
    case 'order.tickets_refunded':
      return because(t('activity.order.tickets_refunded', { count: num(d.tickets), amount }));
    case 'order.refunded_at_provider':
      return t('activity.order.refunded_at_provider', { amount });
    case 'match.updated':
      return t('activity.match.updated', {
        fields: [...new Set(((d.fields ?? []) as string[]).map((f) => (FIELD_KEY[f] ? t(FIELD_KEY[f]!) : f)))].join(', '),
      });
    case 'match.cancelled':
      return t(num(d.seatsTaken) > 0 ? 'activity.match.cancelled.refunds' : 'activity.match.cancelled');
    case 'match.postponed':
      return typeof d.to === 'string'
        ? t('activity.match.postponed', { date: `${formatDate(new Date(d.to), locale)} ${formatTime(new Date(d.to), locale)}` })
        : t('activity.match.postponed.tbd');
    case 'match.stands_changed':
      return t('activity.match.stands_changed', {
        stands: ((d.stands ?? []) as Details[])
          .map((s) =>
            s.change === 'closed'
              ? t('activity.stand.closedForMatch', { stand: str(s.stand) })
              : t(s.change === 'opened' ? 'activity.stand.openedForMatch' : 'activity.stand.changedForMatch', {
                  stand: str(s.stand),
                  cap: num(s.cap),
                  prices: prices(s.prices),
                }),
          )
          .join('; '),
      });
    case 'guests.list_created':
    case 'guests.list_changed':
    case 'guests.added':
    case 'guests.imported':
    case 'guests.removed':
      return t(`activity.${entry.action}`, { list: str(d.list), name: str(d.name), count: num(d.count), places: num(d.places) });
    case 'season.product_created':
    case 'season.product_updated':
    case 'season.match_added':
    case 'season.match_removed':
      return t(`activity.${entry.action}`, {
        product: str(d.product),
        matches: num(d.matches),
        passes: num(d.passes),
        pending: num(d.pending),
        fields: ((d.fields ?? []) as string[]).map((f) => (SEASON_FIELD_KEY[f] ? t(SEASON_FIELD_KEY[f]!) : f)).join(', '),
      });
    case 'season.pass_revoked':
      return t('activity.season.pass_revoked', {
        product: str(d.product),
        holder: str(d.holder),
        pass: d.pass ? formatShortCode(str(d.pass)) : '',
        reason: str(d.reason),
      });
    case 'members.imported':
      return t('activity.members.imported', { count: num(d.count) });
    case 'stand.created':
    case 'stand.updated':
      return t(`activity.${entry.action}`, { stand: str(d.stand), capacity: num(d.capacity) });
    case 'staff.invited':
      return t('activity.staff.invited', { email: str(d.email), role: role(d.role) });
    case 'staff.role_changed':
      return t('activity.staff.role_changed', { name: str(d.name), from: role(d.from), to: role(d.to) });
    case 'staff.removed':
      return t('activity.staff.removed', { name: str(d.name), role: role(d.role) });
    case 'box_office.shift_closed':
      return t('activity.box_office.shift_closed', {
        steward: str(d.steward),
        device: str(d.device),
        expected: formatMoney(num(d.expectedCents), locale),
        counted: formatMoney(num(d.countedCents), locale),
        difference: formatMoney(num(d.differenceCents), locale),
      });
    case 'box_office.device_changed':
      return t(d.canSell ? 'activity.box_office.device_allowed' : 'activity.box_office.device_stopped', { device: str(d.device) });
    case 'box_office.seller_changed':
      return t(d.canSell ? 'activity.box_office.seller_allowed' : 'activity.box_office.seller_stopped', { name: str(d.member) });
    case 'box_office.settings_changed':
      return t('activity.box_office.settings_changed', { count: num(d.quotaSeats) });
    case 'club.profile_updated':
      return d.to ? t('activity.club.renamed', { from: str(d.from), to: str(d.to) }) : t('activity.club.profile_updated');
    default:
      // The rest name at most a stand, a device, an address or the club: their words take them as they are.
      return t(`activity.${entry.action}`, { stand: str(d.stand), device: str(d.device), email: str(d.email), name: str(d.name) });
  }
}

/** Who did it: the person's name as it was then (the buyer said so), or FootArena itself, or the payment provider. */
export function activityActor(entry: Pick<ActivityEntry, 'actorKind' | 'actorName' | 'byBuyer'>, t: Translate): string {
  if (entry.actorKind === 'system') return t('activity.actor.system');
  if (entry.actorKind === 'provider') return t('activity.actor.provider');
  return entry.byBuyer ? t('activity.actor.buyer', { name: entry.actorName ?? '' }) : (entry.actorName ?? '');
}

/**
 * A history, newest first, under a heading per Brussels day: "Refunded 1 ticket (€13.78)" then
 * "Sarah Steward, 14:02:31". `links`: each line also links the match and/or the order it is about,
 * where the page shows more than one. `level`: the day headings' level under the page's own headings.
 */
export function ActivityLog(props: {
  entries: ActivityEntry[];
  clubSlug: string;
  links?: { match?: boolean; order?: boolean };
  level?: 2 | 3;
}) {
  const links = props.links ?? {};
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  if (props.entries.length === 0) return <p class="hint">{t('activity.none')}</p>;
  const days: { day: string; entries: ActivityEntry[] }[] = [];
  for (const entry of props.entries) {
    const day = formatDate(entry.createdAt, locale);
    if (days.at(-1)?.day === day) days.at(-1)!.entries.push(entry);
    else days.push({ day, entries: [entry] });
  }
  const Heading = props.level === 2 ? 'h2' : 'h3';
  return (
    <div class="activity">
      {days.map(({ day, entries }) => (
        <>
          <Heading class="activity-day">{day}</Heading>
          <ol class="activity-list">
            {entries.map((entry) => (
              <li class="activity-entry">
                <span class="what">{describeActivity(entry, t, locale)}</span>
                {(links.match && entry.matchTitle) || (links.order && entry.reference) ? (
                  <span class="about">
                    {links.match && entry.matchId && entry.matchTitle ? (
                      <a href={`/club/${props.clubSlug}/matches/${entry.matchId}#history`}>{entry.matchTitle}</a>
                    ) : null}
                    {links.order && entry.orderId && entry.reference ? (
                      <>
                        {links.match && entry.matchTitle ? ' · ' : null}
                        <a href={`/club/${props.clubSlug}/orders/${entry.orderId}#history`}>
                          {t('activity.order', { reference: entry.reference })}
                        </a>
                      </>
                    ) : null}
                  </span>
                ) : null}
                <span class="who">
                  {activityActor(entry, t)}, <time datetime={entry.createdAt.toISOString()}>{formatTime(entry.createdAt, locale)}</time>
                </span>
              </li>
            ))}
          </ol>
        </>
      ))}
    </div>
  );
}
