// "Find a ticket" (online only): the match's tickets by buyer name or order reference, each with an
// Admit button that goes through the same single admission as a scan (/api/v1/admit, logged as a
// manual admission by this device).
import type { RedeemResponse, SearchResponse } from '@footarena/gate-protocol';
import { type Api, Refused, Unauthorized } from './api.ts';
import { recordAdmission } from './match-data.ts';
import type { Say } from './page.ts';
import type { ScanOutcome, ScanParts } from './scan.ts';
import { saveData } from './session.ts';

export type FoundTickets = SearchResponse['tickets'];

/** The tickets of the match being scanned that the query finds, or why there are none to show. */
export async function findTickets(
  { session, api }: { session: ScanParts['session']; api: Api },
  query: string,
): Promise<FoundTickets | 'offline' | 'revoked'> {
  if (!session.matchId || !session.online) return 'offline';
  try {
    return (await api<SearchResponse>('/search', { body: { matchId: session.matchId, query: query.trim() } })).tickets;
  } catch (error) {
    if (error instanceof Unauthorized) return 'revoked';
    if (error instanceof Refused) return [];
    session.online = false;
    return 'offline';
  }
}

/** Admits a ticket found by a search; online only (a search needs the server anyway). */
export async function admitFound({ session, api, store }: ScanParts, ticketId: string, now: () => Date): Promise<ScanOutcome | null> {
  const { device, matchId, standId } = session;
  if (!device || !matchId) return null;
  try {
    const body = { ticketId, nonce: crypto.randomUUID(), matchId, ...(standId ? { standId } : {}) };
    const answer = await api<RedeemResponse>('/admit', { body });
    const admitted = answer.result === 'ok' && session.data !== null;
    if (admitted && session.data) {
      recordAdmission(session.data, ticketId, answer.ticket?.stand, { at: now().toISOString(), device: device.name });
      saveData(store, session);
    }
    return {
      kind: 'verdict',
      result: answer.result,
      ticket: answer.ticket,
      offline: false,
      admitted,
      queued: false,
      direction: 'in',
      entry: answer.entry ?? null,
    };
  } catch (error) {
    if (error instanceof Unauthorized) return { kind: 'revoked' };
    if (error instanceof Refused) return { kind: 'withdrawn' };
    session.online = false;
    return null;
  }
}

/** The list under the search: who, which stand and category, whether they entered, and Admit. */
export function renderFound(list: HTMLElement, tickets: FoundTickets, say: Say, onAdmit: (ticketId: string) => void) {
  list.replaceChildren(
    ...tickets.map((tk) => {
      const item = document.createElement('li');
      item.className = `found ${tk.state}`;
      const who = document.createElement('strong');
      who.textContent = tk.holder ?? tk.reference;
      const what = document.createElement('span');
      what.textContent = [tk.reference, tk.stand, say(`category.${tk.category}`), say(`scanner.state.${tk.state}`)].join(' · ');
      item.append(who, what);
      if (tk.state === 'valid') {
        const admit = document.createElement('button');
        admit.type = 'button';
        admit.textContent = say('scanner.admit');
        admit.setAttribute('aria-label', `${say('scanner.admit')}: ${who.textContent} (${tk.reference})`);
        admit.addEventListener('click', () => {
          admit.disabled = true;
          onAdmit(tk.id);
        });
        item.append(admit);
      }
      return item;
    }),
  );
}
