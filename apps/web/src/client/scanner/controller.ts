// The scanner's flow: pair → choose a match (and stand) → scan, with the sync in the background; and
// what an answer of the server, a sync's outcome or a scan's outcome does to the screen.
import type { MatchesResponse, PairResponse, ScanDirection } from '@footarena/gate-protocol';
import { type Api, Refused, Unauthorized } from './api.ts';
import { type Camera, SameCodeFilter } from './camera.ts';
import { renderCounters } from './counters.ts';
import { renderHistory, type ScanHistory } from './history.ts';
import { fillMatchChoice } from './match-choice.ts';
import type { ModeBar } from './modes.ts';
import { $, type Say } from './page.ts';
import type { ScanQueue } from './queue.ts';
import { canCheckOffline, judgeScan, ScanLine, type ScanOutcome } from './scan.ts';
import type { Device, Session } from './session.ts';
import type { Store } from './storage.ts';
import { syncOnce } from './sync.ts';
import type { VerdictView } from './verdict-view.ts';

export interface ScannerParts {
  session: Session;
  store: Store;
  queue: ScanQueue;
  api: Api;
  say: Say;
  camera: Camera;
  verdicts: VerdictView;
  history: ScanHistory;
  modes: ModeBar;
  /** The page's language, for times. */
  locale: string;
  /** Entry or exit (re-entry); entry when absent. */
  direction?: () => ScanDirection;
  /** Called whenever the match's data (lists, counters, settings) may have changed. */
  afterData?: () => void;
}

export class Scanner {
  readonly #line = new ScanLine();
  readonly #sameCode = new SameCodeFilter();
  #syncing = false;

  constructor(private readonly parts: ScannerParts) {}

  show(screen: 'setup' | 'match' | 'live') {
    const { device } = this.parts.session;
    for (const name of ['setup', 'match', 'live']) $(`scan-${name}`).hidden = name !== screen;
    $('scan-device').textContent = device ? this.parts.say('scanner.device', { name: device.name }) : '';
    $('switch-match').hidden = screen !== 'live';
    $('forget-device').hidden = !device;
    if (screen !== 'live') $('live-title').textContent = '';
  }

  /** The online/offline line, with the number of scans waiting to be uploaded. */
  renderStatus() {
    const { session, queue, say } = this.parts;
    const status = $('scan-status');
    status.dataset.state = session.online ? 'online' : 'offline';
    const state = say(session.online ? 'scanner.online' : 'scanner.offline');
    status.textContent = queue.length ? `${state} · ${say('scanner.queued', { count: queue.length })}` : state;
  }

  setOnline(online: boolean) {
    if (this.parts.session.online === online) return;
    this.parts.session.online = online;
    this.renderStatus();
    if (online) void this.sync();
  }

  // --- pairing and choosing ----------------------------------------------------------------------

  async pair(code: string) {
    const { api, say } = this.parts;
    $('setup-message').textContent = '';
    try {
      this.#paired(await api<PairResponse>('/pair', { body: { code: code.trim().toUpperCase() } }));
    } catch (error) {
      const throttled = error instanceof Refused && error.status === 429;
      $('setup-message').textContent = say(throttled ? 'scanner.pairThrottled' : 'scanner.pairFailed');
    }
  }

  /** A staff member's session starts a scanner without a code (the form posts to /scan/device). */
  async startAsStaff(form: HTMLFormElement) {
    const response = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form) as never) });
    if (response.ok) this.#paired((await response.json()) as Device);
    else $('setup-message').textContent = this.parts.say('scanner.pairFailed');
  }

  #paired(answer: PairResponse | Device) {
    const device = { deviceId: answer.deviceId, token: answer.token, clubId: answer.clubId, name: answer.name };
    this.parts.session.device = device;
    this.parts.store.set('device', device);
    void this.chooseMatch();
  }

  /** Back to pairing: the device was revoked, or the steward asked. */
  forget(message?: string) {
    this.parts.session.device = null;
    this.parts.store.set('device', null);
    this.parts.camera.stop();
    this.show('setup');
    $('setup-message').textContent = message ?? '';
  }

  async chooseMatch() {
    const { session, store, api, say, camera } = this.parts;
    camera.stop();
    this.show('match');
    let matches = store.get<MatchesResponse['matches']>('matches') ?? [];
    try {
      const answer = await api<MatchesResponse>('/matches');
      matches = answer.matches;
      store.set('matches', matches);
      store.set('canSell', answer.canSell === true); // Sell mode (client/scanner/mode-sell.ts)
      this.setOnline(true);
    } catch (error) {
      if (error instanceof Unauthorized) return this.forget(say('scanner.revoked'));
      if (!(error instanceof Refused)) this.setOnline(false);
    }
    fillMatchChoice(matches, session, say);
  }

  async start(matchId: string, standId: string) {
    const { session, store } = this.parts;
    if (matchId !== session.matchId) session.data = store.get(`data.${matchId}`);
    session.matchId = matchId;
    session.standId = standId;
    store.set('match', matchId);
    store.set('stand', standId);
    store.keepOnlyMatch(matchId);
    void canCheckOffline().then((able) => {
      $('offline-warning').hidden = able;
    });
    this.parts.history.open(matchId);
    this.show('live');
    $('live-title').textContent = $<HTMLSelectElement>('match-select').selectedOptions[0]?.textContent ?? '';
    this.#renderCounters();
    this.#renderHistory();
    this.renderStatus();
    this.parts.modes.refresh();
    this.parts.modes.select('scan');
    void this.sync();
    await this.resumeCamera();
  }

  // --- sync and scans ----------------------------------------------------------------------------

  /** Uploads the queue and refreshes the lists and counters of the match being scanned. */
  async sync() {
    const { session, say } = this.parts;
    if (!session.device || !session.matchId || this.#syncing) return;
    this.#syncing = true;
    try {
      const outcome = await syncOnce(this.parts, session.device, session.matchId);
      if (outcome.kind === 'synced') {
        if (outcome.refreshed) {
          this.#renderCounters();
          this.parts.modes.refresh(); // a mode may come with the match's data (guests)
        }
        this.setOnline(true);
        if (outcome.more) setTimeout(() => void this.sync(), 0);
      } else if (outcome.kind === 'revoked') this.forget(say('scanner.revoked'));
      else if (outcome.kind === 'offline') this.setOnline(false);
    } finally {
      this.#syncing = false;
      this.renderStatus();
    }
  }

  /**
   * The camera offers a code only when nothing is pending, and a code that stays in view is taken
   * once; a typed code (by hand or a handheld reader) is always taken, never dropped.
   */
  submit(raw: string, typed: boolean) {
    const code = raw.trim();
    if (!code) return;
    if (!typed && !this.#sameCode.accept(code, Date.now())) return;
    this.#line.add(
      () => this.#scanned(code),
      () => this.parts.verdicts.show('unknown', null, !this.parts.session.online),
    );
  }

  /** The steward tapped the verdict away: the code in view may be read again. */
  dismissVerdict() {
    this.parts.verdicts.hide();
    this.#sameCode.forget();
  }

  async #scanned(code: string) {
    this.showOutcome(await judgeScan(this.parts, code, () => new Date(), this.parts.direction?.()));
  }

  /** What a scan's (or a manual admission's) outcome does to the screen. */
  showOutcome(outcome: ScanOutcome | null) {
    if (!outcome) return;
    if (outcome.kind === 'revoked') return this.forget(this.parts.say('scanner.revoked'));
    if (outcome.kind === 'withdrawn') return this.chooseMatch(); // choose again from what it may admit
    if (outcome.queued) this.renderStatus();
    if (outcome.admitted) this.#renderCounters();
    this.parts.verdicts.show(outcome.result, outcome.ticket, outcome.offline, outcome);
    this.parts.history.add({ at: Date.now(), result: outcome.result, ticket: outcome.ticket, offline: outcome.offline });
    this.#renderHistory();
  }

  /** Films for codes while scan mode is shown; a phone without a camera gets the typed code instead. */
  async resumeCamera() {
    const { camera, modes, say } = this.parts;
    if (modes.current !== 'scan' || $('scan-live').hidden) return;
    try {
      await camera.start(
        (code) => this.submit(code, false),
        () => !this.#line.busy,
      );
      $('scan-camera').hidden = false;
      $('camera-message').textContent = '';
    } catch {
      // No camera box to stare at: the typed code is the way in.
      $('scan-camera').hidden = true;
      $('camera-message').textContent = say('scanner.noCamera');
      $<HTMLInputElement>('manual-code').focus();
    }
  }

  /** After an admission made in another mode (a guest by name, a free entry): counters and status line. */
  admittedElsewhere() {
    this.#renderCounters();
    this.renderStatus();
  }

  pauseCamera() {
    this.parts.camera.stop();
  }

  #renderHistory() {
    const { history, say, locale } = this.parts;
    renderHistory($('scan-history'), history.entries, say, locale);
  }

  #renderCounters() {
    renderCounters($('scan-counters'), this.parts.session.data?.attendance, this.parts.say);
    this.parts.afterData?.();
  }
}
