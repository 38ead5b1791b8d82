// Guests mode: a guest found by name (online: the server's lists; offline: those of the last sync)
// and 1..n of their places let in with one tap. Online the server admits each place as one of the
// guest's tickets (/guests/admit); offline each place is an offline scan of one of the guest's ticket
// codes, queued and uploaded like a scanned QR (first scan wins).
import type { GuestAdmitResponse, GuestSearchResponse, ScanResult, SyncResponse } from '@footarena/gate-protocol';
import { type Api, Refused, Unauthorized } from './api.ts';
import { recordAdmission } from './match-data.ts';
import { $, type Say } from './page.ts';
import type { ScanQueue } from './queue.ts';
import { type Session, saveData } from './session.ts';
import type { Store } from './storage.ts';
import type { VerdictView } from './verdict-view.ts';

export type SyncedGuest = NonNullable<SyncResponse['guests']>[number];
export type ShownGuest = GuestSearchResponse['guests'][number];

const SEARCH_DELAY_MS = 250;
const ADMIT_TIMEOUT_MS = 3_000;
/** The most place buttons a guest gets: 1, 2, 3, 4, then "all" when more are left. */
const PLACE_BUTTONS = 4;

export interface GuestsParts {
  session: Session;
  store: Store;
  queue: ScanQueue;
  api: Api;
  say: Say;
  verdicts: VerdictView;
  /** Counters and the status line to redraw after an admission. */
  changed: () => void;
}

/** A name as compared when typed at the gate: without case or accents. */
export const foldName = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The synced guests whose name contains the text typed, with their places entered as this phone knows it. */
export function findSyncedGuests(guests: readonly SyncedGuest[], used: readonly string[], typed: string): ShownGuest[] {
  const text = foldName(typed.trim());
  if (text.length < 2) return [];
  const usedSet = new Set(used);
  return guests
    .filter((g) => foldName(g.name).includes(text))
    .slice(0, 20)
    .map(({ tickets, ...g }) => ({ ...g, entered: g.places - tickets.filter((tk) => !usedSet.has(tk.id)).length }));
}

/** The guest's tickets not yet used, in the order the server admits them (by id), at most `count`. */
export function ticketsToAdmit(guest: SyncedGuest, used: readonly string[], count: number) {
  const usedSet = new Set(used);
  return guest.tickets
    .filter((tk) => !usedSet.has(tk.id))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .slice(0, count);
}

export class GuestsMode {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #asked = 0;

  constructor(private readonly parts: GuestsParts) {
    $<HTMLFormElement>('guest-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.search();
    });
    $('guest-search').addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.search(), SEARCH_DELAY_MS);
    });
    $('guest-results').addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-guest]');
      if (button) void this.admit(button.dataset.guest!, Number(button.dataset.places), button.dataset.name ?? '');
    });
  }

  /** Shown when the match has guests (the last sync says so). */
  available() {
    return (this.parts.session.data?.guests?.length ?? 0) > 0;
  }

  enter() {
    $<HTMLInputElement>('guest-search').focus();
  }

  async search() {
    const { session, api, say } = this.parts;
    const typed = $<HTMLInputElement>('guest-search').value.trim();
    const asked = ++this.#asked;
    if (typed.length < 2 || !session.matchId) return this.#render([], '');
    let found: ShownGuest[] | null = null;
    if (session.online) {
      try {
        const path = `/guests?matchId=${encodeURIComponent(session.matchId)}&q=${encodeURIComponent(typed)}`;
        found = (await api<GuestSearchResponse>(path, { timeout: ADMIT_TIMEOUT_MS })).guests;
      } catch (error) {
        if (error instanceof Unauthorized || error instanceof Refused) found = [];
        else session.online = false;
      }
    }
    found ??= findSyncedGuests(session.data?.guests ?? [], session.data?.used ?? [], typed);
    if (asked === this.#asked) this.#render(found, found.length === 0 ? say('scanner.guestNone') : '');
  }

  async admit(guestId: string, places: number, name: string) {
    const { session, api, say, verdicts, store } = this.parts;
    const { device, matchId, standId } = session;
    if (!device || !matchId) return;
    const nonce = crypto.randomUUID();
    const synced = session.data?.guests?.find((g) => g.id === guestId);
    let admitted = 0;
    let refused: ScanResult | null = null;
    let offline = !session.online;
    if (session.online) {
      try {
        const body = { matchId, guestId, places, nonce, ...(standId ? { standId } : {}) };
        const answer = await api<GuestAdmitResponse>('/guests/admit', { body, timeout: ADMIT_TIMEOUT_MS });
        admitted = answer.admitted;
        refused = answer.refused;
        if (synced && session.data)
          for (const tk of ticketsToAdmit(synced, session.data.used, admitted)) recordAdmission(session.data, tk.id, synced.stand);
      } catch (error) {
        if (error instanceof Unauthorized || error instanceof Refused) refused = 'unknown';
        else {
          session.online = false;
          offline = true;
        }
      }
    }
    if (offline) {
      if (!synced || !session.data) refused = 'unknown';
      else if (standId && synced.standId !== standId) refused = 'wrong_stand';
      else {
        // The same nonces and, most likely, the same tickets as the server would take: a request that
        // did reach it is then answered again on upload instead of counted twice.
        const tickets = ticketsToAdmit(synced, session.data.used, places);
        tickets.forEach((tk, i) => {
          this.parts.queue.add({
            matchId,
            token: device.token,
            code: tk.code,
            nonce: `${nonce}.${i}`,
            scannedAt: new Date().toISOString(),
            result: 'ok',
          });
          recordAdmission(session.data!, tk.id, synced.stand);
        });
        admitted = tickets.length;
        if (admitted === 0) refused = 'already_used';
      }
    }
    saveData(store, session);
    verdicts.show(admitted > 0 ? 'ok' : (refused ?? 'already_used'), null, offline);
    $('guest-message').textContent =
      admitted > 0 ? say('scanner.guestAdmitted', { name, count: admitted }) : say(`scanResult.${refused ?? 'already_used'}`);
    this.parts.changed();
    await this.search();
  }

  #render(guests: ShownGuest[], message: string) {
    const { say } = this.parts;
    $('guest-message').textContent = message;
    const list = $('guest-results');
    list.replaceChildren(
      ...guests.map((g) => {
        const item = document.createElement('li');
        const name = document.createElement('strong');
        name.textContent = g.name;
        const facts = document.createElement('span');
        facts.textContent = `${g.list} · ${g.stand} · ${say('scanner.guestEntered', { entered: g.entered, places: g.places })}`;
        const buttons = document.createElement('div');
        buttons.className = 'guest-admit';
        const left = g.places - g.entered;
        if (left === 0) {
          const done = document.createElement('span');
          done.textContent = say('scanner.guestAllIn', { name: g.name });
          buttons.append(done);
        }
        const counts = [
          ...new Set([...Array.from({ length: Math.min(left, PLACE_BUTTONS) }, (_, i) => i + 1), ...(left > PLACE_BUTTONS ? [left] : [])]),
        ];
        for (const count of counts) {
          const button = document.createElement('button');
          button.type = 'button';
          button.dataset.guest = g.id;
          button.dataset.places = String(count);
          button.dataset.name = g.name;
          button.textContent = say('scanner.guestAdmit', { count });
          button.setAttribute('aria-label', `${say('scanner.guestAdmit', { count })} — ${g.name}`);
          buttons.append(button);
        }
        item.append(name, facts, buttons);
        return item;
      }),
    );
  }
}
