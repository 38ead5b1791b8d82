import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GateConfig } from '../config.ts';
import type { Hardware } from '../hardware/types.ts';

// What every doctor check gets and gives. A check looks at one part, and when something is wrong says in
// plain words what and how to fix it: the person reading is a club volunteer at the gate, not a developer.

export interface CheckResult {
  ok: boolean;
  /** The part, e.g. "Servo". */
  part: string;
  /** One line: what was found. */
  summary: string;
  /** What to do about it, or more of what was seen; one line each. */
  details?: string[];
}

export interface DoctorContext {
  config: GateConfig;
  hardware: Hardware;
  sysRoot: string;
  devRoot: string;
  /** Tells the person at the gate what to do now. */
  say(text: string): void;
  /** A yes/no question to the person; undefined when nobody can answer (not run in a terminal). */
  ask(question: string): Promise<boolean | undefined>;
  /** Someone is at the gate to scan, wave and watch; without one, the checks needing a person are skipped. */
  interactive: boolean;
  fetch: typeof globalThis.fetch;
  sleep(ms: number): Promise<void>;
}

export type Check = (context: DoctorContext) => Promise<CheckResult>;

/** 4 or 5 from the device tree's model ("Raspberry Pi 5 Model B Rev 1.0"), undefined elsewhere. */
export async function piModel(sysRoot: string): Promise<4 | 5 | undefined> {
  const model = await readFile(join(sysRoot, 'firmware/devicetree/base/model'), 'utf8').catch(() => '');
  const generation = /Raspberry Pi (?:Compute Module )?(\d)/.exec(model)?.[1];
  return generation === '4' ? 4 : generation === '5' ? 5 : undefined;
}

/** The service's user and the udev rule: the fix for every "permission denied". */
export const PERMISSION_FIX =
  'Install deploy/gate/99-footarena-gate.rules in /etc/udev/rules.d, add the user to the gpio, input and dialout groups ' +
  '(sudo usermod -aG gpio,input,dialout footarena-gate), then reboot';
