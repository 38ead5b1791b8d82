import { useRequestContext } from 'hono/jsx-renderer';
import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatMoney, LANGUAGE_NAMES, LOCALES } from '../../../i18n/index.ts';
import { Field, Form, Select } from '../../components/form.tsx';
import { useT } from '../../components/use-t.ts';

export interface ProfilePageProps {
  email: string;
  /** `name` and `locale`, as saved or as just sent. */
  values?: FormValues;
  errors?: FieldErrors;
  /** Their season passes and credit per club (decision 021). */
  season?: { passes: { id: string; product: string; season: string; club: string }[]; credits: { club: string; cents: number }[] };
}

/** The signed-in person's account: name and language, their data, and the way out. */
export function ProfilePage({ email, values, errors, season }: ProfilePageProps) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  return (
    <>
      <h1>{t('account.title')}</h1>
      <section class="card">
        <p>
          {t('field.email')}: <strong>{email}</strong>
        </p>
        <Form action="/account">
          <Field name="name" label={t('field.name')} values={values} errors={errors} required maxlength={100} autocomplete="name" />
          <Select
            name="locale"
            label={t('account.language')}
            options={LOCALES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
            selected={values?.locale}
            errors={errors}
          />
          <button type="submit">{t('common.save')}</button>
        </Form>
      </section>
      {season && (season.passes.length > 0 || season.credits.length > 0) ? (
        <section class="card">
          <h2>{t('season.title')}</h2>
          <ul>
            {season.passes.map((p) => (
              <li>
                <a href={`/account/season/${p.id}`}>
                  {p.club} · {p.product} {p.season}
                </a>
              </li>
            ))}
          </ul>
          {season.credits.map((credit) => (
            <p>{t('season.credit', { club: credit.club, amount: formatMoney(credit.cents, locale) })}</p>
          ))}
        </section>
      ) : null}
      <section class="card">
        <h2>{t('account.privacy')}</h2>
        <p>
          <a href="/account/orders">{t('order.mine')}</a>
        </p>
        <p>{t('account.exportText')}</p>
        <p>
          <a class="button secondary" href="/account/export">
            {t('account.export')}
          </a>
        </p>
        <p>{t('account.deleteText')}</p>
        <p>
          <a href="/account/delete">{t('account.delete')}</a>
        </p>
      </section>
    </>
  );
}
