import type { Clock } from '../clock.ts';
import type { CodeReader, GateArm, Hardware, PassageSensor, Signal, Signals, SonarReading } from './types.ts';

// The gate's parts without hardware: for the controller's tests, the simulator and the benchmark.

export class SimulatedArm implements GateArm {
  position: 'unknown' | 'open' | 'closed' = 'unknown';
  /** Every command given, in order, with the clock's time. */
  readonly commands: { to: 'open' | 'closed'; at: number }[] = [];
  released = false;
  failing: Error | null = null;

  constructor(private readonly clock: Clock) {}

  async open() {
    this.command('open');
  }

  async close() {
    this.command('closed');
  }

  async release() {
    this.released = true;
  }

  private command(to: 'open' | 'closed') {
    if (this.failing) throw this.failing;
    this.position = to;
    this.commands.push({ to, at: this.clock.now() });
  }
}

/** Nothing in range, as the sonar reports an empty passage. */
export const FAR = null;

/** A sonar reading every 60 ms of whatever distance the test or the simulator's page sets. */
export class SimulatedSensor implements PassageSensor {
  cm: number | null = FAR;
  /** A sensor that stopped answering (unplugged): no more readings. */
  silent = false;
  private timer: unknown;
  private onReading: ((reading: SonarReading) => void) | null = null;

  constructor(private readonly clock: Clock) {}

  async start(onReading: (reading: SonarReading) => void) {
    this.onReading = onReading;
    this.tick();
  }

  async stop() {
    this.onReading = null;
    this.clock.clearTimeout(this.timer);
  }

  private tick() {
    if (!this.onReading) return;
    if (!this.silent) this.onReading({ cm: this.cm, at: this.clock.now() });
    this.timer = this.clock.setTimeout(() => this.tick(), 60);
  }
}

export class SimulatedSignals implements Signals {
  current: Signal | 'off' = 'off';
  readonly shown: Signal[] = [];

  async show(signal: Signal) {
    this.current = signal;
    this.shown.push(signal);
  }

  async release() {
    this.current = 'off';
  }
}

/** A reader fed by hand: `read(code)` is a code scanned. */
export class SimulatedReader implements CodeReader {
  private onCode: ((code: string) => void) | null = null;

  async start(onCode: (code: string) => void) {
    this.onCode = onCode;
  }

  async stop() {
    this.onCode = null;
  }

  read(code: string) {
    this.onCode?.(code);
  }
}

export function createSimulatedHardware(clock: Clock) {
  return {
    arm: new SimulatedArm(clock),
    sensor: new SimulatedSensor(clock),
    signals: new SimulatedSignals(),
    reader: new SimulatedReader(),
  } satisfies Hardware;
}
export type SimulatedHardware = ReturnType<typeof createSimulatedHardware>;
