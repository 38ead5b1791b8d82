import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { type App, createApp } from '../../src/app.ts';
import { boot } from '../../src/boot.ts';
import { type Database, openMemoryPglite, openPostgres } from '../../src/db/client.ts';
import type { Runtime } from '../../src/deps.ts';
import { createVerifiedUser } from '../../src/domain/accounts/create-verified-user.ts';
import { parseEnv } from '../../src/env.ts';
import { startWorkers } from '../../src/jobs/start-workers.ts';
import { ADMIN_URL, databaseUrl } from './postgres.ts';
import { TestSmtp } from './smtp.ts';

export { linkIn } from './smtp.ts';

export type DbKind = 'pglite' | 'postgres';

/** The databases every integration test runs on: PGlite always, PostgreSQL when set up (always in CI). */
export function databaseKinds(): DbKind[] {
  return inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh database copied from the migrated template of this run. */
export async function createTestDatabase(kind: DbKind): Promise<Database> {
  if (kind === 'pglite') {
    const dump = readFileSync(inject('pgliteTemplate'));
    return openMemoryPglite(new Blob([dump]));
  }
  const template = inject('postgresTemplate');
  if (!template) throw new Error('PostgreSQL template missing');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    // Two files may copy the template at the same moment; PostgreSQL then refuses one, briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const database = await openPostgres(databaseUrl(name), 10);
  const close = database.close;
  return {
    ...database,
    async close() {
      await close();
      const cleanup = new pg.Client({ connectionString: ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export interface TestApp {
  app: App;
  runtime: Runtime;
  smtp: TestSmtp;
  /** Every log line the app wrote, as JSON text. */
  logs: string[];
  client(ip?: string): TestClient;
  close(): Promise<void>;
}

export async function startTestApp(kind: DbKind, options: { baseURL?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const smtp = new TestSmtp();
  await smtp.start();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'footarena-app-'));
  const env = parseEnv({
    NODE_ENV: 'test',
    BASE_URL: options.baseURL ?? 'http://localhost',
    SMTP_URL: smtp.url,
    DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    // Each test client presents its own address (a header only, see TestClient), as behind a proxy.
    TRUST_PROXY: 'true',
    ...options.env,
  });
  const logs: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
  const runtime = await boot(env, { database: await createTestDatabase(kind), logger, jobs: { retryDelaySeconds: 1 } });
  await startWorkers(runtime, 0.5);
  const app = createApp(runtime.deps);
  return {
    app,
    runtime,
    smtp,
    logs,
    client: (ip?: string) => new TestClient(app, env.BASE_URL ?? 'http://localhost', ip),
    async close() {
      await runtime.close();
      await smtp.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let nextAddress = 1;

/**
 * A browser without a browser: keeps cookies, sends forms with the CSRF token, follows nothing by
 * itself. Each client has its own address (TEST-NET-3, in X-Forwarded-For only), so the per-address
 * limits of one test do not spill into another.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: App,
    private readonly base: string,
    readonly ip = `203.0.113.${(nextAddress++ % 250) + 1}`,
  ) {}

  async request(pathOrUrl: string, init: RequestInit = {}): Promise<Response> {
    const url = new URL(pathOrUrl, this.base);
    const headers = new Headers(init.headers);
    if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', this.ip);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await this.app.request(url.toString(), { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) this.store(cookie);
    return response;
  }

  get(pathOrUrl: string, headers: Record<string, string> = {}) {
    return this.request(pathOrUrl, { headers });
  }

  /** Posts a urlencoded form; adds the CSRF token (fetching a page first if needed) unless told not to. */
  async post(pathOrUrl: string, form: Record<string, string>, { csrf = true, headers = {} as Record<string, string> } = {}) {
    if (csrf && !this.cookies.has('fa_csrf')) await this.get('/');
    const body = new URLSearchParams(csrf ? { _csrf: this.cookies.get('fa_csrf') ?? '', ...form } : form);
    return this.request(pathOrUrl, {
      method: 'POST',
      body: body.toString(),
      // What a browser sends with a same-origin form; tests of forged posts override them.
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(this.base).origin, ...headers },
    });
  }

  /** Posts a multipart form (file uploads) with the CSRF token, as a browser does. */
  async postMultipart(pathOrUrl: string, form: FormData) {
    if (!this.cookies.has('fa_csrf')) await this.get('/');
    form.set('_csrf', this.cookies.get('fa_csrf') ?? '');
    return this.request(pathOrUrl, { method: 'POST', body: form, headers: { origin: new URL(this.base).origin } });
  }

  /** GETs where a redirect points, as a browser does after a 303. */
  async follow(response: Response): Promise<Response> {
    const location = response.headers.get('location');
    if (!location) throw new Error(`Expected a redirect, got ${response.status}`);
    return this.get(location);
  }

  get signedIn(): boolean {
    return [...this.cookies.keys()].some((name) => name.endsWith('footarena.session_token'));
  }

  private store(setCookie: string) {
    const [pair = '', ...attributes] = setCookie.split(';');
    const index = pair.indexOf('=');
    const name = pair.slice(0, index).trim();
    const value = pair.slice(index + 1).trim();
    const expired = attributes.some(
      (a) => /^\s*max-age=0$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()),
    );
    if (expired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

/** Page text without tags, for assertions on what a person reads. */
export async function textOf(response: Response): Promise<string> {
  const html = await response.text();
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

export const PASSWORD = 'correct horse battery';

/** A confirmed account, created directly (for tests about something other than sign-up). */
export async function createUser(t: TestApp, email: string, name = 'Test User', password = PASSWORD) {
  const { password: hasher } = await t.runtime.deps.auth.$context;
  return createVerifiedUser(t.runtime.deps.db, { email, name, passwordHash: await hasher.hash(password), locale: 'en' });
}

/** A client signed in through the sign-in form. */
export async function signIn(t: TestApp, email: string, password = PASSWORD): Promise<TestClient> {
  const client = t.client();
  const response = await client.post('/sign-in', { email, password });
  if (response.status !== 303) throw new Error(`sign-in of ${email} failed: ${response.status} ${await textOf(response)}`);
  return client;
}
