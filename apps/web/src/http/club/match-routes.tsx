import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { PRICE_CATEGORIES } from '../../db/schema/index.ts';
import { listActivity } from '../../domain/activity/list-activity.ts';
import { createMatch } from '../../domain/catalog/create-match.ts';
import { type ClubMatch, findClubMatch } from '../../domain/catalog/find-club-match.ts';
import { findMatchStands } from '../../domain/catalog/find-match-stands.ts';
import { findOpponentClubs, type OpponentClubs } from '../../domain/catalog/find-opponent-clubs.ts';
import { listCatalogChoices } from '../../domain/catalog/list-catalog-choices.ts';
import { listClubMatches } from '../../domain/catalog/list-club-matches.ts';
import { listVenues } from '../../domain/catalog/list-venues.ts';
import type { MatchInput } from '../../domain/catalog/match-rules.ts';
import { matchTitle } from '../../domain/catalog/match-title.ts';
import { postponeMatch } from '../../domain/catalog/postpone-match.ts';
import { type MatchStandChoice, setMatchStands } from '../../domain/catalog/set-match-stands.ts';
import { CLUB_MATCH_STATUSES, setMatchStatus } from '../../domain/catalog/set-match-status.ts';
import { updateMatch } from '../../domain/catalog/update-match.ts';
import { DomainError } from '../../domain/errors.ts';
import { centsToInput } from '../../domain/money.ts';
import { summarizeMatchSales } from '../../domain/sales/summarize-match-sales.ts';
import { toBrusselsLocal } from '../../domain/time.ts';
import { formatDateTime, formatMoney } from '../../i18n/index.ts';
import { ActivityLog } from '../../views/components/activity-log.tsx';
import { Field, Form, FormError, Select, useT } from '../../views/components/form.tsx';
import { MatchStatusBadge } from '../../views/components/match-status-badge.tsx';
import { VerifiedBadge } from '../../views/components/verified-badge.tsx';
import { render } from '../../views/layouts/layout.tsx';
import { domainMessage } from '../errors.tsx';
import { brusselsDateTime, optionalBrusselsDateTime, optionalEuros, text, wholeNumber } from '../fields.ts';
import { type FieldErrors, type FormValues, fieldErrors, parseForm } from '../forms.ts';
import { requireClub } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import type { AppEnv } from '../types.ts';

const matchForm = z.object({
  side: z.enum(['home', 'away']),
  opponentName: text(1, 80),
  // Which club of several with the opponent's name (a club id, or "none"); sent only when asked.
  opponentChoice: z.union([z.literal('none'), z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)]).optional(),
  competitionId: z.uuid('error.required'),
  venueId: z.union([z.literal(''), z.uuid()]).optional(),
  kickoffAt: brusselsDateTime,
  gatesOpenAt: optionalBrusselsDateTime,
  saleOpensAt: optionalBrusselsDateTime,
  saleClosesAt: optionalBrusselsDateTime,
  orderLimit: wholeNumber(1, 50),
});

const matchInput = (d: z.infer<typeof matchForm>): MatchInput => ({
  isHome: d.side === 'home',
  opponentName: d.opponentName,
  opponentChoice: d.opponentChoice,
  competitionId: d.competitionId,
  venueId: d.venueId || undefined,
  kickoffAt: d.kickoffAt,
  gatesOpenAt: d.gatesOpenAt,
  saleOpensAt: d.saleOpensAt,
  saleClosesAt: d.saleClosesAt,
  orderLimit: d.orderLimit,
});

const local = (date: Date | null | undefined) => (date ? toBrusselsLocal(date) : '');
const matchValues = (m: ClubMatch): FormValues => ({
  side: m.isHome ? 'home' : 'away',
  opponentName: m.opponentName,
  opponentChoice: m.opponentClubId ?? 'none',
  competitionId: m.competitionId,
  venueId: m.venueId ?? '',
  kickoffAt: local(m.kickoffAt),
  gatesOpenAt: local(m.gatesOpenAt),
  saleOpensAt: local(m.saleOpensAt),
  // Closing at kick-off is the default: shown as such (empty), as the hint says.
  saleClosesAt: m.saleClosesAt?.getTime() === m.kickoffAt.getTime() ? '' : local(m.saleClosesAt),
  orderLimit: String(m.orderLimit),
});

const manage = requireClub({ catalog: ['manage'] });
/** The latest lines of a match's history on its page; the activity page has them all. */
const MATCH_HISTORY = 30;
type Shown = { values?: FormValues; errors?: FieldErrors; for?: 'details' | 'stands' | 'postpone' };

/** A domain rule broken by a form: shown next to its field, or above the form. */
function asFieldErrors(c: Context<AppEnv>, error: unknown): FieldErrors {
  if (!(error instanceof DomainError)) throw error;
  return { [error.field ?? '_form']: domainMessage(c, error) };
}

export const matchRoutes = new Hono<AppEnv>()
  .get('/:slug/matches', manage, async (c) => {
    const t = c.get('t');
    const locale = c.get('locale');
    const { club } = c.get('membership');
    const past = c.req.query('past') === '1';
    const matches = await listClubMatches(c.get('deps').db, club.id, { past });
    return render(
      c,
      <>
        <h1>
          {t('matches.title')} · {club.name}
        </h1>
        <p class="actions">
          <a class="button" href={`/club/${club.slug}/matches/new`}>
            {t('matches.new')}
          </a>
          <a href={past ? `/club/${club.slug}/matches` : `/club/${club.slug}/matches?past=1`}>
            {past ? t('matches.upcoming') : t('matches.past')}
          </a>
        </p>
        {matches.length === 0 ? <p class="card">{t('matches.none')}</p> : null}
        <ul class="matches">
          {matches.map((m) => (
            <li class="card">
              <a class="teams" href={`/club/${club.slug}/matches/${m.id}`}>
                {matchTitle(m.isHome, club.name, m.opponentName)}
              </a>
              <div class="meta">
                {formatDateTime(m.kickoffAt, locale)} · {m.competition} · <MatchStatusBadge status={m.displayStatus} />
              </div>
              {m.stands.length > 0 ? (
                <div class="meta">
                  {m.stands.map((s) => t('matches.standSeats', { stand: s.name, sold: s.sold, cap: s.cap })).join(' · ')}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </>,
      { title: t('matches.title') },
    );
  })
  .get('/:slug/matches/new', manage, (c) => renderNewMatch(c, { values: { side: 'home', orderLimit: '10' } }))
  .post('/:slug/matches/new', manage, async (c) => {
    const { club } = c.get('membership');
    const form = await parseForm(c, matchForm);
    if (!form.ok) return renderNewMatch(c, form, 400);
    let id: string;
    try {
      id = await c
        .get('deps')
        .db.transaction((tx) => createMatch(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, match: matchInput(form.data) }));
    } catch (error) {
      return renderNewMatch(c, { values: form.values, errors: asFieldErrors(c, error) }, 400);
    }
    return redirectWithFlash(c, `/club/${club.slug}/matches/${id}#stands`, 'success', c.get('t')('matches.created'));
  })
  .get('/:slug/matches/:matchId', manage, (c) => renderMatch(c, {}))
  .post('/:slug/matches/:matchId', manage, async (c) => {
    const { club } = c.get('membership');
    const matchId = c.req.param('matchId');
    const form = await parseForm(c, matchForm);
    if (!form.ok) return renderMatch(c, { ...form, for: 'details' }, 400);
    try {
      await c
        .get('deps')
        .db.transaction((tx) =>
          updateMatch(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, matchId, match: matchInput(form.data) }),
        );
    } catch (error) {
      return renderMatch(c, { values: form.values, errors: asFieldErrors(c, error), for: 'details' }, 400);
    }
    return redirectWithFlash(c, `/club/${club.slug}/matches/${matchId}`, 'success', c.get('t')('common.saved'));
  })
  .post('/:slug/matches/:matchId/stands', manage, async (c) => {
    const { club } = c.get('membership');
    const { db } = c.get('deps');
    const matchId = c.req.param('matchId');
    const current = await findClubMatch(db, club.id, matchId);
    const stands = await findMatchStands(db, club.id, matchId, current.venueId);
    const body = await c.req.parseBody();
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const errors: FieldErrors = {};
    const choices: MatchStandChoice[] = stands.map((s) => {
      const choice: MatchStandChoice = { standId: s.standId, open: field(`open_${s.standId}`) === 'on', prices: {} };
      const cap = field(`cap_${s.standId}`);
      if (cap) {
        const parsed = wholeNumber(1, 100_000).safeParse(cap);
        if (parsed.success) choice.cap = parsed.data;
        else errors[`cap_${s.standId}`] = fieldErrors(parsed.error.issues, c.get('t'))._form ?? c.get('t')('error.number');
      }
      for (const category of PRICE_CATEGORIES) {
        const name = `price_${s.standId}_${category}`;
        const parsed = optionalEuros.safeParse(field(name));
        if (!parsed.success) errors[name] = c.get('t')('error.price');
        else if (parsed.data !== undefined) choice.prices[category] = parsed.data;
      }
      return choice;
    });
    const values = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as FormValues;
    if (Object.keys(errors).length > 0) return renderMatch(c, { values, errors, for: 'stands' }, 400);
    try {
      await db.transaction((tx) =>
        setMatchStands(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, matchId, stands: choices }),
      );
    } catch (error) {
      return renderMatch(c, { values, errors: asFieldErrors(c, error), for: 'stands' }, 400);
    }
    return redirectWithFlash(c, `/club/${club.slug}/matches/${matchId}#stands`, 'success', c.get('t')('matches.standsSaved'));
  })
  .post('/:slug/matches/:matchId/status', manage, async (c) => {
    const { club } = c.get('membership');
    const { db } = c.get('deps');
    const matchId = c.req.param('matchId');
    const status = z.enum(CLUB_MATCH_STATUSES).safeParse((await c.req.parseBody()).status);
    const back = `/club/${club.slug}/matches/${matchId}`;
    if (!status.success) return redirectWithFlash(c, back, 'error', c.get('t')('error.invalid'));
    try {
      await db.transaction((tx) =>
        setMatchStatus(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, matchId, status: status.data }),
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found') throw error;
      return redirectWithFlash(c, back, 'error', domainMessage(c, error));
    }
    return redirectWithFlash(c, back, 'success', c.get('t')(`matches.statusSet.${status.data}`));
  })
  .post('/:slug/matches/:matchId/postpone', manage, async (c) => {
    const { club } = c.get('membership');
    const matchId = c.req.param('matchId');
    const form = await parseForm(c, z.object({ kickoffAt: optionalBrusselsDateTime }));
    if (!form.ok) return renderMatch(c, { ...form, for: 'postpone' }, 400);
    try {
      await c
        .get('deps')
        .db.transaction((tx) =>
          postponeMatch(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, matchId, kickoffAt: form.data.kickoffAt ?? null }),
        );
    } catch (error) {
      return renderMatch(c, { values: form.values, errors: asFieldErrors(c, error), for: 'postpone' }, 400);
    }
    return redirectWithFlash(c, `/club/${club.slug}/matches/${matchId}`, 'success', c.get('t')('matches.postponed'));
  });

/** What the match form offers; `opponentName` (the one typed) brings the clubs it may mean. */
async function matchFormParts(c: Context<AppEnv>, opponentName?: string) {
  const { club } = c.get('membership');
  const { db } = c.get('deps');
  const [choices, venues, opponents] = await Promise.all([
    listCatalogChoices(db),
    listVenues(db, club.id),
    opponentName ? findOpponentClubs(db, club.id, opponentName) : null,
  ]);
  return { clubs: choices.clubs.filter((x) => x.slug !== club.slug), competitions: choices.competitions, venues, opponents };
}

/** The clubs an opponent's name fits when no single one stands out: the club picks one, or none. */
function OpponentChoice({ opponents, values, errors }: { opponents: OpponentClubs | null; values?: FormValues; errors?: FieldErrors }) {
  const t = useT();
  if (!opponents?.ambiguous) return null;
  const error = errors?.opponentChoice;
  return (
    <fieldset class={error ? 'field invalid' : 'field'} aria-describedby={error ? 'f-opponentChoice-error' : undefined}>
      <legend>{t('matches.opponentChoice')}</legend>
      {opponents.candidates.map((club) => (
        <div>
          <label class="inline">
            <input type="radio" name="opponentChoice" value={club.id} checked={values?.opponentChoice === club.id} /> {club.name}
            {club.commune ? ` (${club.commune})` : ''}
          </label>
          <VerifiedBadge verified={club.verified} />
        </div>
      ))}
      <div>
        <label class="inline">
          <input type="radio" name="opponentChoice" value="none" checked={values?.opponentChoice === 'none'} /> {t('matches.opponentNone')}
        </label>
      </div>
      {error ? (
        <small id="f-opponentChoice-error" class="error" role="alert">
          {error}
        </small>
      ) : null}
    </fieldset>
  );
}

function MatchDetails(props: { values?: FormValues; errors?: FieldErrors; parts: Awaited<ReturnType<typeof matchFormParts>> }) {
  const t = useT();
  const { values, errors, parts } = props;
  return (
    <>
      <FormError errors={errors} />
      <fieldset>
        <legend>{t('matches.side')}</legend>
        <label class="inline">
          <input type="radio" name="side" value="home" checked={values?.side !== 'away'} /> {t('matches.home')}
        </label>{' '}
        <label class="inline">
          <input type="radio" name="side" value="away" checked={values?.side === 'away'} /> {t('matches.awayOption')}
        </label>
      </fieldset>
      <div class={errors?.opponentName ? 'field invalid' : 'field'}>
        <label for="f-opponentName">{t('matches.opponent')}</label>
        <input id="f-opponentName" name="opponentName" list="opponents" required maxlength={80} value={values?.opponentName ?? ''} />
        <datalist id="opponents">
          {parts.clubs.map((club) => (
            <option value={club.name} label={club.verified ? `✓ ${t('club.verified')}` : undefined} />
          ))}
        </datalist>
        <small class="hint">{t('matches.opponentHint')}</small>
        {errors?.opponentName ? (
          <small class="error" role="alert">
            {errors.opponentName}
          </small>
        ) : null}
      </div>
      <OpponentChoice opponents={parts.opponents} values={values} errors={errors} />
      <Select
        name="competitionId"
        label={t('filter.competition')}
        options={[{ value: '', label: '—' }, ...parts.competitions.map((comp) => ({ value: comp.id, label: comp.name }))]}
        selected={values?.competitionId}
        errors={errors}
      />
      <Select
        name="venueId"
        label={t('matches.venue')}
        options={[
          { value: '', label: t('matches.noVenue') },
          ...parts.venues.map((v) => ({ value: v.id, label: `${v.name} (${v.commune})` })),
        ]}
        selected={values?.venueId}
        errors={errors}
      />
      <Field
        name="kickoffAt"
        type="datetime-local"
        label={t('matches.kickoff')}
        values={values}
        errors={errors}
        required
        hint={t('matches.timeHint')}
      />
      <Field name="gatesOpenAt" type="datetime-local" label={t('matches.gatesOpen')} values={values} errors={errors} />
      <Field
        name="saleOpensAt"
        type="datetime-local"
        label={t('matches.saleOpens')}
        values={values}
        errors={errors}
        hint={t('matches.saleOpensHint')}
      />
      <Field
        name="saleClosesAt"
        type="datetime-local"
        label={t('matches.saleCloses')}
        values={values}
        errors={errors}
        hint={t('matches.saleClosesHint')}
      />
      <Field
        name="orderLimit"
        type="number"
        label={t('matches.orderLimit')}
        values={values}
        errors={errors}
        required
        hint={t('matches.orderLimitHint')}
      />
    </>
  );
}

async function renderNewMatch(c: Context<AppEnv>, shown: Shown, status: 200 | 400 = 200) {
  const t = c.get('t');
  const { club } = c.get('membership');
  const parts = await matchFormParts(c, shown.values?.opponentName);
  c.status(status);
  return render(
    c,
    <section class="card">
      <h1>{t('matches.new')}</h1>
      {parts.venues.length === 0 ? (
        <p class="alert info">
          {t('matches.needVenue')} <a href={`/club/${club.slug}/venues`}>{t('venue.title')}</a>
        </p>
      ) : null}
      <Form action={`/club/${club.slug}/matches/new`}>
        <MatchDetails values={shown.values} errors={shown.errors} parts={parts} />
        <button type="submit">{t('matches.create')}</button>
      </Form>
    </section>,
    { title: t('matches.new') },
  );
}

async function renderMatch(c: Context<AppEnv>, shown: Shown, status: 200 | 400 = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const { club } = c.get('membership');
  const { db } = c.get('deps');
  const m = await findClubMatch(db, club.id, c.req.param('matchId')!);
  const details = shown.for === 'details' ? shown.values : matchValues(m);
  const [parts, stands, sales, history] = await Promise.all([
    matchFormParts(c, details?.opponentName),
    findMatchStands(db, club.id, m.id, m.venueId),
    summarizeMatchSales(db, club.id, m.id),
    listActivity(db, club.id, { matchId: m.id, limit: MATCH_HISTORY }),
  ]);
  const standValues: FormValues =
    shown.for === 'stands' && shown.values
      ? shown.values
      : Object.fromEntries(
          stands.flatMap((s) => [
            [`open_${s.standId}`, s.open ? 'on' : ''],
            [`cap_${s.standId}`, String(s.cap ?? s.capacity)],
            ...PRICE_CATEGORIES.filter((cat) => s.prices[cat] !== undefined).map((cat) => [
              `price_${s.standId}_${cat}`,
              centsToInput(s.prices[cat]!),
            ]),
          ]),
        );
  const errorsFor = (part: Shown['for']) => (shown.for === part ? shown.errors : undefined);
  const title = matchTitle(m.isHome, club.name, m.opponentName);
  c.status(status);
  return render(
    c,
    <>
      <h1>{title}</h1>
      <p class="meta">
        {formatDateTime(m.kickoffAt, locale)} · <MatchStatusBadge status={m.displayStatus} /> ·{' '}
        <a href={`/matches/${m.id}`}>{t('matches.publicPage')}</a>·{' '}
        <a href={`/club/${club.slug}/matches/${m.id}/attendance`}>{t('attendance.title')}</a>
      </p>

      <section class="card" id="sales">
        <h2>{t('sales.title')}</h2>
        <p>{t('sales.summary', { tickets: sales.tickets, revenue: formatMoney(sales.revenueCents, locale) })}</p>
        {sales.days.length > 0 ? (
          <div
            data-line-chart
            data-series={JSON.stringify(sales.days.map((d) => ({ x: d.day, y: d.tickets })))}
            data-label={t('sales.chartLabel')}
          >
            <table>
              <caption class="visually-hidden">{t('sales.chartLabel')}</caption>
              <thead>
                <tr>
                  <th>{t('orders.date')}</th>
                  <th>{t('sales.ticketsSoFar')}</th>
                  <th>{t('sales.revenueSoFar')}</th>
                </tr>
              </thead>
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
        <script type="module" src="/assets/line-chart.js" />
      </section>

      <section class="card" id="status">
        <h2>{t('matches.sale')}</h2>
        <div class="actions">
          {m.status !== 'on_sale' && m.status !== 'cancelled' ? (
            <Form action={`/club/${club.slug}/matches/${m.id}/status`}>
              <input type="hidden" name="status" value="on_sale" />
              <button type="submit">{t('matches.putOnSale')}</button>
            </Form>
          ) : null}
          {m.status === 'on_sale' ? (
            <Form action={`/club/${club.slug}/matches/${m.id}/status`}>
              <input type="hidden" name="status" value="scheduled" />
              <button type="submit" class="secondary">
                {t('matches.pauseSale')}
              </button>
            </Form>
          ) : null}
          {m.status !== 'cancelled' ? (
            <Form action={`/club/${club.slug}/matches/${m.id}/status`}>
              <input type="hidden" name="status" value="cancelled" />
              <button type="submit" class="danger">
                {t('matches.cancel')}
              </button>
            </Form>
          ) : null}
        </div>
      </section>

      <section class="card" id="stands">
        <h2>{t('matches.stands')}</h2>
        {stands.length === 0 ? <p>{m.venueId ? t('matches.noStandsAtVenue') : t('matches.awayNoStands')}</p> : null}
        {stands.length > 0 ? (
          <Form action={`/club/${club.slug}/matches/${m.id}/stands`}>
            <FormError errors={errorsFor('stands')} />
            {stands.map((s) => (
              <fieldset class="stand-choice">
                <legend>{s.name}</legend>
                <label class="inline">
                  <input type="checkbox" name={`open_${s.standId}`} checked={standValues[`open_${s.standId}`] === 'on'} />{' '}
                  {t('matches.openStand')}
                </label>
                {errorsFor('stands')?.[`open_${s.standId}`] ? (
                  <small class="error" role="alert">
                    {errorsFor('stands')?.[`open_${s.standId}`]}
                  </small>
                ) : null}
                <Field
                  name={`cap_${s.standId}`}
                  type="number"
                  label={t('matches.cap', { capacity: s.capacity })}
                  values={standValues}
                  errors={errorsFor('stands')}
                  hint={s.seatsTaken > 0 ? t('matches.seatsTaken', { count: s.seatsTaken }) : undefined}
                />
                {PRICE_CATEGORIES.filter((cat) => s.prices[cat] !== undefined).map((cat) => (
                  <Field
                    name={`price_${s.standId}_${cat}`}
                    label={`${t(`category.${cat}`)} (€)`}
                    values={standValues}
                    errors={errorsFor('stands')}
                    maxlength={9}
                  />
                ))}
              </fieldset>
            ))}
            <button type="submit">{t('matches.saveStands')}</button>
          </Form>
        ) : null}
      </section>

      <section class="card" id="details">
        <h2>{t('matches.details')}</h2>
        <Form action={`/club/${club.slug}/matches/${m.id}`}>
          <MatchDetails values={details} errors={errorsFor('details')} parts={parts} />
          <button type="submit">{t('common.save')}</button>
        </Form>
      </section>

      {m.status !== 'cancelled' ? (
        <section class="card" id="postpone">
          <h2>{t('matches.postpone')}</h2>
          <p class="hint">{t('matches.postponeHint')}</p>
          <Form action={`/club/${club.slug}/matches/${m.id}/postpone`} idPrefix="postpone">
            <FormError errors={errorsFor('postpone')} />
            <Field
              name="kickoffAt"
              type="datetime-local"
              label={t('matches.newKickoff')}
              values={shown.for === 'postpone' ? shown.values : {}}
              errors={errorsFor('postpone')}
            />
            <button type="submit" class="secondary">
              {t('matches.postpone')}
            </button>
          </Form>
        </section>
      ) : null}

      <section class="card" id="history">
        <h2>{t('activity.history')}</h2>
        <ActivityLog entries={history.entries} clubSlug={club.slug} links={{ order: true }} />
        {history.more ? (
          <p>
            <a href={`/club/${club.slug}/activity?match=${m.id}`}>{t('activity.link')}</a>
          </p>
        ) : null}
      </section>
    </>,
    { title },
  );
}
