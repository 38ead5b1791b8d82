import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/cli/demo-data.ts';

const appDir = fileURLToPath(new URL('..', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `npm start` as an operator runs it: a real process, the embedded database in a fresh directory. */
function start(env: Record<string, string>) {
  // What `npm start` runs: the launcher builds when the sources changed, then serves the build.
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: appDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = async (pattern: RegExp, timeout = 60_000) => {
    const deadline = Date.now() + timeout;
    while (!pattern.test(output)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`not ready (exit ${child.exitCode}):\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { child, exited, ready, output: () => output };
}

describe('npm start on a fresh machine', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'footarena-start-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on the embedded database with demo data, prints the URL and accounts, and the demo accounts sign in', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const app = start({
      PORT: String(port),
      DATA_DIR: dataDir,
      PLATFORM_ADMIN_EMAIL: 'operator@example.be',
      PLATFORM_ADMIN_PASSWORD: 'operator-password-1',
    });
    children.push(app.child);
    await app.ready(/FootArena is running at/);
    expect(app.output()).toContain(`FootArena is running at ${base}`);
    expect(app.output()).toContain(`${DEMO_ACCOUNTS.clubAdmin.email} / ${DEMO_ACCOUNTS.clubAdmin.password}`);
    expect(app.output()).toContain(`${base}/dev/mail`);

    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('RFC Saint-Gilles (demo)');
    const csrfCookie = home.headers
      .getSetCookie()
      .find((c) => c.startsWith('fa_csrf='))!
      .split(';')[0]!;
    const token = csrfCookie.split('=')[1]!;

    const accounts = [...Object.values(DEMO_ACCOUNTS), { email: 'operator@example.be', password: 'operator-password-1' }];
    for (const account of accounts) {
      const response = await fetch(`${base}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, cookie: csrfCookie },
        body: new URLSearchParams({ _csrf: token, email: account.email, password: account.password }),
      });
      expect({ account: account.email, status: response.status }).toEqual({ account: account.email, status: 303 });
      const session = response.headers
        .getSetCookie()
        .find((c) => c.startsWith('footarena.session_token='))!
        .split(';')[0]!;
      if (account.email === 'operator@example.be' || account.email === DEMO_ACCOUNTS.platformAdmin.email) {
        expect((await fetch(`${base}/admin/clubs`, { headers: { cookie: session } })).status).toBe(200);
      }
    }

    // A second process on the same embedded database is refused with a clear message.
    const second = start({ PORT: String(await freePort()), DATA_DIR: dataDir });
    children.push(second.child);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toMatch(/is in use by process \d+/);

    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);

    // Started again on the same data: migrations and seeding are no-ops, the data is still there.
    const again = start({ PORT: String(port), DATA_DIR: dataDir });
    children.push(again.child);
    await again.ready(/FootArena is running at/);
    expect(again.output()).not.toContain('Building FootArena'); // built once, by the first start at the latest
    expect(await (await fetch(`${base}/`)).text()).toContain('RFC Saint-Gilles (demo)');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 120_000);

  it('refuses to start with bad configuration and names the variable', async () => {
    const bad = start({ PORT: 'eighty', DATA_DIR: dataDir });
    children.push(bad.child);
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('PORT:');
    expect(bad.output()).toContain('See .env.example');
  });
});
