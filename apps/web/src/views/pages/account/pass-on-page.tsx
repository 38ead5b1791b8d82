import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import { Field, Form, FormError } from '../../components/form.tsx';
import { NarrowCard } from '../../components/narrow-card.tsx';
import { MatchName, MatchWhen, type ShownTicket, TicketWhat } from '../../components/ticket-facts.tsx';
import { useT } from '../../components/use-t.ts';

/**
 * Passing a ticket on, in two steps: who gets it (name, e-mail), then what will happen (their new
 * code by e-mail, this one stops working at once) before anything changes.
 */
export function PassOnPage(props: {
  ticket: ShownTicket;
  /** The new holder, once typed and valid: the page asks to confirm. */
  confirm: { name: string; email: string } | null;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const t = useT();
  const { ticket: tk, confirm } = props;
  const action = `/account/tickets/${tk.id}/pass-on`;
  return (
    <NarrowCard title={t('passOn.title')}>
      <p>
        <strong>
          <MatchName ticket={tk} />
        </strong>
        <br />
        <MatchWhen ticket={tk} />
        <br />
        <TicketWhat ticket={tk} position={null} count={0} />
      </p>
      {confirm ? (
        <Form action={action} idPrefix="pass-on">
          <p>{t('passOn.confirmText', { name: confirm.name, email: confirm.email })}</p>
          <input type="hidden" name="name" value={confirm.name} />
          <input type="hidden" name="email" value={confirm.email} />
          <input type="hidden" name="confirm" value="1" />
          <p class="actions">
            <button type="submit" class="danger">
              {t('passOn.confirm')}
            </button>
            <a href={action}>{t('passOn.change')}</a>
          </p>
        </Form>
      ) : (
        <Form action={action} idPrefix="pass-on">
          <FormError errors={props.errors} />
          <p class="hint">{t('passOn.hint')}</p>
          <Field
            name="name"
            label={t('passOn.name')}
            required
            maxlength={120}
            autocomplete="off"
            values={props.values}
            errors={props.errors}
          />
          <Field
            name="email"
            type="email"
            label={t('passOn.email')}
            required
            autocomplete="off"
            values={props.values}
            errors={props.errors}
          />
          <p class="actions">
            <button type="submit">{t('passOn.next')}</button>
            <a href={`/account/tickets/${tk.id}`}>{t('passOn.cancel')}</a>
          </p>
        </Form>
      )}
    </NarrowCard>
  );
}
