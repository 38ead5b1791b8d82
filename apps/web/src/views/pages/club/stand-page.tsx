import type { VenueWithStands } from '../../../domain/catalog/list-venues.ts';
import { Form } from '../../components/form.tsx';
import { useT } from '../../components/use-t.ts';
import { StandFields, type StandFieldsProps } from './stand-fields.tsx';

export interface StandPageProps extends StandFieldsProps {
  club: { slug: string };
  stand: VenueWithStands['stands'][number];
  venue: string;
}

/** One stand: its fields, and archiving or (before any sale) deleting it. */
export function StandPage({ club, stand, venue, categories, values, errors }: StandPageProps) {
  const t = useT();
  return (
    <>
      <h1>
        {stand.name} · {venue}
      </h1>
      <section class="card">
        <Form action={`/club/${club.slug}/stands/${stand.id}`}>
          <StandFields categories={categories} values={values} errors={errors} />
          <button type="submit">{t('common.save')}</button>
        </Form>
      </section>
      <section class="card actions">
        <Form action={`/club/${club.slug}/stands/${stand.id}/archive`}>
          <input type="hidden" name="archived" value={stand.archivedAt ? 'false' : 'true'} />
          <button type="submit" class="secondary">
            {stand.archivedAt ? t('stand.restore') : t('stand.archive')}
          </button>
        </Form>
        {stand.seatsTaken === 0 ? (
          <Form action={`/club/${club.slug}/stands/${stand.id}/delete`}>
            <button type="submit" class="danger">
              {t('stand.delete')}
            </button>
          </Form>
        ) : (
          <p class="hint">{t('stand.cannotDelete')}</p>
        )}
      </section>
    </>
  );
}
