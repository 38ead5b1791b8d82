// Entry or exit (re-entry): shown in scan mode only for a match that lets people out and back in; every
// scan is an entry otherwise.
import type { ScanDirection } from '@footarena/gate-protocol';
import { $ } from './page.ts';

export class DirectionSwitch {
  #current: ScanDirection = 'in';

  constructor() {
    $('scan-direction').addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-direction]');
      if (button?.dataset.direction === 'in' || button?.dataset.direction === 'out') this.#select(button.dataset.direction);
    });
  }

  get current(): ScanDirection {
    return this.#current;
  }

  /** Shown when the match allows re-entry; otherwise hidden, and back to entry. */
  refresh(allowReentry: boolean) {
    $('scan-direction').hidden = !allowReentry;
    if (!allowReentry) this.#select('in');
  }

  #select(direction: ScanDirection) {
    this.#current = direction;
    for (const button of $('scan-direction').querySelectorAll<HTMLButtonElement>('button[data-direction]')) {
      button.setAttribute('aria-pressed', String(button.dataset.direction === direction));
    }
    document.getElementById('scan-live')?.setAttribute('data-direction', direction);
  }
}
