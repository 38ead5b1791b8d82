// The last scans of this match on this phone, newest first, so a steward can look back at who just went
// through ("was that one green?"). Kept on the phone with the match's other data.
import type { RedeemResponse, ScanResult } from '@footarena/gate-protocol';
import { formatTime } from '../../i18n/formats.ts';
import type { Say } from './page.ts';
import type { Store } from './storage.ts';

export const HISTORY_LENGTH = 10;

export interface ScanEntry {
  /** When it was scanned, in milliseconds. */
  at: number;
  result: ScanResult;
  ticket: RedeemResponse['ticket'];
  offline: boolean;
}

export class ScanHistory {
  #entries: ScanEntry[] = [];
  #matchId: string | null = null;

  constructor(private readonly store: Store) {}

  /** The history of the match now scanned (empty for a match never scanned on this phone). */
  open(matchId: string) {
    this.#matchId = matchId;
    this.#entries = this.store.get<ScanEntry[]>(`history.${matchId}`) ?? [];
  }

  add(entry: ScanEntry) {
    this.#entries = [entry, ...this.#entries].slice(0, HISTORY_LENGTH);
    if (this.#matchId) this.store.set(`history.${this.#matchId}`, this.#entries);
  }

  get entries(): readonly ScanEntry[] {
    return this.#entries;
  }
}

/** The list as the steward reads it: time, verdict, and what the ticket is. */
export function renderHistory(list: HTMLElement, entries: readonly ScanEntry[], say: Say, locale: string) {
  if (entries.length === 0) {
    const empty = document.createElement('li');
    empty.className = 'hint';
    empty.textContent = say('scanner.historyEmpty');
    list.replaceChildren(empty);
    return;
  }
  list.replaceChildren(
    ...entries.map((entry) => {
      const item = document.createElement('li');
      item.className = entry.result === 'ok' ? 'ok' : 'refused';
      const time = document.createElement('time');
      time.dateTime = new Date(entry.at).toISOString();
      time.textContent = formatTime(new Date(entry.at), locale);
      const word = document.createElement('strong');
      word.textContent = say(`scanResult.${entry.result}`);
      const detail = document.createElement('span');
      detail.textContent = [describeTicket(entry.ticket, say), entry.offline ? say('scanner.checkedOffline') : '']
        .filter(Boolean)
        .join(' — ');
      item.replaceChildren(time, word, detail);
      return item;
    }),
  );
}

/** Stand · category · first name, as the verdict and the list show a ticket. */
export function describeTicket(ticket: RedeemResponse['ticket'], say: Say): string {
  return ticket ? [ticket.stand, say(`category.${ticket.category}`), ticket.holderFirstName].filter(Boolean).join(' · ') : '';
}
