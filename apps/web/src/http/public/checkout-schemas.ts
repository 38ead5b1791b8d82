import { z } from 'zod';
import { type PriceCategory, SALE_CATEGORIES } from '../../db/schema/index.ts';
import { UUID_PATTERN } from '../../domain/ids.ts';
import type { OrderLine } from '../../domain/sales/place-order.ts';
import { emailField, nameField } from './auth-schemas.ts';

// The basket of a match page: one field per stand and category, "q_<match stand id>_<category>",
// holding a number of tickets. The same fields travel in the query of the match and checkout pages
// (and so through sign-in, sign-up and the e-mail confirmation), so a basket is never lost.

const QUANTITY_FIELD = new RegExp(`^q_(${UUID_PATTERN})_(${SALE_CATEGORIES.join('|')})$`);
export const quantityField = (matchStandId: string, category: string) => `q_${matchStandId}_${category}`;

const quantity = z
  .string()
  .trim()
  .regex(/^\d{0,3}$/, 'error.quantity')
  .transform((value) => (value === '' ? 0 : Number(value)));

/** A +/− button: which field, one more or one less (the server's answer without JavaScript). */
const step = z.string().regex(new RegExp(`^q_${UUID_PATTERN}_(${SALE_CATEGORIES.join('|')}):(up|down)$`), 'error.invalid');

/** The posted or linked basket: its order lines (fields of other names are left alone) and a step, if one was pressed. */
export const basketForm = z.record(z.string(), z.unknown()).transform((fields, ctx) => {
  const lines: OrderLine[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const field = QUANTITY_FIELD.exec(name);
    if (!field) continue;
    const parsed = quantity.safeParse(typeof value === 'string' ? value : '');
    if (!parsed.success) ctx.addIssue({ code: 'custom', message: 'error.quantity', path: [name] });
    else lines.push({ matchStandId: field[1]!, category: field[2] as PriceCategory, quantity: parsed.data });
  }
  const pressed = fields.step === undefined ? undefined : step.safeParse(fields.step);
  if (pressed && !pressed.success) ctx.addIssue({ code: 'custom', message: 'error.invalid', path: ['step'] });
  const [, field = '', direction] = pressed?.data?.match(/^(.*):(up|down)$/) ?? [];
  return { lines, step: direction ? { field, delta: direction === 'up' ? 1 : -1 } : undefined };
});

/** A guest's checkout: who to send the tickets to. */
export const guestForm = z.object({ name: nameField, email: emailField });

/** The basket as a query string (the lines that hold tickets), for the links that carry it. */
export function basketQuery(lines: OrderLine[]): string {
  const query = new URLSearchParams();
  for (const l of lines) if (l.quantity > 0) query.set(quantityField(l.matchStandId, l.category), String(l.quantity));
  const text = query.toString();
  return text ? `?${text}` : '';
}
