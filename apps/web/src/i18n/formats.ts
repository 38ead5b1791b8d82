// Dates as people in Brussels read them, shared by the server's pages and the browser modules (no
// dictionary here, so the scanner's bundle stays small).
import { TIME_ZONE } from '../domain/time.ts';

/** Belgian conventions for every language: fr-BE, nl-BE, en-BE (24-hour clock, euro after the amount). */
export const belgianTag = (locale: string) => `${locale}-BE`;

export function formatDateTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(belgianTag(locale), { dateStyle: 'full', timeStyle: 'short', timeZone: TIME_ZONE }).format(date);
}
