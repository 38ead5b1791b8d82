import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import { type Database, migrateDatabase, openDatabase } from './db/client.ts';
import type { AppConfig, AppDeps, Asset, Runtime } from './deps.ts';
import { attachGuestOrders } from './domain/sales/attach-guest-orders.ts';
import { deriveKey } from './domain/secret-box.ts';
import type { Env } from './env.ts';
import { createAuth } from './integrations/auth/auth.ts';
import { createMailTransport } from './integrations/mail/transport.ts';
import { createDemoProvider } from './integrations/payments/demo.ts';
import { createStripeClient, createStripeProvider } from './integrations/payments/stripe.ts';
import { type JobOptions, startJobs } from './jobs/jobs.ts';

export function createLogger(env: Pick<Env, 'LOG_LEVEL' | 'NODE_ENV'>): Logger {
  return pino({
    level: env.NODE_ENV === 'test' ? 'silent' : env.LOG_LEVEL,
    // Belt and braces: nothing we log carries these, and if it ever did they are blanked.
    redact: { paths: ['password', '*.password', 'token', '*.token', 'headers.cookie', 'cookie', 'secret'], censor: '[redacted]' },
  });
}

/**
 * The secret that signs sessions and cookies. Production requires AUTH_SECRET; elsewhere one is
 * generated once and kept in the data directory, so `npm start` needs no setup and sessions survive restarts.
 */
export function resolveSecret(env: Pick<Env, 'AUTH_SECRET' | 'DATA_DIR'>): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(env.DATA_DIR, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(env.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function resolveConfig(env: Env, secret: string): AppConfig {
  const baseURL = env.BASE_URL ?? `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${env.PORT}`;
  return {
    production: env.NODE_ENV === 'production',
    baseURL,
    secureCookies: baseURL.startsWith('https://'),
    trustProxy: env.TRUST_PROXY,
    cookieSecret: secret,
    devMailDir: env.SMTP_URL ? undefined : path.join(env.DATA_DIR, 'mail'),
    sales: {
      feePercent: env.PLATFORM_FEE_PERCENT,
      feeFixedCents: env.PLATFORM_FEE_FIXED_CENTS,
      holdMinutes: env.HOLD_MINUTES,
      ticketSealingKey: deriveKey(env.TICKET_KEYS_SECRET ?? secret, 'ticket-signing-keys'),
    },
  };
}

const JS = 'text/javascript; charset=utf-8';
const CLIENT_MODULES = ['basket', 'line-chart', 'live-refresh', 'scanner', 'scanner-sw', 'tickets', 'tickets-sw'];

/**
 * The browser modules of src/client, bundled and minified once per process (no CDN, no build step),
 * and the WebAssembly QR reader the scanner falls back on where the browser has no BarcodeDetector.
 */
export function bundleClientModules(): Promise<Record<string, Asset>> {
  bundled ??= bundle();
  return bundled;
}
let bundled: Promise<Record<string, Asset>> | undefined;

async function bundle(): Promise<Record<string, Asset>> {
  const wasm = { 'zxing_reader.wasm': { body: await zxingReaderWasm(), type: 'application/wasm' } };
  // Run from the build of `npm start` (dist/), the modules were bundled by src/cli/build.ts.
  const built = new URL('./client/', import.meta.url);
  if (existsSync(new URL('scanner.js', built))) {
    const read = (name: string) => [`${name}.js`, { body: readFileSync(new URL(`${name}.js`, built), 'utf8'), type: JS }] as const;
    return { ...Object.fromEntries(CLIENT_MODULES.map(read)), ...wasm };
  }
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: CLIENT_MODULES.map((name) => fileURLToPath(new URL(`./client/${name}.ts`, import.meta.url))),
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    outdir: '/',
  });
  return { ...Object.fromEntries(result.outputFiles.map((file) => [path.basename(file.path), { body: file.text, type: JS }])), ...wasm };
}

/**
 * The exact WASM build the barcode-detector polyfill pins (another zxing-wasm version fails with
 * "memory access out of bounds"): resolved from the polyfill's own location and checked against the
 * hash it exports.
 */
async function zxingReaderWasm(): Promise<Uint8Array<ArrayBuffer>> {
  const { ZXING_WASM_SHA256 } = await import('barcode-detector/ponyfill');
  const fromPolyfill = createRequire(createRequire(import.meta.url).resolve('barcode-detector'));
  const file = new Uint8Array(readFileSync(fromPolyfill.resolve('zxing-wasm/reader/zxing_reader.wasm')));
  const digest = createHash('sha256').update(file).digest('hex');
  if (digest !== ZXING_WASM_SHA256) throw new Error(`zxing_reader.wasm is not the build barcode-detector expects (${digest})`);
  return file;
}

/** Stripe when a key is configured; otherwise the demo provider (no money moves). */
function paymentsFor(env: Env, baseURL: string): Pick<AppDeps, 'payments' | 'stripe'> {
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) return { payments: createDemoProvider(baseURL) };
  const client = createStripeClient({ secretKey: env.STRIPE_SECRET_KEY, apiUrl: env.STRIPE_API_URL });
  return { payments: createStripeProvider(client), stripe: { client, webhookSecret: env.STRIPE_WEBHOOK_SECRET } };
}

/** Opens the database, migrates it, starts the job queue and builds what the app needs. */
export async function boot(env: Env, overrides: { database?: Database; logger?: Logger; jobs?: JobOptions } = {}): Promise<Runtime> {
  const logger = overrides.logger ?? createLogger(env);
  const database = overrides.database ?? (await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR }));
  await migrateDatabase(database);
  const jobs = await startJobs(database, overrides.jobs);
  const secret = resolveSecret(env);
  const config = resolveConfig(env, secret);
  const auth = createAuth({
    db: database.db,
    logger,
    outbox: jobs,
    baseURL: config.baseURL,
    secret,
    secureCookies: config.secureCookies,
    // The address is now proved its owner's: the orders a guest bought with it join the account.
    onEmailVerified: async (user) => {
      await database.db.transaction((tx) => attachGuestOrders(tx, {}, { actor: { userId: user.id, name: user.name }, email: user.email }));
    },
  });
  const mail = createMailTransport({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, mailDir: path.join(env.DATA_DIR, 'mail') });
  return {
    database,
    jobs,
    mail,
    deps: {
      db: database.db,
      auth,
      outbox: jobs,
      ...paymentsFor(env, config.baseURL),
      logger,
      config,
      clientAssets: await bundleClientModules(),
    },
    async close() {
      await jobs.stop();
      await database.close();
    },
  };
}
