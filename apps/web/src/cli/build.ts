// The build `npm start` runs when the sources changed (scripts/start.mjs): the server bundled into one
// JavaScript file (dependencies stay in node_modules), the browser modules, the migrations, and an empty
// embedded database already migrated, which a fresh data folder starts from instead of running
// PostgreSQL's initdb and every migration (docs/decisions/017).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { bundleClientModules } from '../boot.ts';
import { migrateDatabase, openPglite } from '../db/client.ts';
import { seedReference } from '../db/seed-reference.ts';
import { startJobs } from '../jobs/jobs.ts';
import { appDir, distDir, inputStamp, stampPath } from './build-stamp.ts';

const KEEP_EXTERNAL = ['@electric-sql/pglite', 'pdfkit', 'barcode-detector', 'esbuild', 'pg-native'];
const started = performance.now();
const inputs = inputStamp(); // before building: a source changed meanwhile is built next time
rmSync(distDir, { recursive: true, force: true });
mkdirSync(path.join(distDir, 'client'), { recursive: true });

await build({
  entryPoints: [path.join(appDir, 'src/main.ts')],
  outfile: path.join(distDir, 'main.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  // Bundled too, dependencies load in a fraction of the time: Node reads a package's package.json at
  // every import of one of its files (drizzle-orm's is 180 kB, read hundreds of times). Kept out: the
  // packages that read files next to their own code (PGlite's WebAssembly, pdfkit's fonts, the QR reader's WebAssembly).
  external: [...KEEP_EXTERNAL],
  // Bundled CommonJS packages require Node's own modules.
  banner: { js: "import { createRequire as __footarenaRequire } from 'node:module'; const require = __footarenaRequire(import.meta.url);" },
  logLevel: 'warning',
});

for (const [name, asset] of Object.entries(await bundleClientModules())) {
  if (name.endsWith('.js')) writeFileSync(path.join(distDir, 'client', name), asset.body as string);
}
cpSync(path.join(appDir, 'src/db/migrations'), path.join(distDir, 'migrations'), { recursive: true });

const scratch = mkdtempSync(path.join(tmpdir(), 'footarena-build-'));
try {
  const database = await openPglite(scratch);
  await migrateDatabase(database);
  await seedReference(database.db);
  await (await startJobs(database)).stop(); // the job queue's own tables and queues
  if (database.kind !== 'pglite') throw new Error('unreachable');
  const dump = await database.pglite.dumpDataDir('gzip');
  writeFileSync(path.join(distDir, 'empty-db.tar.gz'), new Uint8Array(await dump.arrayBuffer()));
  await database.close();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

writeFileSync(stampPath, JSON.stringify({ inputs, builtAt: new Date().toISOString() }));
console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
