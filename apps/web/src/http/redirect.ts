import { hasControlCharacter } from './text.ts';

const NO_SITE = 'http://footarena.invalid';

/**
 * Every redirect target taken from a request goes through here: the path (with query and fragment)
 * it names on this site, or `fallback`. It is parsed as a browser would (WHATWG URL: "\" as "/",
 * "." and ".." segments, "%2e") against this site's origin and kept only if it stays there; the
 * normalised form is returned, never the raw text, and that form must stay here too:
 * "/.//evil.example" normalises to "//evil.example", which a browser reads as another host.
 * Whitespace, control characters and backslashes are refused outright: browsers drop some of them
 * inside URLs, so no two readers could disagree about where they lead.
 * `siteOrigin` is only needed to accept absolute URLs of this site (better-auth's own Location).
 */
export function safeRedirectPath(raw: unknown, fallback = '/', siteOrigin = NO_SITE): string {
  if (typeof raw !== 'string' || raw === '' || raw.length > 2048) return fallback;
  if (/[\s\\\u0080-\u009f]/.test(raw) || hasControlCharacter(raw)) return fallback;
  // A path, or a whole http(s) URL; nothing a parser might read relative to a scheme ("https:evil").
  if (!raw.startsWith('/') && !/^https?:\/\//i.test(raw)) return fallback;
  try {
    const base = new URL(siteOrigin).origin;
    const url = new URL(raw, base);
    if (url.origin !== base) return fallback;
    const path = url.pathname + url.search + url.hash;
    return path.startsWith('/') && !path.startsWith('//') && new URL(path, base).origin === base ? path : fallback;
  } catch {
    return fallback;
  }
}
