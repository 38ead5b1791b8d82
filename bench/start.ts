// bench:start — `npm start` as a new user meets it: the time from launching the process to the first
// page, and the memory of the server process, on a fresh data folder (cold) then again on the same
// folder (warm). The build `npm start` makes when the sources changed is done first and timed apart.
// Usage: npm run bench:start [-- --runs 3]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const appDir = fileURLToPath(new URL('../apps/web', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resident and peak resident memory of a process, in MB (Linux). */
function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** One start: launches the server, polls / until it answers 200, reads its memory 2 s later, stops it. */
async function startOnce(dataDir: string) {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: appDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  let firstPage = 0;
  while (!firstPage) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      await response.arrayBuffer();
      if (response.status === 200) firstPage = (performance.now() - started) / 1000;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const memory = memoryOf(child.pid!);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return { firstPage, ...memory };
}

const build = performance.now();
// Builds now if the sources changed, so that the starts below are timed without it.
const scratch = mkdtempSync(path.join(tmpdir(), 'footarena-bench-start-'));
const warmUp = await startOnce(scratch);
rmSync(scratch, { recursive: true, force: true });
console.log(
  `build (if the sources changed) and a first start: ${((performance.now() - build) / 1000).toFixed(1)} s (first page ${warmUp.firstPage.toFixed(2)} s)`,
);

const row = (kind: string, r: Awaited<ReturnType<typeof startOnce>>) =>
  console.log(
    `${kind.padEnd(5)} first page ${r.firstPage.toFixed(2).padStart(5)} s   RSS ${r.rss.toFixed(0).padStart(4)} MB   peak ${r.peak.toFixed(0).padStart(5)} MB`,
  );
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
for (let i = 0; i < runs; i++) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'footarena-bench-start-'));
  try {
    row('cold', await startOnce(dataDir));
    row('warm', await startOnce(dataDir));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
console.log('goal: cold ≤ 5 s, warm ≤ 3 s to the first page, RSS ≤ 350 MB (issue 18)');
