import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import { EmailField } from '../../components/account-fields.tsx';
import { Form } from '../../components/form.tsx';
import { NarrowCard } from '../../components/narrow-card.tsx';
import { useT } from '../../components/use-t.ts';

/** Asking for a password reset link by e-mail. */
export function ForgotPasswordPage({ values, errors }: { values?: FormValues; errors?: FieldErrors }) {
  const t = useT();
  return (
    <NarrowCard title={t('forgot.title')}>
      <p>{t('forgot.intro')}</p>
      <Form action="/forgot-password">
        <EmailField values={values} errors={errors} />
        <button type="submit">{t('forgot.submit')}</button>
      </Form>
    </NarrowCard>
  );
}
