// One app process of a bench run with --processes N: the whole app on the bench's database, listening
// with SO_REUSEPORT on the port the others share (the kernel spreads connections between them). The
// bench process asks it over IPC for its CPU time and statements so far.
import './count-statements.ts';
import { readFileSync } from 'node:fs';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from '../apps/web/src/app.ts';
import { boot } from '../apps/web/src/boot.ts';
import { openPostgres } from '../apps/web/src/db/client.ts';
import { parseEnv } from '../apps/web/src/env.ts';
import { sentStatements } from './count-statements.ts';

const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as {
  env: Record<string, string>;
  url: string;
  pool: number;
  port: number;
};
const runtime = await boot(parseEnv(input.env), { database: await openPostgres(input.url, input.pool) });
const app = createApp(runtime.deps);
const server = createAdaptorServer({ fetch: app.fetch });
server.listen({ port: input.port, host: '127.0.0.1', reusePort: true }, () => process.send!({ ready: true }));
process.on('message', async (message: string) => {
  if (message === 'usage') {
    const { user, system } = process.cpuUsage();
    process.send!({ cpuMs: (user + system) / 1000, statements: sentStatements.count });
  } else if (message === 'stop') {
    server.close();
    await runtime.close();
    process.exit(0);
  }
});
