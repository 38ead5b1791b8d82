import { boot } from '../boot.ts';
import { seedReference } from '../db/seed-reference.ts';
import { parseEnv } from '../env.ts';
import { DEMO_ACCOUNTS, seedDemo } from './demo-data.ts';

// `npm run db:seed`: the demo clubs, matches and accounts; safe to run again.
const runtime = await boot(parseEnv());
const { password } = await runtime.deps.auth.$context;
await seedReference(runtime.deps.db);
await seedDemo(runtime.deps.db, (p) => password.hash(p));
await runtime.close();
for (const account of Object.values(DEMO_ACCOUNTS)) console.log(`${account.email} / ${account.password}`);
