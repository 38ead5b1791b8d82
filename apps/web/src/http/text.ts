/** Whether a text holds a control character (C0 or DEL): never part of a one-line field people type. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The text without its control characters (search boxes: ignore them rather than refuse). */
export function withoutControlCharacters(text: string): string {
  return [...text].filter((ch) => !hasControlCharacter(ch)).join('');
}

/** What a search box's query parameter may search for: no control characters, trimmed, bounded. */
export function searchText(raw: string | undefined, max = 80): string {
  return withoutControlCharacters(raw ?? '')
    .trim()
    .slice(0, max);
}
