import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Test support: runs a TypeScript snippet in its own Node process (through tsx), to prove what a test
// worker cannot: that the process exits by itself once an adapter is stopped (no handle left behind),
// or how code behaves without root's right to ignore file permissions.

const APP_DIR = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** The gate's source folder, for the snippet's imports. */
export const SRC = join(APP_DIR, 'src');

export interface ScriptResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Killed because it had not exited within the time allowed. */
  timedOut: boolean;
}

export async function runScript(
  folder: string,
  source: string,
  { timeoutMs = 10_000, prefix = [] as string[] } = {},
): Promise<ScriptResult> {
  const file = join(folder, `script-${process.hrtime.bigint()}.mts`);
  await writeFile(file, source);
  const [command, ...args] = [...prefix, process.execPath, '--import', 'tsx', file];
  const child = spawn(command!, args, { cwd: APP_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  );
  clearTimeout(timer);
  return { code, signal, stdout, stderr, timedOut };
}
