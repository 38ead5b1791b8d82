import type { GuestListKind } from '../../../domain/guests/create-guest-list.ts';
import type { listGuestLists } from '../../../domain/guests/list-guest-lists.ts';
import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import { Field, Form, FormError, Select } from '../../components/form.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { useT } from '../../components/use-t.ts';

export interface OpenStand {
  matchStandId: string;
  name: string;
  seatsLeft: number;
}

/**
 * A match's guest lists (sponsors, VIP, families, press…): each with its seats and guests, and the
 * form for a new one, which sets seats aside per open stand at once.
 */
export function GuestListsPage(props: {
  club: { slug: string };
  match: { id: string; title: string };
  lists: Awaited<ReturnType<typeof listGuestLists>>;
  /** The kinds of list, in the order offered. */
  kinds: readonly GuestListKind[];
  stands: OpenStand[];
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const t = useT();
  const base = `/club/${props.club.slug}/matches/${props.match.id}`;
  return (
    <>
      <p class="meta">
        <a href={base}>← {props.match.title}</a>
      </p>
      <h1>{t('guests.title')}</h1>
      <p class="hint">{t('guests.intro')}</p>
      <section class="card">
        <h2>{t('guests.lists')}</h2>
        {props.lists.length === 0 ? (
          <p class="hint">{t('guests.none')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <TableHead columns={[t('guests.listName'), t('guests.kind'), t('guests.seatsColumn'), t('guests.guestsColumn')]} />
              <tbody>
                {props.lists.map((l) => (
                  <tr>
                    <td>
                      <a href={`${base}/guests/${l.id}`}>{l.name}</a>
                    </td>
                    <td>{t(`guests.kind.${l.kind}`)}</td>
                    <td>{t('guests.usedOf', { used: l.used, allowance: l.allowance })}</td>
                    <td>{l.guests}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="card" id="new-list">
        <h2>{t('guests.newList')}</h2>
        {props.stands.length === 0 ? (
          <p class="hint">{t('guests.noStand')}</p>
        ) : (
          <Form action={`${base}/guests`} idPrefix="new-list">
            <FormError errors={props.errors} />
            <Field name="name" label={t('guests.listName')} values={props.values} errors={props.errors} required maxlength={80} />
            <Select
              name="kind"
              label={t('guests.kind')}
              options={props.kinds.map((k) => ({ value: k, label: t(`guests.kind.${k}`) }))}
              selected={props.values?.kind ?? 'sponsors'}
              errors={props.errors}
            />
            <AllowanceFields stands={props.stands} values={props.values} errors={props.errors} />
            <button type="submit">{t('guests.create')}</button>
          </Form>
        )}
      </section>
    </>
  );
}

/** One number per open stand: the seats the list sets aside there, with what the stand has left. */
export function AllowanceFields(props: {
  stands: (OpenStand & { used?: number })[];
  values?: FormValues;
  errors?: FieldErrors;
  /** Under a heading that already says it: the legend is for screen readers only. */
  legendHidden?: boolean;
}) {
  const t = useT();
  return (
    <fieldset class="plain">
      <legend class={props.legendHidden ? 'visually-hidden' : undefined}>{t('guests.allowances')}</legend>
      {props.stands.map((s) => (
        <Field
          name={`seats_${s.matchStandId}`}
          type="number"
          label={s.name}
          values={props.values}
          errors={props.errors}
          value="0"
          hint={s.used ? t('guests.standHintUsed', { left: s.seatsLeft, used: s.used }) : t('guests.standHint', { left: s.seatsLeft })}
        />
      ))}
    </fieldset>
  );
}
