import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { GateStore } from './validate/store.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const folder = mkdtempSync(path.join(tmpdir(), 'gate-main-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function start(...args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c) => {
    out += c;
  });
  child.stderr!.on('data', (c) => {
    out += c;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}
const config = (name: string, value: object) => {
  const file = path.join(folder, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};
async function waitFor(run: { output(): string }, text: string, child: ChildProcess) {
  for (let i = 0; i < 200 && !run.output().includes(text); i++) await new Promise((r) => setTimeout(r, 50));
  if (!run.output().includes(text)) {
    child.kill('SIGKILL');
    throw new Error(`never printed "${text}": ${run.output()}`);
  }
}

describe('footarena-gate, the program systemd runs', () => {
  it('refuses to start with a bad configuration or unpaired, saying what to do (exit 2)', async () => {
    const missing = start('--config', path.join(folder, 'nope.json'));
    expect(await missing.exited).toBe(2);
    expect(missing.output()).toContain('Cannot read the configuration file');

    const bad = start('--config', config('bad.json', { server: { url: 'http://127.0.0.1:9' }, timing: { passTimeoutMs: 'soon' } }));
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('timing.passTimeoutMs');

    const unpaired = start(
      '--config',
      config('unpaired.json', { server: { url: 'http://127.0.0.1:9' }, dataDir: path.join(folder, 'unpaired'), hardware: 'simulated' }),
    );
    expect(await unpaired.exited).toBe(2);
    expect(unpaired.output()).toContain('footarena-gate pair <code>');
  });

  it('starts without its server, then on SIGTERM closes the gate and exits 0', async () => {
    const dataDir = path.join(folder, 'paired');
    await new GateStore(dataDir).saveDevice({ deviceId: crypto.randomUUID(), token: 't'.repeat(43), clubId: 'club', name: 'North gate' });
    const run = start('--config', config('paired.json', { server: { url: 'http://127.0.0.1:9' }, dataDir, hardware: 'simulated' }));
    await waitFor(run, '"kind":"started"', run.child);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('"kind":"stopping","signal":"SIGTERM"');
  });
});
