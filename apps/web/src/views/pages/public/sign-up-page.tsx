import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import { EmailField, NewPasswordField } from '../../components/account-fields.tsx';
import { Field, Form, FormError } from '../../components/form.tsx';
import { NarrowCard } from '../../components/narrow-card.tsx';
import { useT } from '../../components/use-t.ts';

export interface SignUpPageProps {
  values?: FormValues;
  errors?: FieldErrors;
  /** The shortest password the auth integration accepts. */
  passwordMin: number;
}

/** Creating an account: name, e-mail and a new password. */
export function SignUpPage({ values, errors, passwordMin }: SignUpPageProps) {
  const t = useT();
  return (
    <NarrowCard title={t('signUp.title')}>
      <p>{t('signUp.intro')}</p>
      <Form action="/sign-up">
        <FormError errors={errors} />
        {/* Where to go once the address is confirmed (already a safe path): a checkout keeps its basket. */}
        <input type="hidden" name="next" value={values?.next ?? ''} />
        <Field name="name" label={t('field.name')} values={values} errors={errors} required maxlength={100} autocomplete="name" />
        <EmailField values={values} errors={errors} />
        <NewPasswordField errors={errors} min={passwordMin} />
        <button type="submit">{t('signUp.submit')}</button>
      </Form>
      <p>
        {t('signUp.haveAccount')}{' '}
        <a href={values?.next ? `/sign-in?next=${encodeURIComponent(values.next)}` : '/sign-in'}>{t('nav.signIn')}</a>
      </p>
    </NarrowCard>
  );
}
