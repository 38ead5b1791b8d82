import { useT } from './use-t.ts';

/**
 * A table's column headings, each `scope="col"` for screen readers; `actions` adds a last column for
 * the row's buttons, named for screen readers only.
 */
export function TableHead({ columns, actions }: { columns: string[]; actions?: boolean }) {
  const t = useT();
  return (
    <thead>
      <tr>
        {columns.map((label) => (
          <th scope="col">{label}</th>
        ))}
        {actions ? (
          <th scope="col">
            <span class="visually-hidden">{t('common.actions')}</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
