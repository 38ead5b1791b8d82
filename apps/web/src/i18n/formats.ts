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

/** The time of day to the second, as the match-day pages and the scanner's last scans show it (Brussels clocks). */
export function formatTime(date: Date, locale: string): string {
  return formatterOf('time', locale, (tag) => new Intl.DateTimeFormat(tag, { timeStyle: 'medium', timeZone: TIME_ZONE })).format(date);
}

/** The time of day to the minute (14:32), Brussels time: when a ticket entered, a gate time. */
export function formatShortClock(date: Date, locale: string): string {
  return formatterOf('shortClock', locale, (tag) => new Intl.DateTimeFormat(tag, { timeStyle: 'short', timeZone: TIME_ZONE })).format(date);
}

export type MessageParams = Record<string, string | number>;

// `{count, plural, one {# ticket} other {# tickets}}`: ICU's plural syntax, each option a text that may
// hold `{name}` placeholders (one level of braces), `=N` for an exact number.
const PLURAL = /\{(\w+),\s*plural,((?:\s*(?:=\d+|\w+)\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g;
const PLURAL_OPTION = /(=\d+|\w+)\s*\{((?:[^{}]|\{\w+\})*)\}/g;

/**
 * A message with its parameters filled in: `{name}` placeholders, and plural forms chosen by the
 * language's own rules (Intl.PluralRules: French says "0 ticket", Dutch and English "0 tickets"),
 * `#` standing for the number. A missing parameter is shown by `missing` (by default, as written).
 */
export function fillMessage(
  text: string,
  params: MessageParams,
  locale: string,
  missing: (name: string) => string = (name) => `{${name}}`,
): string {
  const withPlurals = text.replace(PLURAL, (whole, name: string, body: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    const n = Number(value);
    const options = new Map([...body.matchAll(PLURAL_OPTION)].map((m) => [m[1]!, m[2]!]));
    const rule = formatterOf('plural', locale, (tag) => new Intl.PluralRules(tag)).select(n);
    const chosen = options.get(`=${n}`) ?? options.get(rule) ?? options.get('other') ?? '';
    return chosen.replace(/#/g, formatterOf('number', locale, (tag) => new Intl.NumberFormat(tag)).format(n));
  });
  return withPlurals.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === undefined ? missing(name) : String(params[name])));
}

/** Euros from cents, as the pages and the match page's running total show them. */
export function formatMoney(cents: number, locale: string): string {
  return formatterOf('money', locale, (tag) => new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' })).format(cents / 100);
}
