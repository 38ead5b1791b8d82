import { TIME_ZONE } from '../domain/time.ts';
import { en, type Messages } from './en.ts';
import { fillMessage, formatterOf, type MessageParams } from './formats.ts';

// formatClock: the time of day to the minute ("14:30"), for a gate time beside the kick-off's date.
export { formatDateTime, formatMoney, formatShortClock as formatClock, formatTime } from './formats.ts';

import { fr } from './fr.ts';
import { nl } from './nl.ts';

export const LOCALES = ['fr', 'nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';
/** Each language in its own words, for the switcher and the profile. */
export const LANGUAGE_NAMES: Record<Locale, string> = { fr: 'Français', nl: 'Nederlands', en: 'English' };
export type MessageKey = keyof Messages;
export type Params = MessageParams;
export type Translate = (key: MessageKey, params?: Params) => string;

const dictionaries: Record<Locale, Messages> = { fr, nl, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(en, value);
}

export function translator(locale: Locale): Translate {
  const messages = dictionaries[locale];
  return (key, params) => (params ? fillMessage(messages[key], params, locale) : messages[key]);
}

/** Picks the best supported language from an Accept-Language header, by quality. */
export function negotiateLocale(header: string | undefined | null): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { lang: tag.trim().split('-')[0]!.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.find((entry) => isLocale(entry.lang))?.lang as Locale | undefined;
}

export function formatDate(date: Date, locale: Locale): string {
  return formatterOf('date', locale, (tag) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: TIME_ZONE })).format(date);
}
