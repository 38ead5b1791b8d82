import type { FieldErrors } from '../../../http/forms.ts';
import { NewPasswordField } from '../../components/account-fields.tsx';
import { Form } from '../../components/form.tsx';
import { NarrowCard } from '../../components/narrow-card.tsx';
import { useT } from '../../components/use-t.ts';

export interface ResetPasswordPageProps {
  /** The reset link's token, sent back with the new password. */
  token: string;
  errors?: FieldErrors;
  /** The shortest password the auth integration accepts. */
  passwordMin: number;
}

/** Choosing a new password from a reset link. */
export function ResetPasswordPage({ token, errors, passwordMin }: ResetPasswordPageProps) {
  const t = useT();
  return (
    <NarrowCard title={t('reset.title')}>
      <Form action="/reset-password">
        <input type="hidden" name="token" value={token} />
        <NewPasswordField errors={errors} min={passwordMin} label={t('field.newPassword')} />
        <button type="submit">{t('reset.submit')}</button>
      </Form>
    </NarrowCard>
  );
}
