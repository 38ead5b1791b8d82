import type { LookAlikeClub } from '../../../domain/clubs/find-look-alike-clubs.ts';
import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import { Field } from '../../components/form.tsx';
import { useT } from '../../components/use-t.ts';
import { VerifiedBadge } from '../../components/verified-badge.tsx';

/**
 * A club form as shown again: what was typed, what is wrong, and the clubs its name could be taken for
 * (each to be confirmed as another club, `confirmed` those already ticked).
 */
export interface ClubFormShown {
  values?: FormValues;
  errors?: FieldErrors;
  lookAlikes?: LookAlikeClub[];
  confirmed?: string[];
}

/** A club's name, commune and colours: the same fields to register a club and in its settings. */
export function ClubFields({ values, errors, lookAlikes, confirmed = [], nameHint }: ClubFormShown & { nameHint?: string }) {
  const t = useT();
  return (
    <>
      <Field name="name" label={t('club.name')} values={values} errors={errors} required maxlength={80} hint={nameHint} />
      {lookAlikes?.length ? (
        <fieldset class="alert info look-alike">
          <legend>
            <strong>{t('clubs.lookAlikeTitle')}</strong>
          </legend>
          <p>{t('clubs.lookAlikeText')}</p>
          <ul>
            {lookAlikes.map((club) => (
              <li>
                <label class="inline">
                  <input type="checkbox" name="notClub[]" value={club.id} checked={confirmed.includes(club.id)} />{' '}
                  {t('clubs.notThisClub', { club: club.name })}
                </label>
                <br />
                <span class="meta">
                  <a href={`/c/${club.slug}`}>{club.name}</a>
                  {club.commune ? `, ${club.commune}` : ''}
                </span>
                <VerifiedBadge verified={club.verified} />
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <Field
        name="commune"
        label={t('club.commune')}
        values={values}
        errors={errors}
        required
        maxlength={80}
        hint={t('club.communeHint')}
      />
      <Field name="colorPrimary" type="color" label={t('club.colorPrimary')} values={values} errors={errors} value="#0a6b3d" />
      <Field name="colorSecondary" type="color" label={t('club.colorSecondary')} values={values} errors={errors} value="#ffffff" />
    </>
  );
}
