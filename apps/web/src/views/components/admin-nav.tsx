import { useT } from './use-t.ts';

/** The platform admin's sections. */
export function AdminNav() {
  const t = useT();
  return (
    <p class="actions">
      <a href="/admin/clubs">{t('admin.clubs')}</a> · <a href="/admin/competitions">{t('admin.competitions')}</a>
    </p>
  );
}
