import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { GUEST_LIST_KINDS } from '../../db/schema/index.ts';
import { findClubMatch } from '../../domain/catalog/find-club-match.ts';
import { matchTitle } from '../../domain/catalog/match-title.ts';
import { DomainError } from '../../domain/errors.ts';
import { addGuests, type NewGuest } from '../../domain/guests/add-guests.ts';
import { type Allowances, createGuestList } from '../../domain/guests/create-guest-list.ts';
import { findGuestList } from '../../domain/guests/find-guest-list.ts';
import { listGuestLists } from '../../domain/guests/list-guest-lists.ts';
import { listOpenStands } from '../../domain/guests/list-open-stands.ts';
import { type CsvProblem, MAX_GUEST_PLACES, parseGuestCsv } from '../../domain/guests/parse-guest-csv.ts';
import { removeGuest } from '../../domain/guests/remove-guest.ts';
import { setGuestListAllowances } from '../../domain/guests/set-guest-list-allowances.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { render } from '../../views/layouts/layout.tsx';
import { type GuestListForm, GuestListPage } from '../../views/pages/club/guest-list-page.tsx';
import { GuestListsPage } from '../../views/pages/club/guest-lists-page.tsx';
import { domainMessage } from '../errors.tsx';
import { text, wholeNumber } from '../fields.ts';
import { type FieldErrors, type FormValues, parseForm } from '../forms.ts';
import { requireClub } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import type { AppEnv } from '../types.ts';

/** Guest lists are the club's seats to give away: owners and admins, as for the match itself. */
const manage = requireClub({ catalog: ['manage'] });

/** A guest CSV is small: a few thousand lines at most. */
const MAX_CSV_BYTES = 256 * 1024;

const CSV_PROBLEM_KEY: Record<CsvProblem, MessageKey> = {
  name_missing: 'guests.csv.nameMissing',
  name_too_long: 'guests.csv.nameTooLong',
  email_invalid: 'guests.csv.emailInvalid',
  places_invalid: 'guests.csv.placesInvalid',
  no_rows: 'guests.csv.noRows',
  too_many_rows: 'guests.csv.tooManyRows',
};

/** The seats per stand of a list's form (`seats_<matchStandId>`), for the stands the match has open. */
const seatsShape = (standIds: string[]) => Object.fromEntries(standIds.map((id) => [`seats_${id}`, wholeNumber(0, 100_000)]));
const seatsOf = (data: Record<string, unknown>, standIds: string[]): Allowances =>
  Object.fromEntries(standIds.map((id) => [id, data[`seats_${id}`] as number]));

const guestForm = z.object({
  name: text(1, 120),
  email: z.union([z.literal(''), z.email('error.email').max(254)]).transform((v) => v.toLowerCase() || null),
  places: wholeNumber(1, MAX_GUEST_PLACES),
  matchStandId: z.uuid('error.required'),
});

/** A domain refusal as the form's errors: beside its field, else above the form. */
function asErrors(c: Context<AppEnv>, error: unknown): FieldErrors {
  if (!(error instanceof DomainError) || error.code === 'not_found') throw error;
  return { [error.field ?? '_form']: domainMessage(c, error) };
}

/** A match's guest lists (/club/:slug/matches/:matchId/guests…): lists, seats, guests by hand or CSV. */
export const guestRoutes = new Hono<AppEnv>()
  .get('/:slug/matches/:matchId/guests', manage, (c) => showLists(c, {}))
  .post('/:slug/matches/:matchId/guests', manage, async (c) => {
    const { club } = c.get('membership');
    const { db } = c.get('deps');
    const matchId = c.req.param('matchId');
    const stands = await openStands(c, matchId);
    const ids = stands.map((s) => s.matchStandId);
    const form = await parseForm(c, z.object({ name: text(1, 80), kind: z.enum(GUEST_LIST_KINDS), ...seatsShape(ids) }));
    if (!form.ok) return showLists(c, { values: form.values, errors: form.errors }, 400);
    const allowances = seatsOf(form.data, ids);
    let id: string;
    try {
      id = await db.transaction((tx) =>
        createGuestList(tx, operationContext(c), {
          actor: actorOf(c),
          clubId: club.id,
          matchId,
          name: form.data.name,
          kind: form.data.kind,
          allowances,
        }),
      );
    } catch (error) {
      return showLists(c, { values: form.values, errors: asErrors(c, error) }, 409);
    }
    return redirectWithFlash(c, `/club/${club.slug}/matches/${matchId}/guests/${id}`, 'success', c.get('t')('guests.created'));
  })
  .get('/:slug/matches/:matchId/guests/:listId', manage, (c) => showList(c, undefined))
  .post('/:slug/matches/:matchId/guests/:listId/seats', manage, async (c) => {
    const { club } = c.get('membership');
    const { db } = c.get('deps');
    const list = await listOf(c);
    const ids = list.stands.map((s) => s.matchStandId);
    const form = await parseForm(c, z.object(seatsShape(ids)));
    if (!form.ok) return showList(c, { form: 'seats', values: form.values, errors: form.errors }, 400);
    try {
      await db.transaction((tx) =>
        setGuestListAllowances(tx, operationContext(c), {
          actor: actorOf(c),
          clubId: club.id,
          guestListId: list.id,
          allowances: seatsOf(form.data, ids),
        }),
      );
    } catch (error) {
      return showList(c, { form: 'seats', values: form.values, errors: asErrors(c, error) }, 409);
    }
    return redirectWithFlash(c, listPath(c), 'success', c.get('t')('common.saved'));
  })
  .post('/:slug/matches/:matchId/guests/:listId/add', manage, async (c) => {
    const list = await listOf(c);
    const form = await parseForm(c, guestForm);
    if (!form.ok) return showList(c, { form: 'add', values: form.values, errors: form.errors }, 400);
    const { matchStandId, ...one } = form.data;
    try {
      await addToList(c, list.id, matchStandId, [one], false);
    } catch (error) {
      return showList(c, { form: 'add', values: form.values, errors: asErrors(c, error) }, 409);
    }
    return redirectWithFlash(c, `${listPath(c)}#guests`, 'success', c.get('t')('guests.added', { name: one.name }));
  })
  .post('/:slug/matches/:matchId/guests/:listId/import', manage, async (c) => {
    const t = c.get('t');
    const list = await listOf(c);
    const body = await c.req.parseBody();
    const file = body.csv;
    const values: FormValues = { matchStandId: typeof body.matchStandId === 'string' ? body.matchStandId : '' };
    const stand = z.uuid().safeParse(values.matchStandId);
    if (!stand.success) return showList(c, { form: 'import', values, errors: { matchStandId: t('error.required') } }, 400);
    if (!(file instanceof File) || file.size === 0)
      return showList(c, { form: 'import', values, errors: { _form: t('guests.csv.noFile') } }, 400);
    if (file.size > MAX_CSV_BYTES) return showList(c, { form: 'import', values, errors: { _form: t('guests.csv.tooLarge') } }, 413);
    const parsed = parseGuestCsv(new TextDecoder('utf-8').decode(await file.arrayBuffer()));
    if (!parsed.ok) {
      const csvProblems = parsed.problems.map((p) => t('guests.csv.line', { line: p.line, problem: t(CSV_PROBLEM_KEY[p.problem]) }));
      return showList(c, { form: 'import', values, csvProblems }, 400);
    }
    try {
      await addToList(c, list.id, stand.data, parsed.guests, true);
    } catch (error) {
      const errors = asErrors(c, error);
      return showList(c, { form: 'import', values, errors: { _form: errors.places ?? errors._form ?? '' } }, 409);
    }
    return redirectWithFlash(c, `${listPath(c)}#guests`, 'success', t('guests.imported', { count: parsed.guests.length }));
  })
  .post('/:slug/matches/:matchId/guests/:listId/remove/:guestId', manage, async (c) => {
    const { club } = c.get('membership');
    await listOf(c);
    try {
      await c
        .get('deps')
        .db.transaction((tx) =>
          removeGuest(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, guestId: c.req.param('guestId') }),
        );
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found') throw error;
      return redirectWithFlash(c, `${listPath(c)}#guests`, 'error', domainMessage(c, error));
    }
    return redirectWithFlash(c, `${listPath(c)}#guests`, 'success', c.get('t')('guests.removed'));
  });

/** Guests into a list, in one stand, all or none (a form's one guest, or a CSV's every line). */
function addToList(c: Context<AppEnv>, guestListId: string, matchStandId: string, guests: NewGuest[], imported: boolean) {
  const { club } = c.get('membership');
  return c.get('deps').db.transaction((tx) =>
    addGuests(tx, operationContext(c), {
      actor: actorOf(c),
      clubId: club.id,
      guestListId,
      matchStandId,
      guests,
      locale: c.get('locale'),
      imported,
    }),
  );
}

const listPath = (c: Context<AppEnv>) =>
  `/club/${c.get('membership').club.slug}/matches/${c.req.param('matchId')}/guests/${c.req.param('listId')}`;

/** The list named by the path, of this club and of this match (else not found). */
async function listOf(c: Context<AppEnv>) {
  const list = await findGuestList(c.get('deps').db, c.get('membership').club.id, c.req.param('listId') ?? '');
  if (list.matchId !== c.req.param('matchId')) throw new DomainError('not_found');
  return list;
}

/** The stands open for the match (of this club: another club's match is not found), seats left. */
async function openStands(c: Context<AppEnv>, matchId: string) {
  const { club } = c.get('membership');
  const { db } = c.get('deps');
  const m = await findClubMatch(db, club.id, matchId);
  return listOpenStands(db, club.id, m.id);
}

async function matchHeading(c: Context<AppEnv>) {
  const { club } = c.get('membership');
  const m = await findClubMatch(c.get('deps').db, club.id, c.req.param('matchId') ?? '');
  return { id: m.id, title: matchTitle(m.isHome, club.name, m.opponentName) };
}

async function showLists(c: Context<AppEnv>, shown: { values?: FormValues; errors?: FieldErrors }, status: 200 | 400 | 409 = 200) {
  const { club } = c.get('membership');
  const match = await matchHeading(c);
  const [lists, stands] = await Promise.all([listGuestLists(c.get('deps').db, club.id, match.id), openStands(c, match.id)]);
  c.status(status);
  return render(
    c,
    <GuestListsPage
      club={club}
      match={match}
      lists={lists}
      kinds={GUEST_LIST_KINDS}
      stands={stands}
      values={shown.values}
      errors={shown.errors}
    />,
    {
      title: c.get('t')('guests.title'),
    },
  );
}

async function showList(
  c: Context<AppEnv>,
  shown: { form: GuestListForm; values?: FormValues; errors?: FieldErrors; csvProblems?: string[] } | undefined,
  status: 200 | 400 | 409 | 413 = 200,
) {
  const { club } = c.get('membership');
  const [match, list] = await Promise.all([matchHeading(c), listOf(c)]);
  c.status(status);
  return render(c, <GuestListPage club={club} match={match} list={list} shown={shown} />, { title: list.name });
}
