// What the gate's controller needs of its hardware. Each part has a real adapter for the Raspberry Pi
// (sysfs PWM, kernel GPIO edge timestamps, evdev or serial readers, sysfs LEDs) and a simulated one
// (./simulated.ts) for tests, the simulator and the benchmark.

/** The gate's arm, driven by a servo. */
export interface GateArm {
  /** Commands the open position; resolves once the command is given (not when the arm arrived). */
  open(): Promise<void>;
  close(): Promise<void>;
  /** Stops driving the servo and gives the device back; on exit, after closing. */
  release(): Promise<void>;
}

/** One distance reading of the passage sensor, already filtered (median) by the adapter. */
export interface SonarReading {
  /** Centimetres to the nearest thing, or null when nothing is in range. */
  cm: number | null;
  /** When it was measured, in milliseconds of the program's clock. */
  at: number;
}

/** The ultrasonic sensor across the passage. */
export interface PassageSensor {
  /** Starts reading; readings come at most every 60 ms. An error means the sensor stopped answering. */
  start(onReading: (reading: SonarReading) => void, onError: (error: Error) => void): Promise<void>;
  stop(): Promise<void>;
}

/** What the person at the gate sees and hears. */
export type Signal = 'ready' | 'ok' | 'refused' | 'wait' | 'fault';

export interface Signals {
  show(signal: Signal): Promise<void>;
  release(): Promise<void>;
}

/** The QR reader: one call per code read (a keyboard-wedge line or a serial line). */
export interface CodeReader {
  start(onCode: (code: string) => void, onError: (error: Error) => void): Promise<void>;
  stop(): Promise<void>;
}

export interface Hardware {
  arm: GateArm;
  sensor: PassageSensor;
  signals: Signals;
  reader: CodeReader;
}
