// The scanner page's elements (rendered by http/scanner) and its messages in the steward's language.

export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export type Say = (key: string, vars?: Record<string, string | number>) => string;

/** Messages with `{name}` placeholders; an unknown key shows as itself. */
export function translator(messages: Record<string, string>): Say {
  return (key, vars = {}) => (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}
