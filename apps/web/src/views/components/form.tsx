import { type Child, createContext, useContext } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { FieldErrors, FormValues } from '../../http/forms.ts';
import type { AppEnv } from '../../http/types.ts';

/** The hidden field every form echoes the CSRF token in (http/middleware/csrf-token.ts checks it). */
export const CSRF_FIELD = '_csrf';

// Field ids are "<form prefix>-<name>": a page with the same form twice (one per venue, say) gives
// each its own prefix, so every label points at its own field.
const FormIdPrefix = createContext('f');

/** A POST form carrying the CSRF token; every state change in the app goes through one. */
export function Form(props: { action: string; children: Child; class?: string; enctype?: 'multipart/form-data'; idPrefix?: string }) {
  const c = useRequestContext<AppEnv>();
  return (
    <form method="post" action={props.action} class={props.class} enctype={props.enctype}>
      <input type="hidden" name={CSRF_FIELD} value={c.get('csrfToken')} />
      <FormIdPrefix.Provider value={props.idPrefix ?? 'f'}>{props.children}</FormIdPrefix.Provider>
    </form>
  );
}

type FieldProps = {
  name: string;
  label: string;
  type?: string;
  values?: FormValues;
  errors?: FieldErrors;
  required?: boolean;
  autocomplete?: string;
  maxlength?: number;
  minlength?: number;
  hint?: string;
  value?: string;
};

export function Field(props: FieldProps) {
  const id = `${useContext(FormIdPrefix)}-${props.name}`;
  const error = props.errors?.[props.name];
  const value = props.type === 'password' ? undefined : (props.values?.[props.name] ?? props.value);
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={value}
        required={props.required}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        minlength={props.minlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : props.hint ? `${id}-hint` : undefined}
      />
      {props.hint && !error ? (
        <small id={`${id}-hint`} class="hint">
          {props.hint}
        </small>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** One checkbox, sent as `name=on` when ticked, its label beside it and a hint under it. */
export function CheckField(props: { name: string; label: string; hint?: string; values?: Record<string, string | undefined> }) {
  const id = `${useContext(FormIdPrefix)}-${props.name}`;
  return (
    <div class="field check">
      <label for={id}>
        <input
          id={id}
          type="checkbox"
          name={props.name}
          value="on"
          checked={props.values?.[props.name] === 'on'}
          aria-describedby={props.hint ? `${id}-hint` : undefined}
        />{' '}
        {props.label}
      </label>
      {props.hint ? (
        <small id={`${id}-hint`} class="hint">
          {props.hint}
        </small>
      ) : null}
    </div>
  );
}

/** A field's error under it, announced, and named by the field's aria-describedby (`<id>-error`). */
export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <small id={`${id}-error`} class="error" role="alert">
      {error}
    </small>
  ) : null;
}

export function Select(props: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  selected?: string;
  errors?: FieldErrors;
  required?: boolean;
}) {
  const id = `${useContext(FormIdPrefix)}-${props.name}`;
  const error = props.errors?.[props.name];
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.selected}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <small id={`${id}-error`} class="error" role="alert">
          {error}
        </small>
      ) : null}
    </div>
  );
}

/**
 * A group of checkboxes under a legend, sent as `name[]` (parseForm reads every checked value under
 * `name`). Each box is labelled by the text around it; `empty` is said when there is nothing to choose.
 */
export function Checkboxes(props: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked?: readonly string[];
  hint?: string;
  empty?: string;
  errors?: FieldErrors;
}) {
  const id = `${useContext(FormIdPrefix)}-${props.name}`;
  const error = props.errors?.[props.name];
  const describedBy = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset id={id} class={error ? 'checkboxes invalid' : 'checkboxes'} aria-describedby={describedBy || undefined}>
      <legend>{props.legend}</legend>
      {props.hint ? (
        <small id={`${id}-hint`} class="hint">
          {props.hint}
        </small>
      ) : null}
      {props.options.length === 0 && props.empty ? <p class="hint">{props.empty}</p> : null}
      {props.options.map((o) => (
        <label class="inline">
          <input type="checkbox" name={`${props.name}[]`} value={o.value} checked={props.checked?.includes(o.value)} /> {o.label}
        </label>
      ))}
      {error ? (
        <small id={`${id}-error`} class="error" role="alert">
          {error}
        </small>
      ) : null}
    </fieldset>
  );
}

export function FormError(props: { errors?: FieldErrors }) {
  const error = props.errors?._form;
  return error ? (
    <p class="alert error" role="alert">
      {error}
    </p>
  ) : null;
}
