import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { ActivityEntry } from '../../../domain/activity/list-activity.ts';
import type { ClubMatch } from '../../../domain/catalog/find-club-match.ts';
import type { MatchStandRow } from '../../../domain/catalog/find-match-stands.ts';
import type { Prices } from '../../../domain/catalog/stand-prices.ts';
import type { summarizeMatchSales } from '../../../domain/sales/summarize-match-sales.ts';
import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatDateTime, formatMoney } from '../../../i18n/index.ts';
import { assetUrl } from '../../asset-url.ts';
import { ActivityLog } from '../../components/activity-log.tsx';
import { Field, Form, FormError } from '../../components/form.tsx';
import { MatchStatusBadge } from '../../components/match-status-badge.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { useT } from '../../components/use-t.ts';
import { MatchFields, type MatchFormChoices } from './match-fields.tsx';

/** The match page's forms, each shown with its own values and errors. */
type MatchForms<T> = { details: T; stands: T; postpone: T };

export interface MatchPageProps {
  club: { slug: string };
  match: ClubMatch;
  title: string;
  sales: Awaited<ReturnType<typeof summarizeMatchSales>>;
  stands: MatchStandRow[];
  /** The price categories, in the order they are listed. */
  categories: readonly (keyof Prices)[];
  choices: MatchFormChoices;
  /** The latest lines of the match's history, and whether there are older ones. */
  history: { entries: ActivityEntry[]; more: boolean };
  values: MatchForms<FormValues>;
  errors: Partial<MatchForms<FieldErrors>>;
}

/** A form's fields, disabled when the match can no longer change (cancelled): read, not edited. */
function Editable({ readOnly, children }: { readOnly: boolean; children: Child }) {
  return readOnly ? (
    <fieldset class="plain" disabled>
      {children}
    </fieldset>
  ) : (
    children
  );
}

/**
 * One match in the back office, in parts by purpose: the overview (status, sales, the next thing to
 * do), its stands and prices, its details, and apart, the danger zone (postpone, cancel); then its
 * history. A cancelled match's forms are read-only.
 */
export function MatchPage({ club, match: m, title, sales, stands, categories, choices, history, values, errors }: MatchPageProps) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  const cancelled = m.status === 'cancelled';
  const anyOpen = stands.some((s) => s.open);
  const statusAction = `/club/${club.slug}/matches/${m.id}/status`;
  return (
    <>
      <h1>{title}</h1>
      <p class="meta">
        {formatDateTime(m.kickoffAt, locale)} · <MatchStatusBadge status={m.displayStatus} /> ·{' '}
        <a href={`/matches/${m.id}`}>{t('matches.publicPage')}</a> ·{' '}
        <a href={`/club/${club.slug}/matches/${m.id}/attendance`}>{t('attendance.title')}</a> ·{' '}
        <a href={`/club/${club.slug}/matches/${m.id}/guests`}>{t('guests.title')}</a>
        <a href={`/club/${club.slug}/matches/${m.id}/match-day`}>{t('matchDay.link')}</a>
      </p>
      <nav class="page-parts" aria-label={t('matches.parts')}>
        <a href="#overview">{t('matches.overview')}</a>
        <a href="#stands">{t('matches.stands')}</a>
        <a href="#details">{t('matches.details')}</a>
        {cancelled ? null : <a href="#danger">{t('matches.dangerZone')}</a>}
        <a href="#history">{t('activity.history')}</a>
      </nav>

      <section class="card" id="overview">
        <h2>{t('matches.overview')}</h2>
        {cancelled ? (
          <p class="alert error">{t('matches.cancelledNotice')}</p>
        ) : m.status === 'on_sale' ? (
          <div class="next-action">
            <p>{t('matches.onSaleNow')}</p>
            <Form action={statusAction}>
              <input type="hidden" name="status" value="scheduled" />
              <button type="submit" class="secondary">
                {t('matches.pauseSale')}
              </button>
            </Form>
          </div>
        ) : anyOpen ? (
          <div class="next-action">
            <p>{t('matches.readyToSell')}</p>
            <Form action={statusAction}>
              <input type="hidden" name="status" value="on_sale" />
              <button type="submit">{t('matches.putOnSale')}</button>
            </Form>
          </div>
        ) : (
          <p class="next-action">{stands.length > 0 ? <a href="#stands">{t('matches.openStandsFirst')}</a> : t('matches.noStandToSell')}</p>
        )}
        <h3>{t('sales.title')}</h3>
        <p>{t('sales.summary', { tickets: sales.tickets, revenue: formatMoney(sales.revenueCents, locale) })}</p>
        {sales.days.length > 0 ? (
          <div
            data-line-chart
            data-series={JSON.stringify(sales.days.map((d) => ({ x: d.day, y: d.tickets })))}
            data-label={t('sales.chartLabel')}
          >
            <table>
              <caption class="visually-hidden">{t('sales.chartLabel')}</caption>
              <TableHead columns={[t('orders.date'), t('sales.ticketsSoFar'), t('sales.revenueSoFar')]} />
              <tbody>
                {sales.days.map((d) => (
                  <tr>
                    <td>{d.day}</td>
                    <td>{d.tickets}</td>
                    <td>{formatMoney(d.revenueCents, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <p>
          <a href={`/club/${club.slug}/orders?match=${m.id}`}>{t('orders.title')}</a>
        </p>
        <script type="module" src={assetUrl('line-chart.js')} />
      </section>

      <section class="card" id="stands">
        <h2>{t('matches.stands')}</h2>
        {stands.length === 0 ? <p>{m.venueId ? t('matches.noStandsAtVenue') : t('matches.awayNoStands')}</p> : null}
        {stands.length > 0 ? (
          <Form action={`/club/${club.slug}/matches/${m.id}/stands`}>
            <FormError errors={errors.stands} />
            <Editable readOnly={cancelled}>
              {stands.map((s) => (
                <fieldset class="stand-choice">
                  <legend>{s.name}</legend>
                  <label class="inline">
                    <input type="checkbox" name={`open_${s.standId}`} checked={values.stands[`open_${s.standId}`] === 'on'} />{' '}
                    {t('matches.openStand')}
                  </label>
                  {errors.stands?.[`open_${s.standId}`] ? (
                    <small class="error" role="alert">
                      {errors.stands[`open_${s.standId}`]}
                    </small>
                  ) : null}
                  <Field
                    name={`cap_${s.standId}`}
                    type="number"
                    label={t('matches.cap', { capacity: s.capacity })}
                    values={values.stands}
                    errors={errors.stands}
                    hint={s.seatsTaken > 0 ? t('matches.seatsTaken', { count: s.seatsTaken }) : undefined}
                  />
                  {categories
                    .filter((cat) => s.prices[cat] !== undefined)
                    .map((cat) => (
                      <Field
                        name={`price_${s.standId}_${cat}`}
                        label={`${t(`category.${cat}`)} (€)`}
                        values={values.stands}
                        errors={errors.stands}
                        maxlength={9}
                      />
                    ))}
                </fieldset>
              ))}
              {cancelled ? null : <button type="submit">{t('matches.saveStands')}</button>}
            </Editable>
          </Form>
        ) : null}
      </section>

      <section class="card" id="details">
        <h2>{t('matches.details')}</h2>
        <Form action={`/club/${club.slug}/matches/${m.id}`}>
          <Editable readOnly={cancelled}>
            <MatchFields values={values.details} errors={errors.details} choices={choices} />
            {cancelled ? null : <button type="submit">{t('common.save')}</button>}
          </Editable>
        </Form>
      </section>

      {cancelled ? null : (
        <section class="card danger-zone" id="danger">
          <h2>{t('matches.dangerZone')}</h2>
          <p class="hint">{t('matches.dangerZoneHint')}</p>
          <h3 id="postpone">{t('matches.postpone')}</h3>
          <p class="hint">{t('matches.postponeHint')}</p>
          <Form action={`/club/${club.slug}/matches/${m.id}/postpone`} idPrefix="postpone">
            <FormError errors={errors.postpone} />
            <Field
              name="kickoffAt"
              type="datetime-local"
              label={t('matches.newKickoff')}
              values={values.postpone}
              errors={errors.postpone}
            />
            <button type="submit" class="secondary">
              {t('matches.postpone')}
            </button>
          </Form>
          <h3>{t('matches.cancel')}</h3>
          <p class="hint">{t('matches.cancelHint')}</p>
          <a class="button danger" href={`/club/${club.slug}/matches/${m.id}/cancel`}>
            {t('matches.cancelEllipsis')}
          </a>
        </section>
      )}

      <section class="card" id="history">
        <h2>{t('activity.history')}</h2>
        <ActivityLog entries={history.entries} clubSlug={club.slug} links={{ order: true }} />
        {history.more ? (
          <p>
            <a href={`/club/${club.slug}/activity?match=${m.id}`}>{t('activity.link')}</a>
          </p>
        ) : null}
      </section>
    </>
  );
}
