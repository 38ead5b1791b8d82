import type { ClubMembership } from '../../../domain/clubs/find-club-membership.ts';
import { Form } from '../../components/form.tsx';
import { useT } from '../../components/use-t.ts';
import { ClubFields, type ClubFormShown } from './club-fields.tsx';

export interface SettingsPageProps extends ClubFormShown {
  club: ClubMembership['club'];
  /** The largest logo accepted, in KiB. */
  logoMaxKib: number;
}

/** A club's settings: its profile, its logo and its ticket signing key. */
export function SettingsPage({ club, values, errors, lookAlikes, confirmed, logoMaxKib }: SettingsPageProps) {
  const t = useT();
  const shown = values ?? {
    name: club.name,
    commune: club.commune ?? '',
    colorPrimary: club.colorPrimary ?? '',
    colorSecondary: club.colorSecondary ?? '',
  };
  return (
    <>
      <h1>
        {t('settings.title')} · {club.name}
      </h1>
      <section class="card">
        <Form action={`/club/${club.slug}/settings`}>
          <ClubFields
            values={shown}
            errors={errors}
            lookAlikes={lookAlikes}
            confirmed={confirmed}
            nameHint={club.verifiedAt ? t('settings.verifiedNameHint') : undefined}
          />
          <button type="submit">{t('common.save')}</button>
        </Form>
      </section>
      <section class="card">
        <h2>{t('settings.logo')}</h2>
        {club.logo ? <img src={club.logo} alt={t('settings.currentLogo')} width="96" height="96" class="logo" /> : null}
        <Form action={`/club/${club.slug}/settings/logo`} enctype="multipart/form-data">
          <div class={errors?.logo ? 'field invalid' : 'field'}>
            <label for="f-logo">{t('settings.logoFile')}</label>
            <input id="f-logo" name="logo" type="file" accept="image/png,image/jpeg,image/webp" required aria-describedby="f-logo-hint" />
            <small id="f-logo-hint" class="hint">
              {t('settings.logoHint', { max: logoMaxKib })}
            </small>
            {errors?.logo ? (
              <small class="error" role="alert">
                {errors.logo}
              </small>
            ) : null}
          </div>
          <button type="submit">{t('settings.logoUpload')}</button>
        </Form>
        {club.logo ? (
          <Form action={`/club/${club.slug}/settings/logo/remove`} idPrefix="logo-remove">
            <button type="submit" class="secondary">
              {t('settings.logoRemove')}
            </button>
          </Form>
        ) : null}
      </section>
      <section class="card">
        <h2>{t('settings.ticketKey')}</h2>
        <p class="hint">{t('settings.ticketKeyHint')}</p>
        <Form action={`/club/${club.slug}/settings/rotate-key`} idPrefix="rotate-key">
          <button type="submit" class="secondary">
            {t('settings.rotateKey')}
          </button>
        </Form>
      </section>
    </>
  );
}
