import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import { EmailField, PasswordField } from '../../components/account-fields.tsx';
import { Form, FormError } from '../../components/form.tsx';
import { NarrowCard } from '../../components/narrow-card.tsx';
import { useT } from '../../components/use-t.ts';

export interface SignInPageProps {
  /** `next`: where to go once signed in (already a safe path). */
  values?: FormValues;
  errors?: FieldErrors;
}

/** Signing in with e-mail and password, then on to `next`. */
export function SignInPage({ values, errors }: SignInPageProps) {
  const t = useT();
  return (
    <NarrowCard title={t('signIn.title')}>
      <Form action="/sign-in">
        <FormError errors={errors} />
        <input type="hidden" name="next" value={values?.next ?? ''} />
        <EmailField values={values} errors={errors} />
        <PasswordField errors={errors} />
        <button type="submit">{t('signIn.submit')}</button>
      </Form>
      <p>
        <a href="/forgot-password">{t('signIn.forgot')}</a>
      </p>
      <p>
        {t('signIn.noAccount')}{' '}
        <a href={values?.next ? `/sign-up?next=${encodeURIComponent(values.next)}` : '/sign-up'}>{t('nav.signUp')}</a>
      </p>
    </NarrowCard>
  );
}
