import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../../http/forms.ts';
import { Form, FormError } from './form.tsx';
import { useT } from './use-t.ts';

/**
 * A list's CSV import, as the guest list and the member list offer it: what the file holds, every
 * refused line at once (nothing is imported then), the file field, and any field of the list's own.
 */
export function CsvImport(props: {
  title: string;
  hint: string;
  refused: string;
  button: string;
  action: string;
  problems?: readonly string[];
  errors?: FieldErrors;
  /** Why no file can be sent yet, shown instead of the form. */
  blocked?: string;
  /** Fields after the file (a stand to seat the guests in). */
  children?: Child;
}) {
  const t = useT();
  return (
    <>
      <h2>{props.title}</h2>
      <p class="hint">{props.hint}</p>
      {props.problems?.length ? (
        <div class="alert error" role="alert">
          <p>{props.refused}</p>
          <ul>
            {props.problems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.blocked ? (
        <p class="hint">{props.blocked}</p>
      ) : (
        <Form action={props.action} enctype="multipart/form-data" idPrefix="import">
          <FormError errors={props.errors} />
          <div class="field">
            <label for="import-csv">{t('guests.csvFile')}</label>
            <input id="import-csv" name="csv" type="file" accept=".csv,text/csv,text/plain" required />
          </div>
          {props.children}
          <button type="submit">{props.button}</button>
        </Form>
      )}
    </>
  );
}
