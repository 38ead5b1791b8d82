// The verdict on the whole screen, with a sound and a vibration, so that the steward knows without
// reading: green and one high beep for yes, red and two low ones for no.
import type { Entry, RedeemResponse, ScanDirection, ScanResult } from '@footarena/gate-protocol';
import { formatShortClock } from '../../i18n/formats.ts';
import { describeTicket } from './history.ts';
import { $, type Say } from './page.ts';

const SHOW_OK_MS = 900;
const SHOW_REFUSED_MS = 1_800;

export class VerdictView {
  #hideTimer: ReturnType<typeof setTimeout> | undefined;
  #audio: AudioContext | null = null;

  constructor(
    private readonly say: Say,
    private readonly locale = 'en',
  ) {}

  /** Browsers play sound only after a gesture: called on the steward's first tap. */
  enableSound() {
    this.#audio ??= new AudioContext();
  }

  /** `more`: for an exit, its own word; for already_used, when and where it entered; for a typo, "check the code". */
  show(
    result: ScanResult,
    ticket: RedeemResponse['ticket'],
    offline: boolean,
    more: { direction?: ScanDirection; entry?: Entry | null; hint?: 'check_code' } = {},
  ) {
    const { say } = this;
    const ok = result === 'ok';
    const screen = $('scan-result');
    screen.dataset.result = result;
    screen.className = ok ? 'scan-result ok' : 'scan-result refused';
    $('result-word').textContent = say(ok && more.direction === 'out' ? 'scanner.exitOk' : `scanResult.${result}`);
    const details = describeTicket(ticket, say);
    const entered = more.entry ? this.#entered(more.entry) : '';
    const hint = more.hint ? say('scanner.checkCode') : '';
    $('result-detail').textContent = [hint, entered, details, offline ? say('scanner.checkedOffline') : ''].filter(Boolean).join(' — ');
    screen.hidden = false;
    this.#signal(ok);
    clearTimeout(this.#hideTimer);
    this.#hideTimer = setTimeout(() => this.hide(), ok ? SHOW_OK_MS : SHOW_REFUSED_MS);
  }

  /** "Entered at 14:32 · North gate", in Brussels time. */
  #entered(entry: Entry) {
    const time = formatShortClock(new Date(entry.at), this.locale);
    return entry.device ? this.say('scanner.enteredAt', { time, device: entry.device }) : this.say('scanner.enteredAtNoDevice', { time });
  }

  hide() {
    $('scan-result').hidden = true;
  }

  /** The vibration has the rhythm of the sound. */
  #signal(ok: boolean) {
    navigator.vibrate?.(ok ? 120 : [250, 100, 250]);
    const audio = this.#audio;
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
}
