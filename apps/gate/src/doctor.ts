import { realpathSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ConfigError, type GateConfig, loadConfig } from './config.ts';
import type { Check, CheckResult, DoctorContext } from './doctor/check.ts';
import { checkPaired } from './doctor/check-paired.ts';
import { checkPwm } from './doctor/check-pwm.ts';
import { checkReader } from './doctor/check-reader.ts';
import { checkServer } from './doctor/check-server.ts';
import { checkServo } from './doctor/check-servo.ts';
import { checkSonar } from './doctor/check-sonar.ts';
import { createPiHardware } from './hardware/pi.ts';

// `npm run gate:doctor` (or `footarena-gate doctor` on the Pi): checks each part of the gate in turn and
// says in plain words what is wrong and how to fix it. Exits 1 when anything is wrong.

export const DEFAULT_CONFIG_PATH = '/etc/footarena-gate/config.json';

export interface DoctorOptions {
  configPath: string;
  sysRoot?: string;
  devRoot?: string;
  /** Someone is at the gate to watch the arm, wave at the sonar and scan a code. */
  interactive: boolean;
  print(line: string): void;
  ask?: DoctorContext['ask'];
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number) => Promise<void>;
  stty?: string;
}

/** Runs every check; true when all passed. */
export async function runDoctor(options: DoctorOptions): Promise<boolean> {
  const { configPath, sysRoot = '/sys', devRoot = '/dev', interactive, print } = options;
  const show = ({ ok, part, summary, details = [] }: CheckResult) => {
    print(`${ok ? '✓' : '✗'} ${part}: ${summary}`);
    for (const detail of details) print(`    → ${detail}`);
  };

  let config: GateConfig;
  try {
    config = loadConfig(configPath);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const [first, ...rest] = error.message.split('\n');
    show({
      ok: false,
      part: 'Configuration',
      summary: first!,
      details: [...rest.map((line) => line.trim()), `Fix it in ${configPath}, then run the doctor again`],
    });
    return false;
  }
  show({ ok: true, part: 'Configuration', summary: `${configPath} is valid` });
  if (config.hardware !== 'pi') print(`  (hardware is "${config.hardware}": the checks below look at the real parts anyway)`);

  const context: DoctorContext = {
    config,
    hardware: createPiHardware(config, { sysRoot, devRoot, stty: options.stty }),
    sysRoot,
    devRoot,
    say: (text) => print(`  ${text}`),
    ask: options.ask ?? (async () => undefined),
    interactive,
    fetch: options.fetch ?? globalThis.fetch,
    sleep: options.sleep ?? ((ms) => sleep(ms)),
  };

  let allOk = true;
  let pwmOk = true;
  const needsPwm = new Set<Check>([checkServo, ...(config.sonar.source === 'gpiomon' ? [checkSonar] : [])]);
  for (const check of [checkPwm, checkServo, checkSonar, checkReader, checkServer, checkPaired]) {
    if (!pwmOk && needsPwm.has(check)) {
      print(`– ${check === checkServo ? 'Servo' : 'Sonar'}: not checked, it needs the PWM fixed first`);
      continue;
    }
    const result = await check(context).catch(
      (error: Error): CheckResult => ({ ok: false, part: check.name.replace(/^check/, ''), summary: `Unexpected error: ${error.message}` }),
    );
    show(result);
    allOk &&= result.ok;
    if (check === checkPwm) pwmOk = result.ok;
  }
  print(allOk ? 'All good: the gate is ready.' : 'Something needs fixing: see the lines marked ✗ above.');
  return allOk;
}

function argument(name: string): string | undefined {
  const at = process.argv.lastIndexOf(name); // the last wins: `npm run gate:doctor -- --config …` overrides
  return at === -1 ? undefined : process.argv[at + 1];
}

async function main() {
  // A person can answer only when the doctor runs in a terminal (not under systemd or in a pipe).
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && !process.argv.includes('--no-interaction');
  const prompt = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  try {
    const ok = await runDoctor({
      configPath: argument('--config') ?? DEFAULT_CONFIG_PATH,
      // For trying the doctor on a copy of /sys and /dev (its tests do).
      sysRoot: argument('--sys-root'),
      devRoot: argument('--dev-root'),
      interactive,
      print: (line) => console.log(line),
      ask: prompt ? async (question) => /^y/i.test(await prompt.question(`  ${question} [y/n] `)) : undefined,
    });
    process.exitCode = ok ? 0 : 1;
  } finally {
    prompt?.close();
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
