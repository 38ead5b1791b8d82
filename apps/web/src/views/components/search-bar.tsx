import type { Child } from 'hono/jsx';
import { useT } from './use-t.ts';

/**
 * A one-field search over a list (GET, so a search can be shared): `q` as the field, `keep` other
 * query values to carry along, `children` after the button (a download of the same list, say).
 */
export function SearchBar(props: { action: string; value: string; placeholder?: string; keep?: Record<string, string>; children?: Child }) {
  const t = useT();
  return (
    <form method="get" action={props.action} class="card actions">
      <label for="q" class="visually-hidden">
        {t('common.search')}
      </label>
      <input id="q" name="q" type="search" value={props.value} maxlength={80} placeholder={props.placeholder ?? t('common.search')} />
      {Object.entries(props.keep ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit">{t('common.search')}</button>
      {props.children}
    </form>
  );
}
