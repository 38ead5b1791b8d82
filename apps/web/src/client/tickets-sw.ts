// The service worker of "My tickets" (scope /account/tickets): keeps the holder's upcoming tickets —
// the list and each ticket's page with its QR, match, stand and gate time — so that they open in a
// stadium without network. Pages are network first (always fresh online), the copy otherwise.
// The copy is rebuilt whole from the server's list at each refresh (offline.json), so a refunded or
// re-issued ticket leaves the phone at the next one; it is dropped when the server says the session
// is gone and when sign-out passes through /account/tickets/forget, so nothing of a person stays.
// The few service-worker types used here (the project compiles against the DOM library, not the
// worker one, which would conflict with it).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  data: unknown;
  source: { postMessage(message: unknown): void } | null;
}
const worker = self as unknown as {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
};

const PREFIX = 'footarena-tickets-';
const CACHE = `${PREFIX}v1`;
const SCOPE = '/account/tickets';
const FORGET = `${SCOPE}/forget`;
const OFFLINE_LIST = `${SCOPE}/offline.json`;
const MANIFEST = `${SCOPE}/manifest.webmanifest`;
/** The list, or one ticket's page: what is served from the copy when the network does not answer. */
const PAGE = /^\/account\/tickets(\/[0-9a-f-]{36})?$/;
const NETWORK_WAIT_MS = 4_000;

/** What a refresh did, told to the page that asked (it says "saved on this phone"). */
export type RefreshOutcome = 'saved' | 'signed-out' | 'failed' | 'fresh';
export type TicketsMessage = { type: 'refresh'; maxAgeMs?: number } | { type: 'refreshed'; outcome: RefreshOutcome };

worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('message', (event) => {
  const message = event.data as TicketsMessage;
  if (message?.type !== 'refresh') return;
  event.waitUntil(refresh(message.maxAgeMs ?? 0).then((outcome) => event.source?.postMessage({ type: 'refreshed', outcome })));
});

worker.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin) return;
  if (url.pathname === FORGET) event.respondWith(forget().then(() => fetch(event.request)));
  else if (PAGE.test(url.pathname)) event.respondWith(page(event.request, url.pathname));
  else if (url.pathname.startsWith('/assets/') || url.pathname === MANIFEST) event.respondWith(networkFirst(event.request, url.pathname));
});

/** Forgetting bumps the generation, so a refresh that was under way cannot write the copy back. */
let generation = 0;
async function forget(): Promise<void> {
  generation++;
  await caches.delete(CACHE);
}

async function page(request: Request, path: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(request, { signal: AbortSignal.timeout(NETWORK_WAIT_MS) });
  } catch (error) {
    const cache = await caches.open(CACHE);
    // A ticket no longer kept (refunded, played) opens the list rather than the browser's error page.
    const cached = (await cache.match(path)) ?? (await cache.match(SCOPE));
    if (cached) return cached;
    throw error;
  }
  // Sent to sign-in: the session is gone, and so is everything kept for it.
  if (response.type === 'opaqueredirect' || response.status === 401) await forget();
  return response;
}

async function networkFirst(request: Request, path: string): Promise<Response> {
  try {
    return await fetch(request, { signal: AbortSignal.timeout(NETWORK_WAIT_MS) });
  } catch (error) {
    const cached = await caches.open(CACHE).then((cache) => cache.match(path));
    if (cached) return cached;
    throw error;
  }
}

let running: Promise<RefreshOutcome> | null = null;
let refreshedAt = 0;

/** One refresh at a time; `maxAgeMs` lets a ticket page skip one when the copy is recent. */
function refresh(maxAgeMs: number): Promise<RefreshOutcome> {
  if (running) return running;
  if (maxAgeMs > 0 && Date.now() - refreshedAt < maxAgeMs) return Promise.resolve('fresh');
  running = rebuild()
    .catch((): RefreshOutcome => 'failed')
    .finally(() => {
      running = null;
    });
  return running;
}

/** Fetches everything the server lists, then replaces the copy in one go (or keeps the old one on any failure). */
async function rebuild(): Promise<RefreshOutcome> {
  const started = generation;
  const list = await fetch(OFFLINE_LIST, { redirect: 'manual', cache: 'no-store' });
  if (list.type === 'opaqueredirect' || list.status === 401) {
    await forget();
    return 'signed-out';
  }
  if (!list.ok) return 'failed';
  const { pages, assets } = (await list.json()) as { pages: string[]; assets: string[] };
  const fetched = await Promise.all(
    [...pages, ...assets, MANIFEST].map(async (path) => [path, await fetch(path, { redirect: 'manual', cache: 'no-store' })] as const),
  );
  if (fetched.some(([, response]) => response.type === 'opaqueredirect')) {
    await forget();
    return 'signed-out';
  }
  if (fetched.some(([, response]) => !response.ok) || generation !== started) return 'failed';
  await caches.delete(CACHE);
  const cache = await caches.open(CACHE);
  await Promise.all(fetched.map(([path, response]) => cache.put(path, response)));
  // Signed out while writing: drop what was just written.
  if (generation !== started) {
    await caches.delete(CACHE);
    return 'signed-out';
  }
  refreshedAt = Date.now();
  return 'saved';
}
