import type { GuestList } from '../../../domain/guests/find-guest-list.ts';
import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import { CsvImport } from '../../components/csv-import.tsx';
import { Field, Form, FormError, Select } from '../../components/form.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { useT } from '../../components/use-t.ts';
import { AllowanceFields } from './guest-lists-page.tsx';

/** Which form of the page was sent and came back with errors. */
export type GuestListForm = 'seats' | 'add' | 'import';

/**
 * One guest list: its seats per stand (grow or shrink), a guest added by hand, a CSV imported (its bad
 * lines listed one by one), and its guests with the places that entered; a guest not yet entered can
 * be removed (their tickets revoked, their places back to the list).
 */
export function GuestListPage(props: {
  club: { slug: string };
  match: { id: string; title: string };
  list: GuestList;
  shown?: { form: GuestListForm; values?: FormValues; errors?: FieldErrors; csvProblems?: string[] };
}) {
  const t = useT();
  const { list } = props;
  const base = `/club/${props.club.slug}/matches/${props.match.id}/guests/${list.id}`;
  const sent = (form: GuestListForm) => (props.shown?.form === form ? props.shown : undefined);
  const withSeats = list.stands.filter((s) => s.allowance > 0);
  const standOptions = withSeats.map((s) => ({
    value: s.matchStandId,
    label: t('guests.standLeft', { stand: s.name, left: s.allowance - s.used }),
  }));
  const seatValues: FormValues =
    sent('seats')?.values ?? Object.fromEntries(list.stands.map((s) => [`seats_${s.matchStandId}`, String(s.allowance)]));
  return (
    <>
      <p class="meta">
        <a href={`/club/${props.club.slug}/matches/${props.match.id}/guests`}>← {t('guests.title')}</a> · {props.match.title}
      </p>
      <h1>{list.name}</h1>
      <p class="meta">{t(`guests.kind.${list.kind}`)}</p>

      <section class="card" id="guests">
        <h2>{t('guests.guests')}</h2>
        {list.guests.length === 0 ? (
          <p class="hint">{t('guests.noGuests')}</p>
        ) : (
          // On a phone each guest reads as a card, its Remove button within reach (app.css, table.stack).
          <div class="table-wrap">
            <table class="stack">
              <TableHead columns={[t('guests.name'), t('guests.stand'), t('guests.placesColumn'), t('guests.enteredColumn')]} actions />
              <tbody>
                {list.guests.map((g) => (
                  <tr>
                    <td>
                      {g.name}
                      <br />
                      <small class="hint">{g.email ?? t('guests.byName')}</small>
                    </td>
                    <td data-label={t('guests.stand')}>{g.stand}</td>
                    <td data-label={t('guests.placesColumn')}>{g.places}</td>
                    <td data-label={t('guests.enteredColumn')}>{g.entered}</td>
                    <td>
                      {g.entered > 0 ? (
                        <span class="hint">{t('guests.cannotRemove')}</span>
                      ) : (
                        <Form action={`${base}/remove/${g.id}`} idPrefix={`remove-${g.id}`}>
                          <button type="submit" class="secondary" aria-label={t('guests.removeNamed', { name: g.name })}>
                            {t('guests.remove')}
                          </button>
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section class="card" id="add">
        <h2>{t('guests.add')}</h2>
        {standOptions.length === 0 ? (
          <p class="hint">{t('guests.seatsFirst')}</p>
        ) : (
          <Form action={`${base}/add`} idPrefix="add">
            <FormError errors={sent('add')?.errors} />
            <Field
              name="name"
              label={t('guests.name')}
              values={sent('add')?.values}
              errors={sent('add')?.errors}
              required
              maxlength={120}
            />
            <Field
              name="email"
              type="email"
              label={t('guests.emailOptional')}
              values={sent('add')?.values}
              errors={sent('add')?.errors}
              hint={t('guests.emailHint')}
            />
            <Field
              name="places"
              type="number"
              label={t('guests.places')}
              values={sent('add')?.values}
              errors={sent('add')?.errors}
              value="1"
              required
            />
            <Select
              name="matchStandId"
              label={t('guests.stand')}
              options={standOptions}
              selected={sent('add')?.values?.matchStandId}
              errors={sent('add')?.errors}
            />
            <button type="submit">{t('guests.addButton')}</button>
          </Form>
        )}
      </section>

      <section class="card" id="import">
        <CsvImport
          title={t('guests.import')}
          hint={t('guests.importHint')}
          refused={t('guests.importRefused')}
          button={t('guests.importButton')}
          action={`${base}/import`}
          problems={sent('import')?.csvProblems}
          errors={sent('import')?.errors}
          blocked={standOptions.length === 0 ? t('guests.seatsFirst') : undefined}
        >
          <Select
            name="matchStandId"
            label={t('guests.stand')}
            options={standOptions}
            selected={sent('import')?.values?.matchStandId}
            errors={sent('import')?.errors}
          />
        </CsvImport>
      </section>

      <section class="card" id="seats">
        <h2>{t('guests.allowances')}</h2>
        <p class="hint">{t('guests.allowancesHint')}</p>
        <Form action={`${base}/seats`} idPrefix="seats">
          <FormError errors={sent('seats')?.errors} />
          <AllowanceFields stands={list.stands} values={seatValues} errors={sent('seats')?.errors} legendHidden />
          <button type="submit">{t('common.save')}</button>
        </Form>
      </section>
    </>
  );
}
