// The bar of modes at the bottom of the scanner (scan, and those the club lets this device use): one
// panel shown at a time, the bar itself only when there is a choice.
import { $ } from './page.ts';

export interface Mode {
  /** Whether this device may use the mode now (its rights, the match's settings); scan always may. */
  available?: () => boolean;
  enter?: () => void;
  leave?: () => void;
}

export class ModeBar {
  readonly #modes = new Map<string, Mode>();
  #current = 'scan';

  register(id: string, mode: Mode) {
    this.#modes.set(id, mode);
  }

  get current() {
    return this.#current;
  }

  /** Shows the buttons of the modes available now; back to scan when the current one no longer is. */
  refresh() {
    let shown = 0;
    for (const button of this.#buttons()) {
      const available = this.#available(button.dataset.mode ?? '');
      button.hidden = !available;
      if (available) shown++;
    }
    $('scan-modes').hidden = shown < 2;
    if (!this.#available(this.#current)) this.select('scan');
  }

  select(id: string) {
    if (!this.#available(id)) return;
    const previous = this.#current;
    if (previous !== id) this.#modes.get(previous)?.leave?.();
    this.#current = id;
    for (const button of this.#buttons()) {
      const name = button.dataset.mode ?? '';
      button.setAttribute('aria-pressed', String(name === id));
      $(`mode-${name}`).hidden = name !== id;
    }
    if (previous !== id) this.#modes.get(id)?.enter?.();
  }

  #available(id: string) {
    const mode = this.#modes.get(id);
    return id === 'scan' || Boolean(mode && (mode.available?.() ?? true));
  }

  #buttons() {
    return [...$('scan-modes').querySelectorAll<HTMLButtonElement>('button[data-mode]')];
  }
}
