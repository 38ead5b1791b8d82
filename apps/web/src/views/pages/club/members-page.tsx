import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import { CsvImport } from '../../components/csv-import.tsx';
import { Field, Form, FormError } from '../../components/form.tsx';
import { SearchBar } from '../../components/search-bar.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { useT } from '../../components/use-t.ts';

/** Which form of the page was sent and came back with errors. */
export type MembersForm = 'add' | 'import';

/**
 * The club's members (the member price is theirs when their verified e-mail is on this list): a search,
 * how many there are, each with a Remove button; one added by hand; a CSV imported, all or nothing,
 * its bad lines listed one by one.
 */
export function MembersPage(props: {
  club: { slug: string };
  members: { id: string; name: string; email: string; memberNumber: string }[];
  count: number;
  q: string;
  shown?: { form: MembersForm; values?: FormValues; errors?: FieldErrors; csvProblems?: string[] };
}) {
  const t = useT();
  const base = `/club/${props.club.slug}/members`;
  const sent = (form: MembersForm) => (props.shown?.form === form ? props.shown : undefined);
  return (
    <>
      <h1>{t('members.title')}</h1>
      <p class="hint">{t('members.intro')}</p>
      <SearchBar action={base} value={props.q} placeholder={t('members.searchPlaceholder')} />
      <section class="card" id="members">
        <h2>{t(props.q ? 'members.found' : 'members.count', { count: props.count })}</h2>
        {props.members.length === 0 ? null : (
          <div class="table-wrap">
            <table class="stack">
              <TableHead columns={[t('members.name'), t('members.email'), t('members.number')]} actions />
              <tbody>
                {props.members.map((m) => (
                  <tr>
                    <td>{m.name}</td>
                    <td data-label={t('members.email')}>{m.email}</td>
                    <td data-label={t('members.number')}>{m.memberNumber}</td>
                    <td>
                      <Form action={`${base}/${m.id}/remove`} idPrefix={`remove-${m.id}`}>
                        <button type="submit" class="secondary" aria-label={t('members.removeNamed', { name: m.name })}>
                          {t('members.remove')}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section class="card" id="add">
        <h2>{t('members.add')}</h2>
        <Form action={base} idPrefix="add">
          <FormError errors={sent('add')?.errors} />
          <Field name="name" label={t('members.name')} values={sent('add')?.values} errors={sent('add')?.errors} required maxlength={120} />
          <Field name="email" type="email" label={t('members.email')} values={sent('add')?.values} errors={sent('add')?.errors} required />
          <Field
            name="memberNumber"
            label={t('members.number')}
            values={sent('add')?.values}
            errors={sent('add')?.errors}
            required
            maxlength={40}
          />
          <button type="submit">{t('members.addButton')}</button>
        </Form>
      </section>

      <section class="card" id="import">
        <CsvImport
          title={t('members.import')}
          hint={t('members.importHint')}
          refused={t('members.importRefused')}
          button={t('members.importButton')}
          action={`${base}/import`}
          problems={sent('import')?.csvProblems}
          errors={sent('import')?.errors}
        />
      </section>
    </>
  );
}
