import type { Child } from 'hono/jsx';
import { Form } from './form.tsx';

/**
 * The page before a step that hurts if clicked by mistake (cancel, postpone, refund): what will
 * happen, the club's optional message for the people concerned, the step itself, and the way back.
 */
export function ConfirmStep(props: {
  title: string;
  /** What will happen, in numbers. */
  consequence: Child;
  /** A line after it, in small print (what cannot be undone). */
  note?: string;
  action: string;
  /** Form values the step needs besides the confirmation (the new date of a postponement, the picked tickets). */
  hidden?: Record<string, string | string[]>;
  /** What was wrong with the message last time. */
  error?: string;
  messageLabel: string;
  messageHint?: string;
  confirm: string;
  back: { href: string; label: string };
}) {
  return (
    <section class="card narrow danger-zone">
      <h1>{props.title}</h1>
      <p data-consequence>{props.consequence}</p>
      {props.note ? <p class="hint">{props.note}</p> : null}
      <Form action={props.action} idPrefix="confirm">
        <input type="hidden" name="confirm" value="yes" />
        {Object.entries(props.hidden ?? {}).flatMap(([name, values]) =>
          [values].flat().map((value) => <input type="hidden" name={name} value={value} />),
        )}
        <div class="field">
          <label for="confirm-message">{props.messageLabel}</label>
          <textarea
            id="confirm-message"
            name="message"
            rows={4}
            maxlength={1000}
            aria-describedby={
              [props.messageHint ? 'confirm-message-hint' : '', props.error ? 'confirm-message-error' : ''].join(' ').trim() || undefined
            }
            aria-invalid={props.error ? 'true' : undefined}
          />
          {props.error ? (
            <small id="confirm-message-error" class="error">
              {props.error}
            </small>
          ) : null}
          {props.messageHint ? (
            <small id="confirm-message-hint" class="hint">
              {props.messageHint}
            </small>
          ) : null}
        </div>
        <div class="actions">
          <button type="submit" class="danger">
            {props.confirm}
          </button>
          <a href={props.back.href}>{props.back.label}</a>
        </div>
      </Form>
    </section>
  );
}
