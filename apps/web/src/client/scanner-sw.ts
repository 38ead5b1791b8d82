// The scanner's service worker: keeps the page, its script, the zxing WebAssembly and the styles so
// that the scanner opens and works with no network at all. Network first (a fresh page and script
// whenever the network answers within a few seconds), the cache otherwise. The device API is never
// cached: offline answers are the page's own business.
// The few service-worker types used here (the project compiles against the DOM library, not the
// worker one, which would conflict with it).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
const worker = self as unknown as {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
};

// Written in front of this script when it is served (http/assets.ts serviceWorkerScript): the page,
// the hashed URLs of its assets, and a version that changes with them.
declare const PRECACHE: readonly string[];
declare const PRECACHE_VERSION: string;
const CACHE = `footarena-scanner-${PRECACHE_VERSION}`;
const SHELL = PRECACHE;
const NETWORK_WAIT_MS = 3_000;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => name.startsWith('footarena-scanner-') && name !== CACHE).map((name) => caches.delete(name))),
      )
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const key = url.pathname === '/scan' ? '/scan' : url.pathname;
  if (event.request.method !== 'GET' || url.origin !== location.origin || !SHELL.includes(key)) return;
  event.respondWith(networkFirst(event.request, key));
});

async function networkFirst(request: Request, key: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request, { signal: AbortSignal.timeout(NETWORK_WAIT_MS) });
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw error;
  }
}
