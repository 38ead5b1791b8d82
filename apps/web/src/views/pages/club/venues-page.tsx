import type { VenueWithStands } from '../../../domain/catalog/list-venues.ts';
import type { Prices } from '../../../domain/catalog/stand-prices.ts';
import type { ClubSetup } from '../../../domain/clubs/find-club-setup.ts';
import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import { Field, Form, FormError } from '../../components/form.tsx';
import { Price } from '../../components/price.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { useT } from '../../components/use-t.ts';
import { SetupNext } from './setup-checklist.tsx';
import { StandFields } from './stand-fields.tsx';

/**
 * A form that failed, shown again: `for` names which one ("venue:new", "venue:<id>",
 * "stand:new:<venue id>"); every other form shows as saved or empty.
 */
export type VenueFormShown = { values?: FormValues; errors?: FieldErrors; for?: string };

export interface VenuesPageProps {
  club: { name: string; slug: string };
  venues: VenueWithStands[];
  /** The price categories, in the order they are listed. */
  categories: readonly (keyof Prices)[];
  shown: VenueFormShown;
  /** The club's setup: once its venue and stands exist, the page says what comes next. */
  setup: ClubSetup;
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

/** A club's venues and their stands, with prices per category; adding and editing both. */
export function VenuesPage({ club, venues, categories, shown, setup }: VenuesPageProps) {
  const t = useT();
  const formFor = (key: string) => (shown.for === key ? shown : {});
  const withoutStand = (v: VenueWithStands) => v.stands.every((s) => s.archivedAt);
  // The setup checklist's "add a stand" points at the first venue still without one.
  const firstWithoutStand = venues.find(withoutStand);
  const newVenue = (
    <>
      <p class="hint">{t('form.requiredNote')}</p>
      <Form action={`/club/${club.slug}/venues`} idPrefix="venue-new">
        <FormError errors={formFor('venue:new').errors} />
        <VenueFieldset {...formFor('venue:new')} />
        <button type="submit">{t('venue.add')}</button>
      </Form>
    </>
  );
  return (
    <>
      <h1>
        {t('venue.title')} · {club.name}
      </h1>
      <SetupNext club={club} setup={setup} hideWhile={['venue', 'stands']} />
      {venues.length === 0 ? <p class="card">{t('venue.none')}</p> : null}
      {venues.map((v) => (
        <section class="card">
          <h2>{v.name}</h2>
          <p class="meta">
            {v.street}, {v.postalCode} {v.commune}
          </p>
          {v.stands.length === 0 ? null : (
            <div class="table-wrap">
              <table>
                <TableHead columns={[t('stand.name'), t('stand.capacity'), t('stand.prices')]} actions />
                <tbody>
                  {v.stands.map((s) => (
                    <tr class={s.archivedAt ? 'archived' : undefined}>
                      <td>
                        {s.name} {s.archivedAt ? <span class="badge">{t('stand.archivedBadge')}</span> : null}
                      </td>
                      <td>{s.capacity}</td>
                      <td>
                        {categories
                          .filter((cat) => s.prices[cat] !== undefined)
                          .map((cat, i) => (
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
          )}
          {v === firstWithoutStand ? <span id="add-stand" /> : null}
          <details id={`add-stand-${v.id}`} open={shown.for === `stand:new:${v.id}` || withoutStand(v)}>
            <summary>{t('stand.add')}</summary>
            <Form action={`/club/${club.slug}/venues/${v.id}/stands`} idPrefix={`stand-new-${v.id}`}>
              <StandFields categories={categories} {...formFor(`stand:new:${v.id}`)} />
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
      <section class="card" id="add-venue">
        {venues.length === 0 || shown.for === 'venue:new' ? (
          <>
            <h2>{t('venue.add')}</h2>
            {newVenue}
          </>
        ) : (
          // Most clubs have one ground: another venue's form waits folded.
          <details>
            <summary>{t('venue.add')}</summary>
            {newVenue}
          </details>
        )}
      </section>
    </>
  );
}
