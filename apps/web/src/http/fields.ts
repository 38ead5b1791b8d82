import { z } from 'zod';
import { parseEuros } from '../domain/money.ts';
import { fromBrusselsLocal } from '../domain/time.ts';
import { hasControlCharacter } from './text.ts';

// Form fields shared by the forms; their messages are message keys (see forms.ts).

/** One line of text: trimmed, within bounds, without control characters (PostgreSQL refuses NUL). */
export const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !hasControlCharacter(value), 'error.controlCharacters');

/** A price typed in euros ("12,50") → cents. */
export const euros = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const cents = parseEuros(value);
    if (cents === null) {
      ctx.addIssue({ code: 'custom', message: 'error.price' });
      return z.NEVER;
    }
    return cents;
  });

/**
 * An empty field read as absent, else the field's own rule: its own message on failure (a union
 * would say only "invalid input").
 */
const emptyAsAbsent = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** The same, where an empty field means "not offered" or "not set". */
export const optionalEuros = emptyAsAbsent(euros);

/** A <input type="datetime-local"> value, read as Brussels time → an instant. */
export const brusselsDateTime = z
  .string()
  .trim()
  .transform((value, ctx) => {
    try {
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) throw new RangeError(value);
      return fromBrusselsLocal(value.slice(0, 16));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'error.dateTime' });
      return z.NEVER;
    }
  });

export const optionalBrusselsDateTime = emptyAsAbsent(brusselsDateTime);

export const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,7}$/, 'error.number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: 'error.numberRange', params: { min, max } });

/** A whole number, or nothing when the field is left empty. */
export const optionalWholeNumber = (min: number, max: number) => emptyAsAbsent(wholeNumber(min, max));

/** A club's words to its buyers (a cancelled or postponed match, a refund): plain text, lines kept. */
export const buyersMessage = z.string().trim().max(1000).optional();
