import { migrateDatabase, openDatabase } from '../db/client.ts';
import { seedReference } from '../db/seed-reference.ts';
import { parseEnv } from '../env.ts';

// `npm run db:migrate`: applies the committed migrations (start-up does the same) and reference data.
const env = parseEnv();
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
await migrateDatabase(database);
await seedReference(database.db);
await database.close();
console.log(`Migrated the ${database.kind === 'pglite' ? 'embedded' : 'PostgreSQL'} database.`);
