import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import { Form } from '../../components/form.tsx';
import { useT } from '../../components/use-t.ts';
import { MatchFields, type MatchFormChoices } from './match-fields.tsx';

export interface NewMatchPageProps {
  club: { slug: string };
  choices: MatchFormChoices;
  values?: FormValues;
  /** The stands ticked to open at once (ids). */
  openStands: readonly string[];
  errors?: FieldErrors;
}

/** Scheduling a match, its stands opened with it; a club without a venue is sent to make one first. */
export function NewMatchPage({ club, choices, values, openStands, errors }: NewMatchPageProps) {
  const t = useT();
  const venues = choices.venues.filter((v) => v.stands.some((s) => !s.archivedAt));
  return (
    <section class="card">
      <h1>{t('matches.new')}</h1>
      {choices.venues.length === 0 ? (
        <p class="alert info">
          {t('matches.needVenue')} <a href={`/club/${club.slug}/venues`}>{t('venue.title')}</a>
        </p>
      ) : null}
      <p class="hint">{t('form.requiredNote')}</p>
      <Form action={`/club/${club.slug}/matches/new`}>
        <MatchFields values={values} errors={errors} choices={choices} />
        {venues.map((v) => (
          <fieldset class="checkboxes">
            <legend>{venues.length === 1 ? t('matches.standsToSell') : t('matches.standsToSellAt', { venue: v.name })}</legend>
            <small class="hint">{t('matches.standsToSellHint')}</small>
            {v.stands
              .filter((s) => !s.archivedAt)
              .map((s) => (
                <label class="inline">
                  <input type="checkbox" name="openStands[]" value={s.id} checked={openStands.includes(s.id)} />{' '}
                  {t('matches.standSeatsCapacity', { stand: s.name, capacity: s.capacity })}
                </label>
              ))}
          </fieldset>
        ))}
        <button type="submit">{t('matches.create')}</button>
      </Form>
    </section>
  );
}
