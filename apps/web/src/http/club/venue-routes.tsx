import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { SALE_CATEGORIES } from '../../db/schema/index.ts';
import { createStand } from '../../domain/catalog/create-stand.ts';
import { createVenue } from '../../domain/catalog/create-venue.ts';
import { deleteStand } from '../../domain/catalog/delete-stand.ts';
import { listVenues } from '../../domain/catalog/list-venues.ts';
import { setStandArchived } from '../../domain/catalog/set-stand-archived.ts';
import type { Prices } from '../../domain/catalog/stand-prices.ts';
import { updateStand } from '../../domain/catalog/update-stand.ts';
import { updateVenue } from '../../domain/catalog/update-venue.ts';
import { DomainError } from '../../domain/errors.ts';
import { centsToInput } from '../../domain/money.ts';
import { render } from '../../views/layouts/layout.tsx';
import { StandPage } from '../../views/pages/club/stand-page.tsx';
import { type VenueFormShown, VenuesPage } from '../../views/pages/club/venues-page.tsx';
import { domainMessage } from '../errors.tsx';
import { euros, optionalEuros, text, wholeNumber } from '../fields.ts';
import { type FieldErrors, type FormValues, parseForm } from '../forms.ts';
import { requireClub } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import type { AppEnv } from '../types.ts';
import { clubSetup } from './club-setup.ts';

const venueForm = z.object({
  name: text(1, 80),
  street: text(1, 120),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'error.postalCode'),
  commune: text(1, 80),
});

const standForm = z.object({
  name: text(1, 60),
  capacity: wholeNumber(1, 100_000),
  price_adult: euros,
  price_youth: optionalEuros,
  price_child: optionalEuros,
  price_member: optionalEuros,
  price_senior: optionalEuros,
});

const standInput = (data: z.infer<typeof standForm>) => ({
  name: data.name,
  capacity: data.capacity,
  prices: Object.fromEntries(SALE_CATEGORIES.map((c) => [c, data[`price_${c}`]]).filter(([, v]) => v !== undefined)) as Prices,
});

const archiveForm = z.object({ archived: z.enum(['true', 'false']).transform((value) => value === 'true') });

const manage = requireClub({ catalog: ['manage'] });

/** Venues and their stands, with prices per category; "for" says which form a failed post came from. */
export const venueRoutes = new Hono<AppEnv>()
  .get('/:slug/venues', manage, (c) => showVenues(c, {}))
  .post('/:slug/venues', manage, async (c) => {
    const { club } = c.get('membership');
    const form = await parseForm(c, venueForm);
    if (!form.ok) return showVenues(c, { ...form, for: 'venue:new' }, 400);
    const venueId = await createVenue(c.get('deps').db, {}, { actor: actorOf(c), clubId: club.id, venue: form.data });
    // The new venue has no stand yet: its "add a stand" form is open, and the page scrolls to it.
    return redirectWithFlash(c, `/club/${club.slug}/venues#add-stand-${venueId}`, 'success', c.get('t')('venue.created'));
  })
  .post('/:slug/venues/:venueId', manage, async (c) => {
    const { club } = c.get('membership');
    const venueId = c.req.param('venueId');
    const form = await parseForm(c, venueForm);
    if (!form.ok) return showVenues(c, { ...form, for: `venue:${venueId}` }, 400);
    await updateVenue(c.get('deps').db, {}, { actor: actorOf(c), clubId: club.id, venueId, venue: form.data });
    return redirectWithFlash(c, `/club/${club.slug}/venues`, 'success', c.get('t')('common.saved'));
  })
  .post('/:slug/venues/:venueId/stands', manage, async (c) => {
    const { club } = c.get('membership');
    const venueId = c.req.param('venueId');
    const form = await parseForm(c, standForm);
    if (!form.ok) return showVenues(c, { ...form, for: `stand:new:${venueId}` }, 400);
    try {
      await c
        .get('deps')
        .db.transaction((tx) =>
          createStand(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, venueId, stand: standInput(form.data) }),
        );
    } catch (error) {
      if (!(error instanceof DomainError) || !error.field) throw error;
      return showVenues(c, { values: form.values, errors: { [error.field]: domainMessage(c, error) }, for: `stand:new:${venueId}` }, 400);
    }
    return redirectWithFlash(c, `/club/${club.slug}/venues`, 'success', c.get('t')('stand.created'));
  })
  .get('/:slug/stands/:standId', manage, (c) => showStand(c, c.req.param('standId'), {}))
  .post('/:slug/stands/:standId', manage, async (c) => {
    const { club } = c.get('membership');
    const standId = c.req.param('standId');
    const form = await parseForm(c, standForm);
    if (!form.ok) return showStand(c, standId, form, 400);
    try {
      await c
        .get('deps')
        .db.transaction((tx) =>
          updateStand(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, standId, stand: standInput(form.data) }),
        );
    } catch (error) {
      if (!(error instanceof DomainError) || !error.field) throw error;
      return showStand(c, standId, { values: form.values, errors: { [error.field]: domainMessage(c, error) } }, 400);
    }
    return redirectWithFlash(c, `/club/${club.slug}/venues`, 'success', c.get('t')('common.saved'));
  })
  .post('/:slug/stands/:standId/archive', manage, async (c) => {
    const { club } = c.get('membership');
    const form = await parseForm(c, archiveForm);
    if (!form.ok) return redirectWithFlash(c, `/club/${club.slug}/venues`, 'error', c.get('t')('error.invalid'));
    const { archived } = form.data;
    await c
      .get('deps')
      .db.transaction((tx) =>
        setStandArchived(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, standId: c.req.param('standId'), archived }),
      );
    return redirectWithFlash(c, `/club/${club.slug}/venues`, 'success', c.get('t')(archived ? 'stand.archived' : 'stand.restored'));
  })
  .post('/:slug/stands/:standId/delete', manage, async (c) => {
    const { club } = c.get('membership');
    try {
      await c
        .get('deps')
        .db.transaction((tx) =>
          deleteStand(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, standId: c.req.param('standId') }),
        );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'stand_has_sales') {
        return redirectWithFlash(c, `/club/${club.slug}/venues`, 'error', domainMessage(c, error));
      }
      throw error;
    }
    return redirectWithFlash(c, `/club/${club.slug}/venues`, 'success', c.get('t')('stand.deleted'));
  });

async function showVenues(c: Context<AppEnv>, shown: VenueFormShown, status: 200 | 400 = 200) {
  const { club } = c.get('membership');
  const [venues, setup] = await Promise.all([listVenues(c.get('deps').db, club.id), clubSetup(c)]);
  c.status(status);
  return render(c, <VenuesPage club={club} venues={venues} categories={SALE_CATEGORIES} shown={shown} setup={setup} />, {
    title: c.get('t')('venue.title'),
  });
}

async function showStand(
  c: Context<AppEnv>,
  standId: string,
  shown: { values?: FormValues; errors?: FieldErrors },
  status: 200 | 400 = 200,
) {
  const { club } = c.get('membership');
  const venues = await listVenues(c.get('deps').db, club.id);
  const found = venues.flatMap((v) => v.stands.map((stand) => ({ stand, venue: v.name }))).find((s) => s.stand.id === standId);
  if (!found) throw new DomainError('not_found');
  const { stand } = found;
  const values: FormValues = shown.values ?? {
    name: stand.name,
    capacity: String(stand.capacity),
    ...Object.fromEntries(
      SALE_CATEGORIES.map((cat) => [`price_${cat}`, stand.prices[cat] === undefined ? '' : centsToInput(stand.prices[cat])]),
    ),
  };
  c.status(status);
  return render(
    c,
    <StandPage club={club} stand={stand} venue={found.venue} categories={SALE_CATEGORIES} values={values} errors={shown.errors} />,
    { title: stand.name },
  );
}
