import type { FieldErrors } from '../../../http/forms.ts';
import { PasswordField } from '../../components/account-fields.tsx';
import { Form, FormError } from '../../components/form.tsx';
import { NarrowCard } from '../../components/narrow-card.tsx';
import { useT } from '../../components/use-t.ts';

/** Deleting one's account, confirmed with the password. */
export function DeleteAccountPage({ errors }: { errors?: FieldErrors }) {
  const t = useT();
  return (
    <NarrowCard title={t('account.delete')}>
      <p>{t('account.deleteWarning')}</p>
      <Form action="/account/delete">
        <FormError errors={errors} />
        <PasswordField errors={errors} />
        <button type="submit" class="danger">
          {t('account.deleteConfirm')}
        </button>
      </Form>
    </NarrowCard>
  );
}
