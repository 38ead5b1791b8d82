import type { FieldErrors, FormValues } from '../../http/forms.ts';
import { Field } from './form.tsx';
import { useT } from './use-t.ts';

// The limits the auth schemas (http/public/auth-schemas.ts) enforce; repeated here so the browser
// says so before sending. A new password's minimum comes from the page (the auth integration's).
const EMAIL_MAX = 254;
const PASSWORD_MAX = 128;

/** A person's e-mail address, as typed to sign up, sign in or ask for a reset. */
export function EmailField({ values, errors }: { values?: FormValues; errors?: FieldErrors }) {
  const t = useT();
  return (
    <Field
      name="email"
      type="email"
      label={t('field.email')}
      values={values}
      errors={errors}
      required
      maxlength={EMAIL_MAX}
      autocomplete="email"
    />
  );
}

/** The password a person already has (signing in, confirming a deletion). */
export function PasswordField({ errors }: { errors?: FieldErrors }) {
  const t = useT();
  return (
    <Field
      name="password"
      type="password"
      label={t('field.password')}
      errors={errors}
      required
      maxlength={PASSWORD_MAX}
      autocomplete="current-password"
    />
  );
}

/** A password being chosen (signing up, resetting), with its minimum said beside it. */
export function NewPasswordField({ errors, min, label }: { errors?: FieldErrors; min: number; label?: string }) {
  const t = useT();
  return (
    <Field
      name="password"
      type="password"
      label={label ?? t('field.password')}
      errors={errors}
      required
      minlength={min}
      maxlength={PASSWORD_MAX}
      autocomplete="new-password"
      hint={t('field.passwordHint', { min })}
    />
  );
}
