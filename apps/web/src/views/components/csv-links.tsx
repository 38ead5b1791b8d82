import { useT } from './use-t.ts';

/**
 * The two downloads of one CSV list: for Excel as Belgian computers open it (";", decimal comma) and
 * the standard file (","), see http/csv.ts. `href` may already carry a query.
 */
export function CsvLinks({ href, label }: { href: string; label: string }) {
  const t = useT();
  const excel = `${href}${href.includes('?') ? '&' : '?'}format=excel`;
  return (
    <span class="csv-links">
      {t('csv.label', { label })}{' '}
      <a href={excel} aria-label={`${label} — ${t('csv.excel')}`} download>
        {t('csv.excel')}
      </a>{' '}
      ·{' '}
      <a href={href} aria-label={`${label} — ${t('csv.standard')}`} download>
        {t('csv.standard')}
      </a>
    </span>
  );
}
