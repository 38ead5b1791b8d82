// The steward's scanner (docs/device-api.md): camera, keyboard-wedge reader or typed code → a verdict
// on the whole screen in under a second. Online it asks /api/v1/redeem; when the network is down it
// checks the signature itself against the club's keys and the lists of the last sync, queues the
// scan and uploads it with the next sync (first scan wins on the server). Everything it needs to work
// offline is cached by the service worker (scanner-sw.ts) and kept in localStorage.
// This entry (bundled as /assets/scanner.js) builds the parts in scanner/ and wires the page's events.
import { createApi } from './scanner/api.ts';
import { Camera } from './scanner/camera.ts';
import { Scanner } from './scanner/controller.ts';
import { DirectionSwitch } from './scanner/direction.ts';
import { wireFindTicket } from './scanner/find-ticket-panel.ts';
import { ScanHistory } from './scanner/history.ts';
import { FreeMode } from './scanner/mode-free.ts';
import { GuestsMode } from './scanner/mode-guests.ts';
import { SellMode, wireSellMode } from './scanner/mode-sell.ts';
import { ModeBar } from './scanner/modes.ts';
import { $, translator } from './scanner/page.ts';
import { ScanQueue } from './scanner/queue.ts';
import { loadSession } from './scanner/session.ts';
import { createStore } from './scanner/storage.ts';
import { VerdictView } from './scanner/verdict-view.ts';
import { WedgeReader } from './scanner/wedge.ts';

const SYNC_EVERY_MS = 10_000;

const say = translator(JSON.parse($('scanner-messages').textContent ?? '{}'), document.documentElement.lang);
const store = createStore(() => localStorage);
const session = loadSession(store, navigator.onLine);
const queue = new ScanQueue(store);
const api = createApi(() => session.device?.token);
const locale = document.documentElement.lang;
const verdicts = new VerdictView(say, locale);
const modes = new ModeBar();
const direction = new DirectionSwitch();
const scanHistory = new ScanHistory(store);
const scanner = new Scanner({
  session,
  store,
  queue,
  api,
  say,
  camera: new Camera($('scan-video')),
  verdicts,
  history: scanHistory,
  modes,
  locale,
  direction: () => direction.current,
  afterData: () => direction.refresh(session.data?.allowReentry ?? false),
});
wireFindTicket({ scanner, session, queue, api, store, say });
modes.register('scan', { enter: () => void scanner.resumeCamera(), leave: () => scanner.pauseCamera() });
const changed = () => scanner.admittedElsewhere();
const free = new FreeMode({ session, store, api, say, verdicts, changed });
for (const [id, mode] of [
  ['guests', new GuestsMode({ session, store, queue, api, say, verdicts, changed })],
  ['free', free],
] as const)
  modes.register(id, { available: () => mode.available(), enter: () => mode.enter() });
const sell = new SellMode({
  session,
  store,
  api,
  say,
  locale,
  setOnline: (online) => scanner.setOnline(online),
  sync: () => void scanner.sync(),
});
modes.register('sell', sell);
wireSellMode(sell);
$('scan-modes').addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-mode]');
  if (button?.dataset.mode) modes.select(button.dataset.mode);
});

$<HTMLFormElement>('pair-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void scanner.pair($<HTMLInputElement>('pair-code').value);
});
for (const form of document.querySelectorAll<HTMLFormElement>('form.staff-start')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void scanner.startAsStaff(form);
  });
}
$<HTMLFormElement>('match-form').addEventListener('submit', (event) => {
  event.preventDefault();
  verdicts.enableSound(); // sound needs a first tap
  void scanner.start($<HTMLSelectElement>('match-select').value, $<HTMLSelectElement>('stand-select').value);
});
$<HTMLFormElement>('manual-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $<HTMLInputElement>('manual-code');
  scanner.submit(input.value, true);
  input.value = '';
});
$('scan-result').addEventListener('click', () => scanner.dismissVerdict());
// The menu's actions close it, so the screen is back to work.
const closeMenu = () => document.querySelector<HTMLDetailsElement>('.scan-menu')?.removeAttribute('open');
$('switch-match').addEventListener('click', () => {
  closeMenu();
  void scanner.chooseMatch();
});
$('forget-device').addEventListener('click', () => {
  closeMenu();
  if (confirm(say('scanner.forgetConfirm'))) scanner.forget(); // pairing again needs the club: not one slip away
});

// A keyboard-wedge reader types the code and Enter wherever the focus is (outside the fields).
const wedge = new WedgeReader();
document.addEventListener('keydown', (event) => {
  if (
    event.target instanceof HTMLInputElement ||
    event.target instanceof HTMLSelectElement ||
    $('scan-live').hidden ||
    $('mode-scan').hidden
  )
    return;
  const code = wedge.press(event.key, Date.now());
  if (code) scanner.submit(code, true);
});

window.addEventListener('storage', (event) => {
  if (queue.takeOtherTabs(event.key)) scanner.renderStatus();
});
window.addEventListener('online', () => {
  scanner.setOnline(true);
  void sell.uploadLater();
  void free.uploadLater();
});
window.addEventListener('offline', () => scanner.setOnline(false));
setInterval(() => {
  void scanner.sync();
  void sell.uploadLater();
  void free.uploadLater();
}, SYNC_EVERY_MS);

scanner.renderStatus();
if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/scan-sw.js', { scope: '/scan' }).catch(() => {});
const pairCode = /^#pair=([A-Za-z0-9]{6,32})$/.exec(location.hash)?.[1];
if (pairCode) {
  history.replaceState(null, '', location.pathname); // the code is used once; keep it out of history
  $<HTMLInputElement>('pair-code').value = pairCode;
  if (!session.device) $<HTMLFormElement>('pair-form').requestSubmit();
}
if (session.device) void scanner.chooseMatch();
else scanner.show('setup');
