import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { boot } from '../boot.ts';
import { createVerifiedUser } from '../domain/accounts/create-verified-user.ts';
import { parseEnv } from '../env.ts';

// `npm run admin:create -- --email you@example.be [--password …]`: creates a platform admin, or
// promotes an existing account. Without --password a strong one is generated and printed once.
const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } } });
const email = z.email().safeParse(values.email);
if (!email.success) {
  console.error('Usage: npm run admin:create -- --email you@example.be [--password …] [--name …]');
  process.exit(2);
}
const password = values.password ?? randomBytes(12).toString('base64url');
if (password.length < 12) {
  console.error('--password must be at least 12 characters');
  process.exit(2);
}
const runtime = await boot(parseEnv());
const context = await runtime.deps.auth.$context;
const { created } = await createVerifiedUser(runtime.deps.db, {
  email: email.data,
  name: values.name ?? 'Platform admin',
  passwordHash: await context.password.hash(password),
  locale: 'fr',
  platformRole: 'admin',
});
await runtime.close();
console.log(created ? `Created platform admin ${email.data}` : `${email.data} existed and is now a platform admin (password unchanged)`);
if (created && !values.password) console.log(`Password: ${password}`);
