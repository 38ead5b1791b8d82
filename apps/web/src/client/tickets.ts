// "My tickets" in the browser: installs the service worker that keeps the upcoming tickets for a
// stadium without network (client/tickets-sw.ts) and asks it to refresh its copy at each visit
// online, says when the page shown is that copy, and lets a thumb swipe (or the arrow keys) between
// a match's tickets. All of it is an extra: the pages work without script.
import type { RefreshOutcome, TicketsMessage } from './tickets-sw.ts';

const SCOPE = '/account/tickets';
/** A ticket page refreshes the copy only when it is older than this: swiping stays light. */
const TICKET_PAGE_MAX_AGE_MS = 5 * 60_000;
const SWIPE_MIN_PX = 60;

const onList = location.pathname === SCOPE;

function showOfflineNote(): void {
  const note = document.getElementById('tickets-offline');
  if (note) note.hidden = navigator.onLine;
}
showOfflineNote();
addEventListener('online', showOfflineNote);
addEventListener('offline', showOfflineNote);

async function keepOffline(): Promise<void> {
  if (!('serviceWorker' in navigator) || !navigator.onLine) return;
  await navigator.serviceWorker.register(`${SCOPE}/sw.js`, { scope: SCOPE });
  const registration = await navigator.serviceWorker.ready;
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<TicketsMessage>) => {
    if (event.data?.type !== 'refreshed') return;
    const outcome: RefreshOutcome = event.data.outcome;
    const ready = document.getElementById('tickets-offline-ready');
    if (ready) ready.hidden = outcome !== 'saved' && outcome !== 'fresh';
    document.documentElement.dataset.ticketsCopy = outcome;
  });
  const message: TicketsMessage = { type: 'refresh', maxAgeMs: onList ? 0 : TICKET_PAGE_MAX_AGE_MS };
  registration.active?.postMessage(message);
}
keepOffline().catch(() => {
  // No service worker (private window, old browser): the pages simply stay online-only.
});

/** Next / previous between a match's tickets: the page's own links, followed on a swipe or an arrow key. */
function follow(rel: 'next' | 'prev'): void {
  const link = document.querySelector<HTMLAnchorElement>(`a[rel="${rel}"]`);
  if (link) location.assign(link.href);
}
const ticket = document.querySelector<HTMLElement>('.ticket-full');
if (ticket) {
  let start: { x: number; y: number } | null = null;
  ticket.addEventListener(
    'touchstart',
    (event) => {
      const touch = event.touches[0];
      start = event.touches.length === 1 && touch ? { x: touch.clientX, y: touch.clientY } : null;
    },
    { passive: true },
  );
  ticket.addEventListener('touchend', (event) => {
    const touch = event.changedTouches[0];
    if (!start || !touch) return;
    const dx = touch.clientX - start.x;
    const dy = touch.clientY - start.y;
    start = null;
    if (Math.abs(dx) >= SWIPE_MIN_PX && Math.abs(dx) > 2 * Math.abs(dy)) follow(dx < 0 ? 'next' : 'prev');
  });
  addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || (event.target as HTMLElement | null)?.closest('input, textarea, select')) return;
    if (event.key === 'ArrowRight') follow('next');
    else if (event.key === 'ArrowLeft') follow('prev');
  });
}
