import { formatShortCode } from '@footarena/ticket-code';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { SALE_CATEGORIES } from '../../db/schema/index.ts';
import { listVenues } from '../../domain/catalog/list-venues.ts';
import type { Prices } from '../../domain/catalog/stand-prices.ts';
import { DomainError } from '../../domain/errors.ts';
import { centsToInput } from '../../domain/money.ts';
import { addSeasonMatch } from '../../domain/seasons/add-season-match.ts';
import type { SeasonProductInput } from '../../domain/seasons/check-season-product.ts';
import { createSeasonProduct } from '../../domain/seasons/create-season-product.ts';
import { findSeasonProduct, type SeasonProductDetail } from '../../domain/seasons/find-season-product.ts';
import { listSeasonHolders } from '../../domain/seasons/list-season-holders.ts';
import { leagueMatchesBetween, listSeasonMatchChoices } from '../../domain/seasons/list-season-match-choices.ts';
import { listSeasonProducts } from '../../domain/seasons/list-season-products.ts';
import { removeSeasonMatch } from '../../domain/seasons/remove-season-match.ts';
import { revokeSeasonPass } from '../../domain/seasons/revoke-season-pass.ts';
import { updateSeasonProduct } from '../../domain/seasons/update-season-product.ts';
import { brusselsDayStart, toBrusselsLocal } from '../../domain/time.ts';
import { render } from '../../views/layouts/layout.tsx';
import { RevokePassPage } from '../../views/pages/club/revoke-pass-page.tsx';
import { SeasonFormPage } from '../../views/pages/club/season-form-page.tsx';
import { SeasonHoldersPage } from '../../views/pages/club/season-holders-page.tsx';
import { SeasonPage } from '../../views/pages/club/season-page.tsx';
import { SeasonsPage } from '../../views/pages/club/seasons-page.tsx';
import { sendCsv } from '../csv.ts';
import { domainMessage } from '../errors.tsx';
import { euros, optionalBrusselsDateTime, optionalEuros, optionalWholeNumber, text, wholeNumber } from '../fields.ts';
import { type FieldErrors, type FormLists, type FormValues, parseForm } from '../forms.ts';
import { requireClub } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import type { AppEnv } from '../types.ts';

/** Season tickets are the club's seats for a whole season: owners and admins, as for the matches. */
const manage = requireClub({ catalog: ['manage'] });

const day = z.union([z.literal(''), z.iso.date('error.invalid')]).optional();

const productForm = z.object({
  season: text(1, 20),
  name: text(1, 80),
  standId: z.uuid('error.required'),
  price_adult: euros,
  price_youth: optionalEuros,
  price_child: optionalEuros,
  price_member: optionalEuros,
  price_senior: optionalEuros,
  saleOpensAt: optionalBrusselsDateTime,
  saleClosesAt: optionalBrusselsDateTime,
  cap: optionalWholeNumber(1, 100_000),
  giveBackSharePercent: wholeNumber(0, 100),
  renewalOfId: z.union([z.literal(''), z.uuid()]).optional(),
  priorityUntil: optionalBrusselsDateTime,
});

/** Creation also names the matches: ticked ones, and "all home league matches from … to …". */
const newProductForm = productForm
  .extend({ matches: z.array(z.uuid()).max(200).optional(), rangeFrom: day, rangeTo: day })
  .refine((d) => Boolean(d.rangeFrom) === Boolean(d.rangeTo), { message: 'seasons.rangeBoth', path: ['rangeFrom'] })
  .refine((d) => !d.rangeFrom || !d.rangeTo || d.rangeFrom <= d.rangeTo, { message: 'seasons.rangeInverted', path: ['rangeFrom'] });

const productInput = (d: z.infer<typeof productForm>): SeasonProductInput => ({
  season: d.season,
  name: d.name,
  standId: d.standId,
  prices: Object.fromEntries(SALE_CATEGORIES.map((c) => [c, d[`price_${c}`]]).filter(([, v]) => v !== undefined)) as Prices,
  saleOpensAt: d.saleOpensAt,
  saleClosesAt: d.saleClosesAt,
  cap: d.cap,
  giveBackSharePercent: d.giveBackSharePercent,
  renewalOfId: d.renewalOfId || undefined,
  priorityUntil: d.priorityUntil,
});

const local = (date: Date | null) => (date ? toBrusselsLocal(date) : '');
const productValues = (p: SeasonProductDetail): FormValues => ({
  season: p.season,
  name: p.name,
  standId: p.standId,
  ...Object.fromEntries(SALE_CATEGORIES.map((c) => [`price_${c}`, p.prices[c] === undefined ? '' : centsToInput(p.prices[c])])),
  saleOpensAt: local(p.saleOpensAt),
  saleClosesAt: local(p.saleClosesAt),
  cap: p.cap === null ? '' : String(p.cap),
  giveBackSharePercent: String(p.giveBackSharePercent),
  renewalOfId: p.renewalOfId ?? '',
  priorityUntil: local(p.priorityUntil),
});

const revokeForm = z.object({ confirm: z.literal('yes').optional(), message: z.string().trim().max(500).optional() });

type Shown = { values?: FormValues; lists?: FormLists; errors?: FieldErrors };

/** Every domain problem of a form beside its field (or above the form); a missing thing is a 404. */
function asFieldErrors(c: Context<AppEnv>, error: unknown, matchField = '_form'): FieldErrors {
  if (!(error instanceof DomainError) || (error.code === 'not_found' && !error.field)) throw error;
  const errors: FieldErrors = {};
  for (const e of [error, ...error.also]) {
    const field = e.field ?? (e.code === 'season_stand_not_open' || e.code === 'match_not_editable' ? matchField : '_form');
    errors[field] ??= e.code === 'not_found' ? c.get('t')('error.required') : domainMessage(c, e);
  }
  return errors;
}

const base = (c: Context<AppEnv>) => `/club/${c.get('membership').club.slug}/seasons`;

/** The club's season ticket products (/club/:slug/seasons…): list, create, edit, covered matches, holders. */
export const seasonRoutes = new Hono<AppEnv>()
  .get('/:slug/seasons', manage, async (c) => {
    const { club } = c.get('membership');
    const products = await listSeasonProducts(c.get('deps').db, club.id);
    return render(c, <SeasonsPage club={club} products={products} />, { title: c.get('t')('seasons.title') });
  })
  .get('/:slug/seasons/new', manage, (c) => showForm(c, undefined, { values: { giveBackSharePercent: '50' } }))
  .post('/:slug/seasons/new', manage, async (c) => {
    const { club } = c.get('membership');
    const { db } = c.get('deps');
    const t = c.get('t');
    const form = await parseForm(c, newProductForm);
    if (!form.ok) return showForm(c, undefined, form, 400);
    const { matches = [], rangeFrom, rangeTo } = form.data;
    let quick: ReturnType<typeof leagueMatchesBetween> = { covered: [], standClosed: [] };
    if (rangeFrom && rangeTo) {
      const choices = await listSeasonMatchChoices(db, club.id);
      quick = leagueMatchesBetween(choices, form.data.standId, brusselsDayStart(rangeFrom), brusselsDayStart(rangeTo, 1));
    }
    let id: string;
    try {
      id = await db.transaction((tx) =>
        createSeasonProduct(tx, operationContext(c), {
          actor: actorOf(c),
          clubId: club.id,
          product: productInput(form.data),
          matchIds: [...matches, ...quick.covered.map((m) => m.id)],
        }),
      );
    } catch (error) {
      return showForm(c, undefined, { ...form, errors: asFieldErrors(c, error, 'matches') }, 409);
    }
    const left = quick.standClosed.map((m) => m.opponentName);
    const message = left.length
      ? `${t('seasons.created')} ${t('seasons.leftOut', { count: left.length, matches: left.join(', ') })}`
      : t('seasons.created');
    return redirectWithFlash(c, `${base(c)}/${id}`, 'success', message);
  })
  .get('/:slug/seasons/:productId', manage, async (c) => {
    const { club } = c.get('membership');
    const { db } = c.get('deps');
    const product = await findSeasonProduct(db, club.id, c.req.param('productId'));
    return showProduct(c, product, {});
  })
  .get('/:slug/seasons/:productId/edit', manage, async (c) => {
    const { club } = c.get('membership');
    const product = await findSeasonProduct(c.get('deps').db, club.id, c.req.param('productId'));
    return showForm(c, product, { values: productValues(product) });
  })
  .post('/:slug/seasons/:productId/edit', manage, async (c) => {
    const { club } = c.get('membership');
    const { db } = c.get('deps');
    const product = await findSeasonProduct(db, club.id, c.req.param('productId'));
    const form = await parseForm(c, productForm);
    if (!form.ok) return showForm(c, product, form, 400);
    try {
      await db.transaction((tx) =>
        updateSeasonProduct(tx, operationContext(c), {
          actor: actorOf(c),
          clubId: club.id,
          productId: product.id,
          product: productInput(form.data),
        }),
      );
    } catch (error) {
      return showForm(c, product, { ...form, errors: asFieldErrors(c, error) }, 409);
    }
    return redirectWithFlash(c, `${base(c)}/${product.id}`, 'success', c.get('t')('common.saved'));
  })
  .post('/:slug/seasons/:productId/matches', manage, async (c) => {
    const { club } = c.get('membership');
    const { db } = c.get('deps');
    const t = c.get('t');
    const product = await findSeasonProduct(db, club.id, c.req.param('productId'));
    const form = await parseForm(c, z.object({ matchId: z.uuid('error.required') }));
    if (!form.ok) return showProduct(c, product, form, 400);
    let added: Awaited<ReturnType<typeof addSeasonMatch>>;
    try {
      added = await db.transaction((tx) =>
        addSeasonMatch(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, productId: product.id, matchId: form.data.matchId }),
      );
    } catch (error) {
      return showProduct(c, product, { ...form, errors: asFieldErrors(c, error, 'matchId') }, 409);
    }
    const message = added.added
      ? t('seasons.matchAdded', { passes: added.passes, pending: added.pending })
      : t('seasons.matchAlreadyCovered');
    return redirectWithFlash(c, `${base(c)}/${product.id}#matches`, 'success', message);
  })
  .post('/:slug/seasons/:productId/matches/:matchId/remove', manage, async (c) => {
    const { club } = c.get('membership');
    const productId = c.req.param('productId');
    try {
      await c.get('deps').db.transaction((tx) =>
        removeSeasonMatch(tx, operationContext(c), {
          actor: actorOf(c),
          clubId: club.id,
          productId,
          matchId: c.req.param('matchId'),
        }),
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found') throw error;
      return redirectWithFlash(c, `${base(c)}/${productId}#matches`, 'error', domainMessage(c, error));
    }
    return redirectWithFlash(c, `${base(c)}/${productId}#matches`, 'success', c.get('t')('seasons.matchRemoved'));
  })
  .get('/:slug/seasons/:productId/holders', manage, async (c) => {
    const { club } = c.get('membership');
    const { db } = c.get('deps');
    const product = await findSeasonProduct(db, club.id, c.req.param('productId'));
    const holders = await listSeasonHolders(db, club.id, product.id);
    return render(c, <SeasonHoldersPage club={club} product={product} holders={holders} />, {
      title: c.get('t')('seasons.holders.title', { name: product.name }),
    });
  })
  .get('/:slug/seasons/:productId/holders.csv', manage, async (c) => {
    const { club } = c.get('membership');
    const { db } = c.get('deps');
    const product = await findSeasonProduct(db, club.id, c.req.param('productId'));
    const holders = await listSeasonHolders(db, club.id, product.id);
    return sendCsv(c, `${club.slug}-season-holders.csv`, [
      ['season', 'product', 'stand', 'pass', 'holder', 'email', 'category', 'reference', 'status', 'matches_entered'],
      ...holders.map((h) => [
        product.season,
        product.name,
        product.stand,
        formatShortCode(h.shortCode),
        h.holder,
        h.email,
        h.category,
        h.reference,
        h.status,
        h.entered,
      ]),
    ]);
  })
  // Revoking stops a code for the rest of the season: posted without `confirm=yes` it answers the
  // confirmation page (the holder named, a reason asked) and changes nothing.
  .post('/:slug/seasons/:productId/passes/:passId/revoke', manage, async (c) => {
    const { club } = c.get('membership');
    const { db } = c.get('deps');
    const t = c.get('t');
    const product = await findSeasonProduct(db, club.id, c.req.param('productId'));
    const holders = await listSeasonHolders(db, club.id, product.id);
    const pass = holders.find((h) => h.id === c.req.param('passId'));
    if (!pass) throw new DomainError('not_found');
    const back = `${base(c)}/${product.id}/holders`;
    if (pass.status === 'revoked')
      return redirectWithFlash(c, back, 'success', t('seasons.revoked', { holder: pass.holder ?? pass.email }));
    const form = await parseForm(c, revokeForm);
    const reason = form.ok ? (form.data.message ?? '') : '';
    if (!form.ok || form.data.confirm !== 'yes' || reason === '') {
      const error = !form.ok ? form.errors.message : form.data.confirm === 'yes' ? t('seasons.revoke.reasonRequired') : undefined;
      if (error) c.status(400);
      return render(c, <RevokePassPage club={club} product={product} pass={pass} error={error} />, {
        title: t('seasons.revoke.title', { holder: pass.holder ?? pass.email }),
      });
    }
    await db.transaction((tx) =>
      revokeSeasonPass(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, passId: pass.id, reason }),
    );
    return redirectWithFlash(c, back, 'success', t('seasons.revoked', { holder: pass.holder ?? pass.email }));
  });

async function showForm(c: Context<AppEnv>, product: SeasonProductDetail | undefined, shown: Shown, status: 200 | 400 | 409 = 200) {
  const { club } = c.get('membership');
  const { db } = c.get('deps');
  const [venues, products, choices] = await Promise.all([
    listVenues(db, club.id),
    listSeasonProducts(db, club.id),
    product ? Promise.resolve([]) : listSeasonMatchChoices(db, club.id),
  ]);
  const stands = venues.flatMap((v) =>
    v.stands.filter((s) => !s.archivedAt || s.id === product?.standId).map((s) => ({ id: s.id, name: s.name, venue: v.name })),
  );
  const renewals = products.filter((p) => p.id !== product?.id).map((p) => ({ id: p.id, label: `${p.season} · ${p.name} (${p.stand})` }));
  c.status(status);
  return render(
    c,
    <SeasonFormPage
      club={club}
      product={product ? { id: product.id, name: product.name } : undefined}
      stands={stands}
      renewals={renewals}
      categories={SALE_CATEGORIES}
      choices={choices}
      values={shown.values}
      lists={shown.lists}
      errors={shown.errors}
    />,
    { title: product ? product.name : c.get('t')('seasons.new') },
  );
}

async function showProduct(c: Context<AppEnv>, product: SeasonProductDetail, shown: Shown, status: 200 | 400 | 409 = 200) {
  const { club } = c.get('membership');
  const choices = await listSeasonMatchChoices(c.get('deps').db, club.id);
  const covered = new Set(product.matches.map((m) => m.id));
  c.status(status);
  return render(
    c,
    <SeasonPage
      club={club}
      product={product}
      categories={SALE_CATEGORIES}
      choices={choices.filter((m) => !covered.has(m.id))}
      values={shown.values}
      errors={shown.errors}
    />,
    { title: product.name },
  );
}
