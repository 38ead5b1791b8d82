import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { boot } from './boot.ts';
import { DEMO_ACCOUNTS, seedDemo } from './cli/demo-data.ts';
import { seedReference } from './db/seed-reference.ts';
import { createVerifiedUser } from './domain/accounts/create-verified-user.ts';
import { EnvError, parseEnv } from './env.ts';
import { startWorkers } from './jobs/start-workers.ts';

let env: ReturnType<typeof parseEnv>;
try {
  env = parseEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const runtime = await boot(env);
const { deps, database } = runtime;
const { password } = await deps.auth.$context;

await seedReference(deps.db);
if (env.PLATFORM_ADMIN_EMAIL && env.PLATFORM_ADMIN_PASSWORD) {
  const { created } = await createVerifiedUser(deps.db, {
    email: env.PLATFORM_ADMIN_EMAIL,
    name: 'Platform admin',
    passwordHash: await password.hash(env.PLATFORM_ADMIN_PASSWORD),
    locale: 'fr',
    platformRole: 'admin',
  });
  deps.logger.info({ email: env.PLATFORM_ADMIN_EMAIL, created }, 'platform admin ensured');
}
// Demo accounts have published passwords: by default only on a server that only this machine reaches.
const loopbackOnly = ['127.0.0.1', 'localhost', '::1'].includes(env.HOST);
const seeding = env.SEED_DEMO ?? (env.NODE_ENV !== 'production' && loopbackOnly);
if (seeding) await seedDemo(deps.db, (p) => password.hash(p));

const app = createApp(deps);
const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
  const url = deps.config.baseURL;
  const lines = [
    '',
    `  FootArena is running at ${url}  (database: ${database.kind === 'pglite' ? `embedded PGlite in ${env.DATA_DIR}/db` : 'PostgreSQL'}, port ${info.port}, started in ${process.uptime().toFixed(1)} s)`,
  ];
  if (deps.config.devMailDir) lines.push(`  E-mail is not sent: read it at ${url}/dev/mail (files in ${deps.config.devMailDir})`);
  if (seeding) {
    lines.push('  Demo accounts (e-mail / password):');
    lines.push(`    supporter       ${DEMO_ACCOUNTS.supporter.email} / ${DEMO_ACCOUNTS.supporter.password}`);
    lines.push(`    club admin      ${DEMO_ACCOUNTS.clubAdmin.email} / ${DEMO_ACCOUNTS.clubAdmin.password}`);
    lines.push(`    platform admin  ${DEMO_ACCOUNTS.platformAdmin.email} / ${DEMO_ACCOUNTS.platformAdmin.password}`);
  }
  console.log(`${lines.join('\n')}\n`);
  // After the first page can be served: jobs wait in the database until then.
  startWorkers(runtime).catch((error: unknown) => {
    deps.logger.error({ err: error }, 'the job workers did not start');
    process.exit(1);
  });
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  deps.logger.info({ signal }, 'shutting down');
  server.close();
  await runtime.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
