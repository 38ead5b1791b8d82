// Free entry mode: where the match lets children under N in free, one button per stand; one tap counts
// one child there (a seat taken within the stand's capacity, a ticket issued and admitted by the
// server). Online only: offline the steward is told it needs the network, and nothing is kept.
import type { FreeEntryResponse, MatchesResponse } from '@footarena/gate-protocol';
import { type Api, Refused, Unauthorized } from './api.ts';
import { recordAdmission } from './match-data.ts';
import { $, type Say } from './page.ts';
import { type Session, saveData } from './session.ts';
import type { Store } from './storage.ts';
import type { VerdictView } from './verdict-view.ts';

export interface FreeParts {
  session: Session;
  store: Store;
  api: Api;
  say: Say;
  verdicts: VerdictView;
  changed: () => void;
}

export class FreeMode {
  #busy = false;

  constructor(private readonly parts: FreeParts) {
    $('free-stands').addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-stand]');
      if (button) void this.count(button.dataset.stand!, button.dataset.name ?? '');
    });
  }

  #match() {
    const { session, store } = this.parts;
    return store.get<MatchesResponse['matches']>('matches')?.find((m) => m.id === session.matchId);
  }

  /** Shown when the match has "children under N enter free". */
  available() {
    return typeof this.#match()?.freeEntryUnder === 'number';
  }

  enter() {
    const { session, say } = this.parts;
    const m = this.#match();
    if (!m) return;
    $('free-title').textContent = say('scanner.freeEntryTitle', { age: m.freeEntryUnder ?? '' });
    $('free-message').textContent = session.online ? '' : say('scanner.needsNetwork');
    const stands = m.stands.filter((s) => !session.standId || s.id === session.standId);
    $('free-stands').replaceChildren(
      ...stands.map((s) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.stand = s.id;
        button.dataset.name = s.name;
        button.textContent = say('scanner.freeEntry', { stand: s.name });
        return button;
      }),
    );
  }

  async count(standId: string, stand: string) {
    const { session, api, say, verdicts, store } = this.parts;
    if (!session.matchId || this.#busy) return;
    const message = $('free-message');
    if (!session.online) {
      message.textContent = say('scanner.needsNetwork');
      return;
    }
    this.#busy = true;
    try {
      const answer = await api<FreeEntryResponse>('/free-entry', {
        body: { matchId: session.matchId, standId, nonce: crypto.randomUUID() },
      });
      if (session.data && !answer.repeated) {
        recordAdmission(session.data, answer.ticketId, stand);
        saveData(store, session);
      }
      verdicts.show('ok', null, false);
      message.textContent = say('scanner.freeEntryCounted', { stand });
      this.parts.changed();
    } catch (error) {
      if (error instanceof Refused && error.status === 409) {
        verdicts.show('wrong_stand', null, false);
        message.textContent = error.code === 'free_entry_off' ? say('scanner.freeEntryOff') : say('scanner.freeEntryFull', { stand });
      } else if (!(error instanceof Unauthorized) && !(error instanceof Refused)) {
        session.online = false;
        message.textContent = say('scanner.needsNetwork');
      }
    } finally {
      this.#busy = false;
    }
  }
}
