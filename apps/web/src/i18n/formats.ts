// Dates and money as people in Brussels read them, shared by the server's pages and the browser modules (no
// dictionary here, so the scanner's bundle stays small).
import { TIME_ZONE } from '../domain/time.ts';

/** Belgian conventions for every language: fr-BE, nl-BE, en-BE (24-hour clock, euro after the amount). */
export const belgianTag = (locale: string) => `${locale}-BE`;

/**
 * One formatter per kind and language, made once: making an Intl formatter costs far more than using
 * it (it was a tenth of a refused checkout's time, rendering the match page).
 */
export function formatterOf<F>(kind: string, locale: string, make: (tag: string) => F): F {
  const key = `${kind}:${locale}`;
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = make(belgianTag(locale));
    formatters.set(key, formatter);
  }
  return formatter;
}
const formatters = new Map<string, unknown>();

export function formatDateTime(date: Date, locale: string): string {
  return formatterOf(
    'dateTime',
    locale,
    (tag) => new Intl.DateTimeFormat(tag, { dateStyle: 'full', timeStyle: 'short', timeZone: TIME_ZONE }),
  ).format(date);
}

/** Euros from cents, as the pages and the match page's running total show them. */
export function formatMoney(cents: number, locale: string): string {
  return formatterOf('money', locale, (tag) => new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' })).format(cents / 100);
}
