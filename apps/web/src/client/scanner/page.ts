// The scanner page's elements (rendered by http/scanner) and its messages in the steward's language.

import { fillMessage } from '../../i18n/formats.ts';

export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export type Say = (key: string, vars?: Record<string, string | number>) => string;

/** Messages with `{name}` placeholders and plural forms in the page's language; an unknown key shows as itself. */
export function translator(messages: Record<string, string>, locale: string): Say {
  return (key, vars = {}) => fillMessage(messages[key] ?? key, vars, locale, () => '');
}
