import { TransactionRollbackError } from 'drizzle-orm';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Executor, Tx } from '../../db/client.ts';
import { SALE_CATEGORIES } from '../../db/schema/index.ts';
import { listActivity } from '../../domain/activity/list-activity.ts';
import { createMatch } from '../../domain/catalog/create-match.ts';
import { type ClubMatch, findClubMatch } from '../../domain/catalog/find-club-match.ts';
import { findMatchStands, type MatchStandRow } from '../../domain/catalog/find-match-stands.ts';
import { findOpponentClubs } from '../../domain/catalog/find-opponent-clubs.ts';
import { listCatalogChoices } from '../../domain/catalog/list-catalog-choices.ts';
import { listClubMatches } from '../../domain/catalog/list-club-matches.ts';
import { listVenues } from '../../domain/catalog/list-venues.ts';
import { type MatchInput, suggestedKickoff } from '../../domain/catalog/match-rules.ts';
import { matchTitle } from '../../domain/catalog/match-title.ts';
import { postponeMatch } from '../../domain/catalog/postpone-match.ts';
import { type MatchStandChoice, setMatchStands } from '../../domain/catalog/set-match-stands.ts';
import { CLUB_MATCH_STATUSES, setMatchStatus } from '../../domain/catalog/set-match-status.ts';
import { updateMatch } from '../../domain/catalog/update-match.ts';
import { DomainError } from '../../domain/errors.ts';
import { centsToInput } from '../../domain/money.ts';
import { summarizeMatchRefund } from '../../domain/sales/summarize-match-refund.ts';
import { summarizeMatchSales } from '../../domain/sales/summarize-match-sales.ts';
import { listMatchHolders } from '../../domain/tickets/list-match-holders.ts';
import { toBrusselsLocal } from '../../domain/time.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { render } from '../../views/layouts/layout.tsx';
import { CancelMatchPage } from '../../views/pages/club/cancel-match-page.tsx';
import type { MatchFormChoices } from '../../views/pages/club/match-fields.tsx';
import { MatchPage } from '../../views/pages/club/match-page.tsx';
import { MatchesPage } from '../../views/pages/club/matches-page.tsx';
import { NewMatchPage } from '../../views/pages/club/new-match-page.tsx';
import { PostponeMatchPage } from '../../views/pages/club/postpone-match-page.tsx';
import { domainMessage } from '../errors.tsx';
import {
  brusselsDateTime,
  buyersMessage,
  optionalBrusselsDateTime,
  optionalEuros,
  optionalWholeNumber,
  text,
  wholeNumber,
} from '../fields.ts';
import { type FieldErrors, type FormLists, type FormValues, parseForm } from '../forms.ts';
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
  allowReentry: z.literal('on').optional(),
  allowTransfers: z.literal('on').optional(),
  freeEntryUnder: optionalWholeNumber(1, 18),
});

/** Scheduling: the details, and the stands of the venue to open at once (the form ticks them all). */
const newMatchForm = matchForm.extend({ openStands: z.array(z.uuid()).optional() });

/**
 * The stands form of one match, built from the stands of its venue: per stand `open_<id>` (a
 * checkbox), `cap_<id>` (empty: the capacity) and `price_<id>_<category>` (empty: the stand's price).
 */
function standsForm(stands: MatchStandRow[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const s of stands) {
    shape[`open_${s.standId}`] = z.string().optional();
    shape[`cap_${s.standId}`] = optionalWholeNumber(1, 100_000);
    for (const category of SALE_CATEGORIES) shape[`price_${s.standId}_${category}`] = optionalEuros;
  }
  return z.object(shape).transform((d): MatchStandChoice[] =>
    stands.map((s) => ({
      standId: s.standId,
      open: d[`open_${s.standId}`] === 'on',
      cap: d[`cap_${s.standId}`] as number | undefined,
      prices: Object.fromEntries(
        SALE_CATEGORIES.flatMap((category) => {
          const cents = d[`price_${s.standId}_${category}`];
          return cents === undefined ? [] : [[category, cents as number]];
        }),
      ),
    })),
  );
}

/** Putting on sale, pausing, or cancelling (then confirmed, with the club's words to the buyers). */
const statusForm = z.object({ status: z.enum(CLUB_MATCH_STATUSES), confirm: z.string().optional(), message: buyersMessage });

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
  allowReentry: d.allowReentry === 'on',
  allowTransfers: d.allowTransfers === 'on',
  freeEntryUnder: d.freeEntryUnder,
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
  allowReentry: m.allowReentry ? 'on' : '',
  allowTransfers: m.allowTransfers ? 'on' : '',
  freeEntryUnder: m.freeEntryUnder === null ? '' : String(m.freeEntryUnder),
});

const manage = requireClub({ catalog: ['manage'] });
/** The latest lines of a match's history on its page; the activity page has them all. */
const MATCH_HISTORY = 30;
type Shown = { values?: FormValues; lists?: FormLists; errors?: FieldErrors; for?: 'details' | 'stands' | 'postpone' };

/** The domain rules broken by a form, all of them: each shown next to its field, or above the form. */
function asFieldErrors(c: Context<AppEnv>, error: unknown): FieldErrors {
  if (!(error instanceof DomainError)) throw error;
  const errors: FieldErrors = {};
  for (const e of [error, ...error.also]) errors[e.field ?? '_form'] ??= domainMessage(c, e);
  return errors;
}

/** The club's matches (/club/:slug/matches…): schedule, open stands, put on sale, postpone, cancel. */
export const clubMatchRoutes = new Hono<AppEnv>()
  .get('/:slug/matches', manage, async (c) => {
    const { club } = c.get('membership');
    const past = c.req.query('past') === '1';
    const matches = (await listClubMatches(c.get('deps').db, club.id, { past })).map((m) => ({
      ...m,
      title: matchTitle(m.isHome, club.name, m.opponentName),
    }));
    return render(c, <MatchesPage club={club} matches={matches} past={past} />, { title: c.get('t')('matches.title') });
  })
  .get('/:slug/matches/new', manage, (c) => showNewMatch(c, {}))
  .post('/:slug/matches/new', manage, async (c) => {
    const { club } = c.get('membership');
    const form = await parseForm(c, newMatchForm);
    if (!form.ok) return showNewMatch(c, form, 400);
    const { openStands = [], ...details } = form.data;
    let id: string;
    try {
      id = await c
        .get('deps')
        .db.transaction((tx) =>
          createMatch(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, match: matchInput(details), openStands }),
        );
    } catch (error) {
      return showNewMatch(c, { values: form.values, lists: form.lists, errors: asFieldErrors(c, error) }, 400);
    }
    const t = c.get('t');
    // With its stands open the match is one click from sale (the overview's first button); without, the stands come first.
    return openStands.length > 0
      ? redirectWithFlash(c, `/club/${club.slug}/matches/${id}`, 'success', t('matches.createdWithStands'))
      : redirectWithFlash(c, `/club/${club.slug}/matches/${id}#stands`, 'success', t('matches.created'));
  })
  .get('/:slug/matches/:matchId', manage, (c) => showMatch(c, c.req.param('matchId'), {}))
  .post('/:slug/matches/:matchId', manage, async (c) => {
    const { club } = c.get('membership');
    const matchId = c.req.param('matchId');
    const form = await parseForm(c, matchForm);
    if (!form.ok) return showMatch(c, matchId, { ...form, for: 'details' }, 400);
    try {
      await c
        .get('deps')
        .db.transaction((tx) =>
          updateMatch(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, matchId, match: matchInput(form.data) }),
        );
    } catch (error) {
      return showMatch(c, matchId, { values: form.values, errors: asFieldErrors(c, error), for: 'details' }, 400);
    }
    return redirectWithFlash(c, `/club/${club.slug}/matches/${matchId}`, 'success', c.get('t')('common.saved'));
  })
  .post('/:slug/matches/:matchId/stands', manage, async (c) => {
    const { club } = c.get('membership');
    const { db } = c.get('deps');
    const matchId = c.req.param('matchId');
    const current = await findClubMatch(db, club.id, matchId);
    const stands = await findMatchStands(db, club.id, matchId, current.venueId);
    const form = await parseForm(c, standsForm(stands));
    if (!form.ok) return showMatch(c, matchId, { ...form, for: 'stands' }, 400);
    const { values } = form;
    try {
      await db.transaction((tx) =>
        setMatchStands(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, matchId, stands: form.data }),
      );
    } catch (error) {
      return showMatch(c, matchId, { values, errors: asFieldErrors(c, error), for: 'stands' }, 400);
    }
    return redirectWithFlash(c, `/club/${club.slug}/matches/${matchId}#stands`, 'success', c.get('t')('matches.standsSaved'));
  })
  .get('/:slug/matches/:matchId/cancel', manage, async (c) => {
    const { club } = c.get('membership');
    const { db } = c.get('deps');
    const m = await findClubMatch(db, club.id, c.req.param('matchId'));
    const back = `/club/${club.slug}/matches/${m.id}`;
    if (m.status === 'cancelled') return redirectWithFlash(c, back, 'info', c.get('t')('matches.statusSet.cancelled'));
    const locale = c.get('locale');
    return render(
      c,
      <CancelMatchPage
        club={club}
        match={{ id: m.id, title: matchTitle(m.isHome, club.name, m.opponentName), when: formatDateTime(m.kickoffAt, locale) }}
        refund={await summarizeMatchRefund(db, club.id, m.id)}
        locale={locale}
      />,
      { title: c.get('t')('matches.cancel') },
    );
  })
  .post('/:slug/matches/:matchId/status', manage, async (c) => {
    const { club } = c.get('membership');
    const { db } = c.get('deps');
    const matchId = c.req.param('matchId');
    const form = await parseForm(c, statusForm);
    const back = `/club/${club.slug}/matches/${matchId}`;
    if (!form.ok) {
      // A message too long comes from the cancellation's confirmation page: back there to shorten it.
      if (form.errors.message && !form.errors.status) return redirectWithFlash(c, `${back}/cancel`, 'error', form.errors.message);
      return redirectWithFlash(c, back, 'error', c.get('t')('error.invalid'));
    }
    const { status, confirm, message } = form.data;
    // Cancelling refunds every buyer: only from its confirmation page, never from one click.
    if (status === 'cancelled' && confirm !== 'yes') return c.redirect(`${back}/cancel`, 303);
    try {
      await db.transaction((tx) =>
        setMatchStatus(tx, operationContext(c), {
          actor: actorOf(c),
          clubId: club.id,
          matchId,
          status,
          ...(status === 'cancelled' && message ? { message } : {}),
        }),
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found') throw error;
      return redirectWithFlash(c, back, 'error', domainMessage(c, error));
    }
    return redirectWithFlash(c, back, 'success', c.get('t')(`matches.statusSet.${status}`));
  })
  .post('/:slug/matches/:matchId/postpone', manage, async (c) => {
    const { club } = c.get('membership');
    const matchId = c.req.param('matchId');
    const form = await parseForm(
      c,
      z.object({ kickoffAt: optionalBrusselsDateTime, confirm: z.string().optional(), message: buyersMessage }),
    );
    if (!form.ok) return showMatch(c, matchId, { ...form, for: 'postpone' }, 400);
    const { db } = c.get('deps');
    const postpone = (tx: Tx) =>
      postponeMatch(tx, operationContext(c), {
        actor: actorOf(c),
        clubId: club.id,
        matchId,
        kickoffAt: form.data.kickoffAt ?? null,
        ...(form.data.message ? { message: form.data.message } : {}),
      });
    if (form.data.confirm !== 'yes') {
      // Every ticket holder is told: the club sees to when and how many before anything moves. The
      // operation runs first and is rolled back, so a date it refuses is said now, not after confirming.
      try {
        await db.transaction(async (tx) => {
          await postpone(tx);
          tx.rollback();
        });
      } catch (error) {
        if (error instanceof DomainError)
          return showMatch(c, matchId, { values: form.values, errors: asFieldErrors(c, error), for: 'postpone' }, 400);
        if (!(error instanceof TransactionRollbackError)) throw error;
      }
      const m = await findClubMatch(db, club.id, matchId);
      const locale = c.get('locale');
      const kickoffAt = form.data.kickoffAt;
      return render(
        c,
        <PostponeMatchPage
          club={club}
          match={{ id: m.id, title: matchTitle(m.isHome, club.name, m.opponentName), when: formatDateTime(m.kickoffAt, locale) }}
          newKickoff={kickoffAt ? { typed: toBrusselsLocal(kickoffAt), words: formatDateTime(kickoffAt, locale) } : null}
          holders={(await listMatchHolders(db, m.id)).length}
        />,
        { title: c.get('t')('matches.postpone') },
      );
    }
    try {
      await db.transaction(postpone);
    } catch (error) {
      return showMatch(c, matchId, { values: form.values, errors: asFieldErrors(c, error), for: 'postpone' }, 400);
    }
    return redirectWithFlash(c, `/club/${club.slug}/matches/${matchId}`, 'success', c.get('t')('matches.postponed'));
  });

/** What the match form offers; `opponentName` (the one typed) brings the clubs it may mean. */
async function matchFormChoices(db: Executor, club: { id: string; slug: string }, opponentName?: string): Promise<MatchFormChoices> {
  const [choices, venues, opponents] = await Promise.all([
    listCatalogChoices(db),
    listVenues(db, club.id),
    opponentName ? findOpponentClubs(db, club.id, opponentName) : null,
  ]);
  return { clubs: choices.clubs.filter((x) => x.slug !== club.slug), competitions: choices.competitions, venues, opponents };
}

/** The stands form as saved: which stands are open, their caps and prices. */
const standValues = (stands: MatchStandRow[]): FormValues =>
  Object.fromEntries(
    stands.flatMap((s) => [
      [`open_${s.standId}`, s.open ? 'on' : ''],
      [`cap_${s.standId}`, String(s.cap ?? s.capacity)],
      ...SALE_CATEGORIES.filter((cat) => s.prices[cat] !== undefined).map((cat) => [
        `price_${s.standId}_${cat}`,
        centsToInput(s.prices[cat]!),
      ]),
    ]),
  );

/**
 * The new-match form; first shown with the defaults most matches take: at home, at the club's venue
 * when it has one, the next Sunday at 15:00, ten tickets per order, every stand of the venue ticked.
 */
async function showNewMatch(c: Context<AppEnv>, shown: Shown, status: 200 | 400 = 200) {
  const { club } = c.get('membership');
  const choices = await matchFormChoices(c.get('deps').db, club, shown.values?.opponentName);
  const [onlyVenue] = choices.venues.length === 1 ? choices.venues : [];
  const values = shown.values ?? {
    side: 'home',
    venueId: onlyVenue?.id ?? '',
    kickoffAt: toBrusselsLocal(suggestedKickoff(new Date())),
    orderLimit: '10',
    allowTransfers: 'on',
  };
  const openStands = shown.values
    ? (shown.lists?.openStands ?? [])
    : choices.venues.flatMap((v) => v.stands.filter((s) => !s.archivedAt).map((s) => s.id));
  c.status(status);
  return render(c, <NewMatchPage club={club} choices={choices} values={values} openStands={openStands} errors={shown.errors} />, {
    title: c.get('t')('matches.new'),
  });
}

/** The match page; a form that failed (`shown.for`) comes back as it was sent, the others as saved. */
async function showMatch(c: Context<AppEnv>, matchId: string, shown: Shown, status: 200 | 400 = 200) {
  const { club } = c.get('membership');
  const { db } = c.get('deps');
  const m = await findClubMatch(db, club.id, matchId);
  const sent = (part: Shown['for']) => (shown.for === part ? shown.values : undefined);
  const details = sent('details') ?? matchValues(m);
  const [choices, stands, sales, history] = await Promise.all([
    matchFormChoices(db, club, details.opponentName),
    findMatchStands(db, club.id, m.id, m.venueId),
    summarizeMatchSales(db, club.id, m.id),
    listActivity(db, club.id, { matchId: m.id, limit: MATCH_HISTORY }),
  ]);
  const errorsFor = (part: Shown['for']) => (shown.for === part ? shown.errors : undefined);
  const title = matchTitle(m.isHome, club.name, m.opponentName);
  c.status(status);
  return render(
    c,
    <MatchPage
      club={club}
      match={m}
      title={title}
      sales={sales}
      stands={stands}
      categories={SALE_CATEGORIES}
      choices={choices}
      history={history}
      values={{ details, stands: sent('stands') ?? standValues(stands), postpone: sent('postpone') ?? {} }}
      errors={{ details: errorsFor('details'), stands: errorsFor('stands'), postpone: errorsFor('postpone') }}
    />,
    { title },
  );
}
