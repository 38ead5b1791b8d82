import { Form, FormError } from '../../components/form.tsx';
import { useT } from '../../components/use-t.ts';
import { ClubFields, type ClubFormShown } from './club-fields.tsx';

/** Registering a club (free): its name, commune and colours. */
export function NewClubPage({ values, errors, lookAlikes, confirmed }: ClubFormShown) {
  const t = useT();
  return (
    <section class="card narrow">
      <h1>{t('clubs.register')}</h1>
      <p>{t('clubs.registerIntro')}</p>
      <p class="hint">{t('form.requiredNote')}</p>
      <Form action="/clubs/new">
        <FormError errors={errors} />
        <ClubFields values={values} errors={errors} lookAlikes={lookAlikes} confirmed={confirmed} />
        <button type="submit">{t('clubs.registerSubmit')}</button>
      </Form>
    </section>
  );
}
