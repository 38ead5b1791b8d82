import type { Context } from 'hono';
import type { z } from 'zod';
import { isMessageKey, type Translate } from '../i18n/index.ts';
import { hasControlCharacter } from './text.ts';
import type { AppEnv } from './types.ts';

const hasForbiddenControl = (value: string) => hasControlCharacter(value.replace(/[\t\r\n]/g, ''));

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;
/** The values of multi-valued fields (checkboxes named "name[]"), by name without the brackets. */
export type FormLists = Record<string, string[]>;
export type FormResult<T> =
  | { ok: true; data: T; values: FormValues; lists: FormLists }
  | { ok: false; errors: FieldErrors; values: FormValues; lists: FormLists };

/** Turns zod issues into one localized message per field. A schema's own message is a message key. */
export function fieldErrors(issues: z.core.$ZodIssue[], t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '_form');
    if (errors[field]) continue;
    errors[field] = issueMessage(issue, t);
  }
  return errors;
}

function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  if (isMessageKey(issue.message)) {
    const { params = {} } = issue as { params?: Record<string, string | number> };
    return t(issue.message, params);
  }
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 ? t('error.required') : t('error.tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      return t('error.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('error.email') : t('error.invalid');
    case 'invalid_type':
      return t('error.required');
    default:
      return t('error.invalid');
  }
}

/**
 * Parses the posted form with a zod schema; on failure returns the values to show again. A field is
 * one string (the last sent), except fields named "name[]": every value, as an array under "name"
 * (absent when none is checked). Files are left to the handlers that take them.
 */
export async function parseForm<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<FormResult<z.infer<S>>> {
  const body = await c.req.parseBody();
  const values: FormValues = {};
  const lists: FormLists = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.endsWith('[]') && Array.isArray(value)) lists[key.slice(0, -2)] = value.filter((v) => typeof v === 'string');
    else if (typeof value === 'string') values[key] = value;
  }
  const result = schema.safeParse({ ...values, ...lists });
  // Whatever a field's own schema says, no field of any form may carry a control character other
  // than a line break or tab (NUL fails PostgreSQL; the others are never typed). The text fields'
  // own rule (fields.ts) also refuses line breaks and tabs on one line.
  const hostile = Object.entries({ ...values, ...lists }).filter(([, v]) => [v].flat().some(hasForbiddenControl));
  if (result.success && hostile.length === 0) return { ok: true, data: result.data, values, lists };
  const errors = result.success ? {} : fieldErrors(result.error.issues, c.get('t'));
  for (const [field] of hostile) errors[field] ??= c.get('t')('error.controlCharacters');
  return { ok: false, errors, values, lists };
}
