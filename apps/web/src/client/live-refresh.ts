// Keeps a server-rendered section current: every few seconds it fetches the same page and swaps in
// the fresh content of each `[data-live]` element (matched by id). The server stays the only renderer;
// without JavaScript the page is still right, only static. Pauses while the tab is hidden.
const PERIOD_MS = Number(document.querySelector<HTMLElement>('[data-live]')?.dataset.live ?? '5') * 1000;

async function refresh() {
  if (document.hidden) return;
  try {
    const response = await fetch(location.href, { headers: { accept: 'text/html' }, credentials: 'same-origin' });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
    for (const current of document.querySelectorAll<HTMLElement>('[data-live][id]')) {
      const next = fresh.getElementById(current.id);
      // The element itself stays, so an aria-live region announces the change.
      if (next) current.replaceChildren(...Array.from(next.childNodes, (n) => document.importNode(n, true)));
    }
  } catch {
    // Offline for a moment: the next tick tries again.
  }
}

if (document.querySelector('[data-live]')) setInterval(refresh, PERIOD_MS);
