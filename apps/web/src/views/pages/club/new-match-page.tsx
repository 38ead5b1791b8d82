import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import { Form } from '../../components/form.tsx';
import { useT } from '../../components/use-t.ts';
import { MatchFields, type MatchFormChoices } from './match-fields.tsx';

export interface NewMatchPageProps {
  club: { slug: string };
  choices: MatchFormChoices;
  values?: FormValues;
  errors?: FieldErrors;
}

/** Scheduling a match; a club without a venue is sent to make one first. */
export function NewMatchPage({ club, choices, values, errors }: NewMatchPageProps) {
  const t = useT();
  return (
    <section class="card">
      <h1>{t('matches.new')}</h1>
      {choices.venues.length === 0 ? (
        <p class="alert info">
          {t('matches.needVenue')} <a href={`/club/${club.slug}/venues`}>{t('venue.title')}</a>
        </p>
      ) : null}
      <Form action={`/club/${club.slug}/matches/new`}>
        <MatchFields values={values} errors={errors} choices={choices} />
        <button type="submit">{t('matches.create')}</button>
      </Form>
    </section>
  );
}
