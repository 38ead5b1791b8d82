import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { PRICE_CATEGORIES } from '../../db/schema/index.ts';
import { createStand } from '../../domain/catalog/create-stand.ts';
import { createVenue } from '../../domain/catalog/create-venue.ts';
import { deleteStand } from '../../domain/catalog/delete-stand.ts';
import { listVenues, type VenueWithStands } from '../../domain/catalog/list-venues.ts';
import { setStandArchived } from '../../domain/catalog/set-stand-archived.ts';
import type { Prices } from '../../domain/catalog/stand-prices.ts';
import { updateStand } from '../../domain/catalog/update-stand.ts';
import { updateVenue } from '../../domain/catalog/update-venue.ts';
import { DomainError } from '../../domain/errors.ts';
import { centsToInput } from '../../domain/money.ts';
import { Field, Form, FormError, Price, useT } from '../../views/components/form.tsx';
import { render } from '../../views/layouts/layout.tsx';
import { domainMessage } from '../errors.tsx';
import { euros, optionalEuros, text, wholeNumber } from '../fields.ts';
import { type FieldErrors, type FormValues, parseForm } from '../forms.ts';
import { requireClub } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import type { AppEnv } from '../types.ts';

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
  prices: Object.fromEntries(PRICE_CATEGORIES.map((c) => [c, data[`price_${c}`]]).filter(([, v]) => v !== undefined)) as Prices,
});

const manage = requireClub({ catalog: ['manage'] });
type Shown = { values?: FormValues; errors?: FieldErrors; for?: string };

/** Venues and their stands, with prices per category; "for" says which form a failed post came from. */
export const venueRoutes = new Hono<AppEnv>()
  .get('/:slug/venues', manage, (c) => renderVenues(c, {}))
  .post('/:slug/venues', manage, async (c) => {
    const { club } = c.get('membership');
    const form = await parseForm(c, venueForm);
    if (!form.ok) return renderVenues(c, { ...form, for: 'venue:new' }, 400);
    await createVenue(c.get('deps').db, club.id, form.data);
    return redirectWithFlash(c, `/club/${club.slug}/venues`, 'success', c.get('t')('venue.created'));
  })
  .post('/:slug/venues/:venueId', manage, async (c) => {
    const { club } = c.get('membership');
    const venueId = c.req.param('venueId');
    const form = await parseForm(c, venueForm);
    if (!form.ok) return renderVenues(c, { ...form, for: `venue:${venueId}` }, 400);
    await updateVenue(c.get('deps').db, club.id, venueId, form.data);
    return redirectWithFlash(c, `/club/${club.slug}/venues`, 'success', c.get('t')('common.saved'));
  })
  .post('/:slug/venues/:venueId/stands', manage, async (c) => {
    const { club } = c.get('membership');
    const venueId = c.req.param('venueId');
    const form = await parseForm(c, standForm);
    if (!form.ok) return renderVenues(c, { ...form, for: `stand:new:${venueId}` }, 400);
    try {
      await c
        .get('deps')
        .db.transaction((tx) =>
          createStand(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, venueId, stand: standInput(form.data) }),
        );
    } catch (error) {
      if (!(error instanceof DomainError) || !error.field) throw error;
      return renderVenues(c, { values: form.values, errors: { [error.field]: domainMessage(c, error) }, for: `stand:new:${venueId}` }, 400);
    }
    return redirectWithFlash(c, `/club/${club.slug}/venues`, 'success', c.get('t')('stand.created'));
  })
  .get('/:slug/stands/:standId', manage, (c) => renderStand(c, {}))
  .post('/:slug/stands/:standId', manage, async (c) => {
    const { club } = c.get('membership');
    const form = await parseForm(c, standForm);
    if (!form.ok) return renderStand(c, form, 400);
    try {
      await c.get('deps').db.transaction((tx) =>
        updateStand(tx, operationContext(c), {
          actor: actorOf(c),
          clubId: club.id,
          standId: c.req.param('standId'),
          stand: standInput(form.data),
        }),
      );
    } catch (error) {
      if (!(error instanceof DomainError) || !error.field) throw error;
      return renderStand(c, { values: form.values, errors: { [error.field]: domainMessage(c, error) } }, 400);
    }
    return redirectWithFlash(c, `/club/${club.slug}/venues`, 'success', c.get('t')('common.saved'));
  })
  .post('/:slug/stands/:standId/archive', manage, async (c) => {
    const { club } = c.get('membership');
    const archived = (await c.req.parseBody()).archived === 'true';
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

async function renderVenues(c: Context<AppEnv>, shown: Shown, status: 200 | 400 = 200) {
  const t = c.get('t');
  const { club } = c.get('membership');
  const venues = await listVenues(c.get('deps').db, club.id);
  const formFor = (key: string) => (shown.for === key ? shown : {});
  c.status(status);
  return render(
    c,
    <>
      <h1>
        {t('venue.title')} · {club.name}
      </h1>
      {venues.length === 0 ? <p class="card">{t('venue.none')}</p> : null}
      {venues.map((v) => (
        <section class="card">
          <h2>{v.name}</h2>
          <p class="meta">
            {v.street}, {v.postalCode} {v.commune}
          </p>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('stand.name')}</th>
                  <th>{t('stand.capacity')}</th>
                  <th>{t('stand.prices')}</th>
                  <th>
                    <span class="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {v.stands.map((s) => (
                  <tr class={s.archivedAt ? 'archived' : undefined}>
                    <td>
                      {s.name} {s.archivedAt ? <span class="badge">{t('stand.archivedBadge')}</span> : null}
                    </td>
                    <td>{s.capacity}</td>
                    <td>
                      {PRICE_CATEGORIES.filter((cat) => s.prices[cat] !== undefined).map((cat, i) => (
                        <>
                          {i > 0 ? ' · ' : ''}
                          {t(`category.${cat}`)} <Price cents={s.prices[cat] as number} />
                        </>
                      ))}
                    </td>
                    <td class="actions">
                      <a href={`/club/${club.slug}/stands/${s.id}`}>{t('common.edit')}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <details open={shown.for === `stand:new:${v.id}`}>
            <summary>{t('stand.add')}</summary>
            <Form action={`/club/${club.slug}/venues/${v.id}/stands`} idPrefix={`stand-new-${v.id}`}>
              <StandFields {...formFor(`stand:new:${v.id}`)} />
              <button type="submit">{t('stand.add')}</button>
            </Form>
          </details>
          <details open={shown.for === `venue:${v.id}`}>
            <summary>{t('venue.edit')}</summary>
            <Form action={`/club/${club.slug}/venues/${v.id}`} idPrefix={`venue-${v.id}`}>
              <VenueFieldset
                values={shown.for === `venue:${v.id}` ? shown.values : venueValues(v)}
                errors={formFor(`venue:${v.id}`).errors}
              />
              <button type="submit">{t('common.save')}</button>
            </Form>
          </details>
        </section>
      ))}
      <section class="card">
        <h2>{t('venue.add')}</h2>
        <Form action={`/club/${club.slug}/venues`} idPrefix="venue-new">
          <FormError errors={formFor('venue:new').errors} />
          <VenueFieldset {...formFor('venue:new')} />
          <button type="submit">{t('venue.add')}</button>
        </Form>
      </section>
    </>,
    { title: t('venue.title') },
  );
}

const venueValues = (v: VenueWithStands): FormValues => ({ name: v.name, street: v.street, postalCode: v.postalCode, commune: v.commune });

function VenueFieldset({ values, errors }: { values?: FormValues; errors?: FieldErrors }) {
  const t = useT();
  return (
    <>
      <Field name="name" label={t('venue.name')} values={values} errors={errors} required maxlength={80} />
      <Field
        name="street"
        label={t('venue.street')}
        values={values}
        errors={errors}
        required
        maxlength={120}
        autocomplete="street-address"
      />
      <Field
        name="postalCode"
        label={t('venue.postalCode')}
        values={values}
        errors={errors}
        required
        maxlength={4}
        autocomplete="postal-code"
      />
      <Field name="commune" label={t('club.commune')} values={values} errors={errors} required maxlength={80} />
    </>
  );
}

function StandFields({ values, errors }: { values?: FormValues; errors?: FieldErrors }) {
  const t = useT();
  return (
    <>
      <Field name="name" label={t('stand.name')} values={values} errors={errors} required maxlength={60} />
      <Field name="capacity" type="number" label={t('stand.capacity')} values={values} errors={errors} required />
      <fieldset>
        <legend>{t('stand.prices')}</legend>
        <p class="hint">{t('stand.pricesHint')}</p>
        {PRICE_CATEGORIES.map((cat) => (
          <Field
            name={`price_${cat}`}
            label={`${t(`category.${cat}`)} (€)`}
            values={values}
            errors={errors}
            required={cat === 'adult'}
            maxlength={9}
          />
        ))}
      </fieldset>
    </>
  );
}

async function renderStand(c: Context<AppEnv>, shown: Shown, status: 200 | 400 = 200) {
  const t = c.get('t');
  const { club } = c.get('membership');
  const standId = c.req.param('standId');
  const venues = await listVenues(c.get('deps').db, club.id);
  const found = venues.flatMap((v) => v.stands.map((s) => ({ ...s, venue: v.name }))).find((s) => s.id === standId);
  if (!found) throw new DomainError('not_found');
  const values: FormValues = shown.values ?? {
    name: found.name,
    capacity: String(found.capacity),
    ...Object.fromEntries(
      PRICE_CATEGORIES.map((cat) => [`price_${cat}`, found.prices[cat] === undefined ? '' : centsToInput(found.prices[cat])]),
    ),
  };
  c.status(status);
  return render(
    c,
    <>
      <h1>
        {found.name} · {found.venue}
      </h1>
      <section class="card">
        <Form action={`/club/${club.slug}/stands/${found.id}`}>
          <StandFields values={values} errors={shown.errors} />
          <button type="submit">{t('common.save')}</button>
        </Form>
      </section>
      <section class="card actions">
        <Form action={`/club/${club.slug}/stands/${found.id}/archive`}>
          <input type="hidden" name="archived" value={found.archivedAt ? 'false' : 'true'} />
          <button type="submit" class="secondary">
            {found.archivedAt ? t('stand.restore') : t('stand.archive')}
          </button>
        </Form>
        {found.seatsTaken === 0 ? (
          <Form action={`/club/${club.slug}/stands/${found.id}/delete`}>
            <button type="submit" class="danger">
              {t('stand.delete')}
            </button>
          </Form>
        ) : (
          <p class="hint">{t('stand.cannotDelete')}</p>
        )}
      </section>
    </>,
    { title: found.name },
  );
}
