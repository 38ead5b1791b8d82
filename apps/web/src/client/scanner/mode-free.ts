// Free entry mode: where the match lets children under N in free, one button per stand; one tap counts
// one child there (a seat taken within the stand's capacity, a ticket issued and admitted by the
// server). Offline, a tap takes one of the seats the phone kept while online (offline-free.ts) and is
// uploaded when the network is back; without a kept seat left, the steward is told it needs the network.
import type { FreeEntryResponse, MatchesResponse, QuotaResponse } from '@footarena/gate-protocol';
import { type Api, Refused, Unauthorized } from './api.ts';
import { recordAdmission } from './match-data.ts';
import { freeRoom, type KeptSeats, keptSeatsKey, type PendingFreeEntry, pendingFreeEntries, pendingFreeKey } from './offline-free.ts';
import { $, type Say } from './page.ts';
import type { PendingSale } from './sell-basket.ts';
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
  #uploading = false;

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
    $('free-message').textContent = '';
    if (session.online) void this.uploadLater(true);
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
    if (!session.online) return this.#countOffline(standId, stand);
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
        this.#countOffline(standId, stand);
      }
    } finally {
      this.#busy = false;
    }
  }

  /** One child counted on the phone, from a seat it kept; none left: the network is needed. */
  #countOffline(standId: string, stand: string) {
    const { session, store, say, verdicts } = this.parts;
    const matchId = session.matchId ?? '';
    const kept = store.get<KeptSeats>(keptSeatsKey(matchId)) ?? [];
    const waiting = pendingFreeEntries(store, matchId);
    const sales = store.get<PendingSale[]>(`sellQueue.${matchId}`) ?? [];
    if (freeRoom(kept, waiting, sales, standId) < 1) {
      verdicts.show('wrong_stand', null, true);
      $('free-message').textContent = say('scanner.freeEntryNoRoom', { stand });
      return;
    }
    const matchStandId = kept.find((q) => q.standId === standId)!.matchStandId;
    const entry: PendingFreeEntry = { nonce: crypto.randomUUID(), standId, matchStandId, countedAt: new Date().toISOString() };
    store.set(pendingFreeKey(matchId), [...waiting, entry]);
    verdicts.show('ok', null, true);
    $('free-message').textContent = say('scanner.freeEntryCountedOffline', { stand });
  }

  /**
   * Online: uploads the free entries counted offline (each once, by its nonce), then keeps seats for
   * the next time the network goes (the server tops the phone's kept seats up on each stand) — when the
   * mode is opened, after an upload, or while none are kept; not at every sync.
   */
  async uploadLater(topUp = false) {
    const { session, store, api } = this.parts;
    const matchId = session.matchId;
    if (!matchId || !session.online || this.#uploading || !this.available()) return;
    this.#uploading = true;
    try {
      const waiting = pendingFreeEntries(store, matchId);
      for (const entry of waiting) {
        try {
          await api<FreeEntryResponse>('/free-entry', {
            body: { matchId, standId: entry.standId, nonce: entry.nonce, countedAt: entry.countedAt },
          });
        } catch (error) {
          if (!(error instanceof Refused)) return; // no network: the next try sends it
        }
        // Counted, or refused for good (the server says why in its log): either way not sent again.
        store.set(
          pendingFreeKey(matchId),
          pendingFreeEntries(store, matchId).filter((e) => e.nonce !== entry.nonce),
        );
        this.parts.changed();
      }
      if (!topUp && waiting.length === 0 && store.get<KeptSeats>(keptSeatsKey(matchId))) return;
      const kept = await api<QuotaResponse>('/box-office/quota', { body: { matchId } });
      store.set(keptSeatsKey(matchId), kept.quotas);
    } catch {
      // Keeping seats failed (no network, or refused): offline counting uses what was kept before.
    } finally {
      this.#uploading = false;
    }
  }
}
