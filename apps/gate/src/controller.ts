import type { GATE_STATES, ScanResult } from '@footarena/gate-protocol';
import type { Clock } from './clock.ts';
import type { GateConfig } from './config.ts';
import type { GateArm, PassageSensor, Signals, SonarReading } from './hardware/types.ts';

/**
 * closed → (valid scan) → opening → open, waiting for the person → passing (someone in the passage)
 * → passed (clear again; a short delay) → closing → closed. The arm never closes on someone: `holding`
 * waits for a clear passage (at start, before closing, and when someone steps in while it closes).
 */
export type GateState = (typeof GATE_STATES)[number];

export interface ScanVerdict {
  result: ScanResult;
  ticketId: string | null;
  /** Decided by the gate itself (server unreachable or too slow). */
  offline: boolean;
}

/** What the gate reports: to the log, the club (health report) and the simulator's page. */
export type GateEvent =
  | ({ kind: 'scan' } & ScanVerdict)
  | { kind: 'busy' }
  | { kind: 'passed'; ticketId: string | null }
  | { kind: 'not_passed'; ticketId: string | null }
  | { kind: 'tailgating'; ticketId: string | null }
  | { kind: 'occupied_too_long'; ticketId: string | null }
  | { kind: 'state'; state: GateState }
  | { kind: 'sensor'; ok: boolean; message?: string }
  | { kind: 'fault'; message: string };

export interface ControllerDeps {
  arm: GateArm;
  sensor: PassageSensor;
  signals: Signals;
  clock: Clock;
  config: Pick<GateConfig, 'passage' | 'timing'>;
  /** The ticket's verdict (online first, else offline); an ok offline is on disk before it returns. */
  validate(code: string): Promise<ScanVerdict>;
  onEvent(event: GateEvent): void;
}

/** No reading for this long: the sonar is not answering, and the gate will not open. */
export const SENSOR_SILENT_MS = 2000;
/** On SIGTERM, how long to wait for a clear passage before closing anyway (the service must stop). */
export const STOP_WAIT_MS = 5000;

export class GateController {
  state: GateState = 'starting';
  /** The passage, debounced; undefined until the sensor has said. */
  occupied: boolean | undefined;
  lastReading: SonarReading | null = null;
  private rawNear: boolean | undefined;
  private debounce: unknown;
  private timer: unknown;
  private tooLongTimer: unknown;
  private silenceTimer: unknown;
  sensorOk = false;
  private ticketId: string | null = null;
  private arm: Promise<void> = Promise.resolve();
  private stopping: (() => void) | null = null;

  constructor(private readonly deps: ControllerDeps) {}

  async start() {
    this.emit({ kind: 'state', state: this.state });
    this.watchSilence();
    await this.deps.sensor.start(
      (reading) => this.onReading(reading),
      (error) => this.onSensorFailure(error.message),
    );
    // The gate closes only once the sensor says the passage is clear (onOccupancy).
  }

  /** A code from the reader. Scans while the gate is busy get "wait", never a silent queue. */
  async scan(code: string): Promise<ScanVerdict | null> {
    if (this.state !== 'closed') {
      this.signal(this.state === 'fault' ? 'fault' : 'wait', true);
      this.emit({ kind: 'busy' });
      return null;
    }
    this.set('checking');
    let verdict: ScanVerdict;
    try {
      verdict = await this.deps.validate(code);
    } catch (error) {
      this.emit({ kind: 'fault', message: `validation failed: ${(error as Error).message}` });
      verdict = { result: 'unknown', ticketId: null, offline: true };
    }
    this.emit({ kind: 'scan', ...verdict });
    if ((this.state as GateState) !== 'checking') return verdict; // stopped meanwhile (TS keeps the narrowing across the await)
    if (verdict.result !== 'ok') {
      this.set('closed');
      this.signal('refused', true);
      return verdict;
    }
    this.ticketId = verdict.ticketId;
    this.set('opening');
    this.signal('ok', false);
    this.move('open');
    this.later(this.deps.config.timing.armTravelMs, () => {
      if (this.state !== 'opening') return;
      this.set('open');
      if (this.occupied) this.onOccupancy(true);
      else this.later(this.deps.config.timing.passTimeoutMs, () => this.notPassed());
    });
    return verdict;
  }

  /** SIGTERM: close (waiting a little for a clear passage), then let go of the hardware. */
  async stop() {
    if (this.state === 'stopped') return;
    this.cancel();
    const armOpen = !['closed', 'starting', 'checking', 'fault'].includes(this.state);
    if (armOpen) {
      if (this.occupied) {
        this.set('holding');
        await new Promise<void>((resolve) => {
          this.stopping = resolve;
          this.later(STOP_WAIT_MS, resolve);
        });
      }
      this.move('close');
    }
    this.set('stopped');
    this.deps.clock.clearTimeout(this.silenceTimer);
    this.deps.clock.clearTimeout(this.debounce);
    await this.arm;
    await this.deps.sensor.stop();
    await this.deps.arm.release();
    await this.deps.signals.release();
  }

  private onReading(reading: SonarReading) {
    this.lastReading = reading;
    if (!this.sensorOk) {
      this.sensorOk = true;
      this.emit({ kind: 'sensor', ok: true });
      if (this.state === 'fault') this.set(this.occupied === false ? 'closed' : 'starting');
    }
    this.watchSilence();
    const near = reading.cm !== null && reading.cm < this.deps.config.passage.occupiedBelowCm;
    if (near === this.rawNear) return;
    this.rawNear = near;
    this.deps.clock.clearTimeout(this.debounce);
    const hold = near ? this.deps.config.passage.occupiedForMs : this.deps.config.passage.clearForMs;
    this.debounce = this.deps.clock.setTimeout(() => {
      if (this.occupied !== near) {
        this.occupied = near;
        this.onOccupancy(near);
      }
    }, hold);
  }

  private onOccupancy(occupied: boolean) {
    const { timing } = this.deps.config;
    switch (this.state) {
      case 'starting':
        if (!occupied) this.close();
        else this.set('holding');
        break;
      case 'open':
        this.cancel();
        this.passing();
        break;
      case 'passing':
        if (occupied) break;
        this.deps.clock.clearTimeout(this.tooLongTimer);
        this.set('passed');
        this.emit({ kind: 'passed', ticketId: this.ticketId });
        this.later(timing.closeDelayMs, () => this.close());
        break;
      case 'passed':
        if (!occupied) break;
        // Someone else stepped in behind before the arm closed.
        this.cancel();
        this.emit({ kind: 'tailgating', ticketId: this.ticketId });
        this.passing();
        break;
      case 'closing':
        if (!occupied) break;
        // Anti-pinch: back up and wait for a clear passage.
        this.cancel();
        this.move('open');
        this.set('holding');
        break;
      case 'holding':
        if (occupied) break;
        if (this.stopping) this.stopping();
        else this.close();
        break;
      default:
        break;
    }
  }

  /** Someone is in the passage: reported if they stay there too long (loitering, a queue pushing through). */
  private passing() {
    this.set('passing');
    const { maxOccupiedMs } = this.deps.config.timing;
    this.tooLongTimer = this.deps.clock.setTimeout(() => this.emit({ kind: 'occupied_too_long', ticketId: this.ticketId }), maxOccupiedMs);
  }

  private notPassed() {
    this.emit({ kind: 'not_passed', ticketId: this.ticketId });
    this.close();
  }

  /** Closes when the passage is clear; otherwise holds until it is. */
  private close() {
    this.cancel();
    if (this.occupied !== false) {
      this.set('holding');
      return;
    }
    this.set('closing');
    this.move('close');
    this.later(this.deps.config.timing.armTravelMs, () => {
      if (this.state !== 'closing') return;
      this.ticketId = null;
      this.set(this.sensorOk ? 'closed' : 'fault');
      this.signal(this.sensorOk ? 'ready' : 'fault', false);
    });
  }

  private onSensorFailure(message: string) {
    if (!this.sensorOk && this.state === 'fault') return;
    this.sensorOk = false;
    this.emit({ kind: 'sensor', ok: false, message });
    // Without the sonar the gate cannot see a person pass nor avoid closing on one: it stops opening.
    if (this.state === 'closed' || this.state === 'starting') {
      this.set('fault');
      this.signal('fault', false);
    }
  }

  private watchSilence() {
    this.deps.clock.clearTimeout(this.silenceTimer);
    if (this.state === 'stopped') return;
    this.silenceTimer = this.deps.clock.setTimeout(() => this.onSensorFailure('the sonar is not answering'), SENSOR_SILENT_MS);
  }

  /** Arm commands run one after the other; a failing arm is a fault, reported. */
  private move(to: 'open' | 'close') {
    this.arm = this.arm
      .then(() => (to === 'open' ? this.deps.arm.open() : this.deps.arm.close()))
      .catch((error: Error) => this.emit({ kind: 'fault', message: `the gate arm did not ${to}: ${error.message}` }));
  }

  /** Shows a signal; a passing one (wait, refused) gives way to what the state shows after a moment. */
  private signal(signal: 'ready' | 'ok' | 'refused' | 'wait' | 'fault', passing: boolean) {
    void this.deps.signals.show(signal).catch(() => {});
    if (passing)
      this.deps.clock.setTimeout(
        () => void this.deps.signals.show(this.steadySignal()).catch(() => {}),
        this.deps.config.timing.showResultMs,
      );
  }

  private steadySignal() {
    if (this.state === 'fault') return 'fault';
    return this.state === 'closed' || this.state === 'starting' || this.state === 'checking' ? 'ready' : 'ok';
  }

  private later(ms: number, fn: () => void) {
    this.deps.clock.clearTimeout(this.timer);
    this.timer = this.deps.clock.setTimeout(fn, ms);
  }

  private cancel() {
    this.deps.clock.clearTimeout(this.timer);
    this.deps.clock.clearTimeout(this.tooLongTimer);
  }

  private set(state: GateState) {
    if (this.state === state) return;
    this.state = state;
    this.emit({ kind: 'state', state });
  }

  private emit(event: GateEvent) {
    this.deps.onEvent(event);
  }
}
