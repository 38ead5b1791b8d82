// A keyboard-wedge reader (a handheld scanner that acts as a keyboard) types a code in one burst of
// characters, then Enter, wherever the focus is.

/** A pause this long between two keys starts a new code: a stray key long ago is not its start. */
const GAP_MS = 1_000;
/** An Enter after fewer characters is not the end of a code (the characters so far are kept). */
const MIN_LENGTH = 8;

export class WedgeReader {
  #typed = '';
  #typedAt = Number.NEGATIVE_INFINITY;

  /** One key (`KeyboardEvent.key`) at `now` (ms); returns the code when this key ends one. */
  press(key: string, now: number): string | null {
    if (now - this.#typedAt > GAP_MS) this.#typed = '';
    this.#typedAt = now;
    if (key === 'Enter' && this.#typed.length >= MIN_LENGTH) {
      const code = this.#typed;
      this.#typed = '';
      return code;
    }
    if (key.length === 1) this.#typed += key; // not Shift, Tab, …
    return null;
  }
}
