// The steward's scanner (docs/device-api.md): camera, keyboard-wedge reader or typed code → a verdict
// on the whole screen in under a second. Online it asks /api/v1/redeem; when the network is down it
// checks the signature itself against the club's keys and the lists of the last sync, queues the
// scan and uploads it with the next sync (first scan wins on the server). Everything it needs to work
// offline is cached by the service worker (scanner-sw.ts) and kept in localStorage.
import type { MatchesResponse, OfflineScan, PairResponse, RedeemResponse, ScanResult, SyncResponse } from '@footarena/gate-protocol';
import { formatDateTime } from '../i18n/formats.ts';
import { offlineVerdict } from './offline-verdict.ts';

type Messages = Record<string, string>;
type Attendance = SyncResponse['attendance'];
interface Device {
  deviceId: string;
  token: string;
  clubId: string;
  name: string;
}
interface MatchData {
  cursor: string | null;
  keys: Record<string, string>;
  revoked: string[];
  used: string[];
  gatesOpenAt: string | null;
  attendance: Attendance | null;
}
interface Queued extends OfflineScan {
  matchId: string;
  /** The device that scanned: its scans go up under its own token, even after this phone re-paired. */
  token: string;
}

const SYNC_EVERY_MS = 10_000;
const MAX_CODE_LENGTH = 512;
/** A handheld reader types a code in one burst; a pause this long starts a new one. */
const WEDGE_GAP_MS = 1_000;
const REDEEM_TIMEOUT_MS = 3_000;
/** A code that stays in view is read once; it counts again after leaving the view this long. */
const SAME_CODE_MS = 3_000;
const SHOW_OK_MS = 900;
const SHOW_REFUSED_MS = 1_800;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const messages: Messages = JSON.parse($('scanner-messages').textContent ?? '{}');
const say = (key: string, vars: Record<string, string | number> = {}) =>
  (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));

const store = {
  get<T>(key: string): T | null {
    try {
      return JSON.parse(localStorage.getItem(`footarena.scanner.${key}`) ?? 'null') as T | null;
    } catch {
      return null;
    }
  },
  /** Forgets the offline data of every match but this one (it is fetched again when needed). */
  keepOnlyMatch(id: string) {
    try {
      for (const key of Object.keys(localStorage))
        if (key.startsWith('footarena.scanner.data.') && key !== `footarena.scanner.data.${id}`) localStorage.removeItem(key);
    } catch {
      // Storage unavailable: nothing to prune.
    }
  },
  /** Best effort: a full or blocked storage must not stop scanning (the queue stays in memory). */
  set(key: string, value: unknown) {
    try {
      if (value === null) localStorage.removeItem(`footarena.scanner.${key}`);
      else localStorage.setItem(`footarena.scanner.${key}`, JSON.stringify(value));
    } catch {
      // Nothing better to do here; the next write tries again.
    }
  },
};

let device = store.get<Device>('device');
let matchId = store.get<string>('match');
let standId = store.get<string>('stand') ?? '';
let data: MatchData | null = matchId ? store.get<MatchData>(`data.${matchId}`) : null;
let queue = store.get<Queued[]>('queue') ?? [];
let online = navigator.onLine;
let syncing = false;

class Unauthorized extends Error {}
/** The server answered, and said no (4xx): not a network problem. */
class Refused extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

async function api<T>(path: string, init: { method?: string; body?: unknown; timeout?: number; token?: string } = {}): Promise<T> {
  const token = init.token ?? device?.token;
  const response = await fetch(`/api/v1${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(init.timeout ?? 10_000),
    cache: 'no-store',
  });
  if (response.status === 401 && token) throw new Unauthorized();
  if (response.status >= 400 && response.status < 500) throw new Refused(response.status);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as T;
}

// --- screens ---------------------------------------------------------------------------------

function show(screen: 'setup' | 'match' | 'live') {
  for (const name of ['setup', 'match', 'live']) $(`scan-${name}`).hidden = name !== screen;
  $('scan-device').textContent = device ? say('scanner.device', { name: device.name }) : '';
}

function setStatus() {
  const status = $('scan-status');
  status.dataset.state = online ? 'online' : 'offline';
  const state = say(online ? 'scanner.online' : 'scanner.offline');
  status.textContent = queue.length ? `${state} · ${say('scanner.queued', { count: queue.length })}` : state;
}

function setOnline(value: boolean) {
  if (online === value) return;
  online = value;
  setStatus();
  if (online) void sync();
}

function forget(message?: string) {
  device = null;
  store.set('device', null);
  stopCamera();
  show('setup');
  $('setup-message').textContent = message ?? '';
}

function paired(answer: PairResponse | Device) {
  device = { deviceId: answer.deviceId, token: answer.token, clubId: answer.clubId, name: answer.name };
  store.set('device', device);
  void chooseMatch();
}

async function chooseMatch() {
  stopCamera();
  show('match');
  let list = store.get<MatchesResponse['matches']>('matches') ?? [];
  try {
    list = (await api<MatchesResponse>('/matches')).matches;
    store.set('matches', list);
    setOnline(true);
  } catch (error) {
    if (error instanceof Unauthorized) return forget(say('scanner.revoked'));
    if (!(error instanceof Refused)) setOnline(false);
  }
  const select = $<HTMLSelectElement>('match-select');
  select.replaceChildren(
    ...list.map((m) => new Option(`${m.title} · ${formatDateTime(new Date(m.kickoffAt), document.documentElement.lang)}`, m.id)),
  );
  if (matchId && list.some((m) => m.id === matchId)) select.value = matchId;
  $('match-none').hidden = list.length > 0;
  $<HTMLButtonElement>('match-start').disabled = list.length === 0;
  const fillStands = () => {
    const stands = list.find((m) => m.id === select.value)?.stands ?? [];
    const standSelect = $<HTMLSelectElement>('stand-select');
    standSelect.replaceChildren(new Option(say('scanner.allStands'), ''), ...stands.map((s) => new Option(s.name, s.id)));
    standSelect.value = stands.some((s) => s.id === standId) ? standId : '';
  };
  select.onchange = fillStands;
  fillStands();
}

async function start(chosenMatch: string, chosenStand: string) {
  if (chosenMatch !== matchId) data = store.get<MatchData>(`data.${chosenMatch}`);
  matchId = chosenMatch;
  standId = chosenStand;
  store.set('match', matchId);
  store.set('stand', standId);
  store.keepOnlyMatch(matchId);
  void warnWithoutOfflineChecks();
  const title = $<HTMLSelectElement>('match-select').selectedOptions[0]?.textContent ?? '';
  $('live-title').textContent = title;
  show('live');
  renderCounters();
  setStatus();
  $<HTMLInputElement>('manual-code').focus();
  void sync();
  await startCamera();
}

// --- sync and offline checks -------------------------------------------------------------------

/**
 * Uploads the queue and refreshes the lists and counters of the match being scanned. Scans queued
 * for another match (the steward switched), or by the device this phone was paired as before, go
 * first, in their own calls.
 */
async function sync() {
  if (!device || !matchId || syncing) return;
  syncing = true;
  const token = device.token;
  // Scans of another match, or of a device this phone was paired as before, go up first.
  const other = queue.find((q) => q.matchId !== matchId || q.token !== token);
  const forMatch = other?.matchId ?? matchId;
  const forToken = other?.token ?? token;
  const current = !other;
  const mine = (q: Queued) => q.matchId === forMatch && q.token === forToken;
  try {
    const batch = queue.filter(mine).slice(0, 200);
    const answer = await api<SyncResponse>('/sync', {
      token: forToken,
      body: {
        matchId: forMatch,
        cursor: current ? (data?.cursor ?? null) : null,
        scans: batch.map(({ matchId: _, token: __, ...scan }) => scan),
      },
    });
    const sent = new Set(answer.uploaded.map((u) => u.nonce));
    queue = queue.filter((q) => !(mine(q) && sent.has(q.nonce)));
    store.set('queue', queue);
    if (current && forMatch === matchId) {
      const base = data?.cursor ? data : null;
      data = {
        cursor: answer.cursor,
        keys: answer.keys,
        revoked: merge(base?.revoked, answer.revoked),
        used: merge(base?.used, answer.used),
        gatesOpenAt: answer.gatesOpenAt,
        attendance: answer.attendance,
      };
      store.set(`data.${forMatch}`, data);
      renderCounters();
    }
    setOnline(true);
    if (!current || queue.some(mine)) setTimeout(sync, 0);
  } catch (error) {
    if ((error instanceof Unauthorized || error instanceof Refused) && !current) {
      // That device was revoked, or that match is gone for it: the server will never take these scans.
      queue = queue.filter((q) => !mine(q));
      store.set('queue', queue);
    } else if (error instanceof Unauthorized) forget(say('scanner.revoked'));
    else if (!(error instanceof Refused)) setOnline(false);
  } finally {
    syncing = false;
    setStatus();
  }
}

const merge = (a: string[] | undefined, b: string[]) => [...new Set([...(a ?? []), ...b])];

// RFC 8032, test 1: a valid Ed25519 public key, to ask the browser whether it can verify at all.
const PROBE_KEY = Uint8Array.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'.match(/../g)!, (h) =>
  Number.parseInt(h, 16),
);

/** Offline checks need WebCrypto's Ed25519 (recent browsers): say so on a phone that lacks it. */
async function warnWithoutOfflineChecks() {
  const able = await crypto.subtle
    ?.importKey('raw', PROBE_KEY, { name: 'Ed25519' }, false, ['verify'])
    .then(() => true)
    .catch(() => false);
  $('offline-warning').hidden = able === true;
}

/** The verdict without the network: the same rules as the server, on the lists of the last sync. */
async function judgeOffline(code: string): Promise<{ result: ScanResult; ticketId: string | null }> {
  if (!data || !device || !matchId) return { result: 'unknown', ticketId: null };
  return offlineVerdict(code, data, { clubId: device.clubId, matchId }, new Date());
}

function remember(ticketId: string | null, result: ScanResult, stand?: string) {
  if (!data || !ticketId || result !== 'ok') return;
  data.used.push(ticketId);
  if (data.attendance) {
    data.attendance.admitted++;
    const row = data.attendance.stands.find((s) => s.name === stand);
    if (row) row.admitted++;
  }
  if (matchId) store.set(`data.${matchId}`, data);
  renderCounters();
}

// --- one scan ------------------------------------------------------------------------------------

/** The code the camera last read, and when: a code that stays in view is taken once. */
let lastCode = '';
let lastSeen = 0;
let pending = 0;
let chain = Promise.resolve();

/**
 * Scans are handled one at a time, in order. The camera offers a code only when nothing is pending,
 * and a code that stays in view is taken once; a typed code (by hand or a handheld reader) is
 * always taken, never dropped.
 */
function submit(raw: string, typed: boolean) {
  const code = raw.trim();
  if (!code) return;
  if (!typed) {
    const now = Date.now();
    const repeat = code === lastCode && now - lastSeen < SAME_CODE_MS;
    lastSeen = now;
    lastCode = code;
    if (repeat) return;
  }
  pending++;
  chain = chain
    .then(() => scanned(code))
    .catch(() => verdict('unknown', null, !online)) // whatever failed, the next scan must still run
    .finally(() => void pending--);
}

async function scanned(code: string) {
  if (!matchId || !device) return;
  // Longer than any code the API takes: certainly not a ticket, and nothing to upload.
  if (code.length > MAX_CODE_LENGTH) return verdict('unknown', null, !online);
  const nonce = crypto.randomUUID();
  let answer: RedeemResponse | null = null;
  if (online) {
    try {
      const body = { code, nonce, matchId, ...(standId ? { standId } : {}) };
      answer = await api<RedeemResponse>('/redeem', { body, timeout: REDEEM_TIMEOUT_MS });
    } catch (error) {
      if (error instanceof Unauthorized) return forget(say('scanner.revoked'));
      // The club took this match (or stand) off this device: choose again from what it may admit.
      if (error instanceof Refused) return chooseMatch();
      setOnline(false);
    }
  }
  if (answer) {
    remember(answer.ticket?.id ?? null, answer.result, answer.ticket?.stand);
    return verdict(answer.result, answer.ticket, false);
  }
  // Offline, or no answer in time: decide here, with the same nonce, so that if the request did
  // reach the server, the upload gets its first answer back instead of a second entry.
  const local = await judgeOffline(code);
  queue.push({ matchId, token: device.token, code, nonce, scannedAt: new Date().toISOString(), result: local.result });
  store.set('queue', queue);
  setStatus();
  remember(local.ticketId, local.result);
  verdict(local.result, null, true);
}

let hideTimer: ReturnType<typeof setTimeout> | undefined;

function verdict(result: ScanResult, ticket: RedeemResponse['ticket'], offline: boolean) {
  const ok = result === 'ok';
  const screen = $('scan-result');
  screen.dataset.result = result;
  screen.className = ok ? 'scan-result ok' : 'scan-result refused';
  $('result-word').textContent = say(`scanResult.${result}`);
  const details = ticket ? [ticket.stand, say(`category.${ticket.category}`), ticket.holderFirstName].filter(Boolean).join(' · ') : '';
  $('result-detail').textContent = [details, offline ? say('scanner.checkedOffline') : ''].filter(Boolean).join(' — ');
  screen.hidden = false;
  signal(ok);
  clearTimeout(hideTimer);
  hideTimer = setTimeout(hideVerdict, ok ? SHOW_OK_MS : SHOW_REFUSED_MS);
}

function hideVerdict() {
  $('scan-result').hidden = true;
}

let audio: AudioContext | null = null;

/** A high short beep for yes, two low ones for no, and the same rhythm as vibration. */
function signal(ok: boolean) {
  navigator.vibrate?.(ok ? 120 : [250, 100, 250]);
  if (!audio) return;
  const tones = ok
    ? [[880, 0, 0.15]]
    : [
        [220, 0, 0.25],
        [220, 0.35, 0.25],
      ];
  for (const [frequency, at, length] of tones as [number, number, number][]) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = ok ? 'sine' : 'square';
    oscillator.frequency.value = frequency;
    gain.gain.value = 0.2;
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(audio.currentTime + at);
    oscillator.stop(audio.currentTime + at + length);
  }
}

function renderCounters() {
  const attendance = data?.attendance;
  const counters = $('scan-counters');
  if (!attendance) {
    counters.textContent = say('scanner.noCounters');
    return;
  }
  const rows = attendance.stands.map((s) => {
    const li = document.createElement('li');
    li.textContent = say('scanner.standCount', { stand: s.name, admitted: s.admitted, expected: s.expected });
    return li;
  });
  const total = document.createElement('p');
  total.textContent = say('scanner.total', { admitted: attendance.admitted, expected: attendance.expected });
  const list = document.createElement('ul');
  list.replaceChildren(...rows);
  counters.replaceChildren(total, list);
}

// --- camera ------------------------------------------------------------------------------------

type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
let stream: MediaStream | null = null;
let detector: Detector | null = null;

async function makeDetector(): Promise<Detector> {
  const native = (globalThis as { BarcodeDetector?: { new (o: object): Detector; getSupportedFormats(): Promise<string[]> } })
    .BarcodeDetector;
  if (native && (await native.getSupportedFormats()).includes('qr_code')) return new native({ formats: ['qr_code'] });
  // No BarcodeDetector (desktop Chromium, Firefox, Safari): zxing in WebAssembly, served by this site.
  const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
  prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? '/assets/zxing_reader.wasm' : prefix + path) },
  });
  return new BarcodeDetector({ formats: ['qr_code'] });
}

async function startCamera() {
  const video = $<HTMLVideoElement>('scan-video');
  try {
    detector ??= await makeDetector();
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    video.srcObject = stream;
    await video.play();
    $('camera-message').textContent = '';
    requestAnimationFrame(readFrame);
  } catch {
    $('camera-message').textContent = say('scanner.noCamera');
  }
}

function stopCamera() {
  for (const track of stream?.getTracks() ?? []) track.stop();
  stream = null;
}

async function readFrame() {
  const video = $<HTMLVideoElement>('scan-video');
  if (!stream || !detector) return;
  if (video.readyState >= 2 && pending === 0) {
    try {
      const [found] = await detector.detect(video);
      if (found) submit(found.rawValue, false);
    } catch {
      // A frame that cannot be read: try the next one.
    }
  }
  setTimeout(() => requestAnimationFrame(readFrame), 80);
}

// --- wiring --------------------------------------------------------------------------------------

function wire() {
  $<HTMLFormElement>('pair-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = $<HTMLInputElement>('pair-code');
    $('setup-message').textContent = '';
    try {
      paired(await api<PairResponse>('/pair', { body: { code: input.value.trim().toUpperCase() } }));
    } catch (error) {
      const throttled = error instanceof Refused && error.status === 429;
      $('setup-message').textContent = say(throttled ? 'scanner.pairThrottled' : 'scanner.pairFailed');
    }
  });
  for (const form of document.querySelectorAll<HTMLFormElement>('form.staff-start')) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const response = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form) as never) });
      if (response.ok) paired((await response.json()) as Device);
      else $('setup-message').textContent = say('scanner.pairFailed');
    });
  }
  $<HTMLFormElement>('match-form').addEventListener('submit', (event) => {
    event.preventDefault();
    audio ??= new AudioContext(); // sound needs a first tap
    void start($<HTMLSelectElement>('match-select').value, $<HTMLSelectElement>('stand-select').value);
  });
  $<HTMLFormElement>('manual-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $<HTMLInputElement>('manual-code');
    submit(input.value, true);
    input.value = '';
  });
  $('scan-result').addEventListener('click', () => {
    hideVerdict();
    lastCode = ''; // the steward asks for the code in view to be read again
  });
  $('switch-match').addEventListener('click', () => void chooseMatch());
  $('forget-device').addEventListener('click', () => forget());

  // A keyboard-wedge reader types the code and Enter wherever the focus is (outside the fields).
  let typed = '';
  let typedAt = 0;
  document.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement || $('scan-live').hidden) return;
    const now = Date.now();
    if (now - typedAt > WEDGE_GAP_MS) typed = ''; // a stray key long ago is not the start of a code
    typedAt = now;
    if (event.key === 'Enter' && typed.length >= 8) {
      submit(typed, true);
      typed = '';
    } else if (event.key.length === 1) typed += event.key;
  });

  // Another tab of the scanner on this phone wrote the queue: take its version, so neither loses scans.
  window.addEventListener('storage', (event) => {
    if (event.key !== 'footarena.scanner.queue') return;
    queue = store.get<Queued[]>('queue') ?? [];
    setStatus();
  });
  window.addEventListener('online', () => setOnline(true));
  window.addEventListener('offline', () => setOnline(false));
  setInterval(() => void sync(), SYNC_EVERY_MS);
}

wire();
setStatus();
if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/scan-sw.js', { scope: '/scan' }).catch(() => {});
const pairCode = /^#pair=([A-Za-z0-9]{6,32})$/.exec(location.hash)?.[1];
if (pairCode) {
  history.replaceState(null, '', location.pathname); // the code is used once; keep it out of history
  $<HTMLInputElement>('pair-code').value = pairCode;
  if (!device) $<HTMLFormElement>('pair-form').requestSubmit();
}
if (device) void chooseMatch();
else show('setup');
