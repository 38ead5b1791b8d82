// The "Find a ticket" panel's events: search, list, admit → the usual full-screen verdict.
import type { Scanner } from './controller.ts';
import { admitFound, findTickets, renderFound } from './find-ticket.ts';
import { $, type Say } from './page.ts';
import type { ScanParts } from './scan.ts';

export function wireFindTicket(parts: ScanParts & { scanner: Scanner; say: Say }) {
  const { scanner, say } = parts;
  const status = $('find-status');
  const list = $('find-results');
  const search = async () => {
    const found = await findTickets(parts, $<HTMLInputElement>('find-query').value);
    scanner.renderStatus();
    if (found === 'revoked') return scanner.forget(say('scanner.revoked'));
    if (found === 'offline') {
      list.replaceChildren();
      status.textContent = say('scanner.findOffline');
      return;
    }
    status.textContent = found.length === 0 ? say('scanner.findNone') : say('scanner.findResults', { count: found.length });
    renderFound(list, found, say, (ticketId) => void admit(ticketId));
  };
  const admit = async (ticketId: string) => {
    const outcome = await admitFound(parts, ticketId, () => new Date());
    if (!outcome) {
      scanner.renderStatus();
      status.textContent = say('scanner.findOffline');
      return;
    }
    scanner.showOutcome(outcome);
    if (outcome.kind === 'verdict') await search(); // the list now says who entered
  };
  $<HTMLFormElement>('find-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void search();
  });
}
