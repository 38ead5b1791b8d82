import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/cli/demo-data.ts';
import { DatabaseLockedError, migrateDatabase, openPglite } from '../src/db/client.ts';
import { match, matchStand, member, organization, stand, user, venue } from '../src/db/schema/index.ts';
import { createTestDatabase, databaseKinds } from './support/harness.ts';

const fakeHash = async (password: string) => `test-hash:${password}`;

describe('the embedded database on disk', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('migrates a new directory, keeps data across reopening, and refuses a second opener while open', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'footarena-pglite-'));
    dirs.push(dir);
    const first = await openPglite(path.join(dir, 'nested', 'db')); // missing parents are created
    await migrateDatabase(first);
    await first.db.execute(sql`insert into competition (slug, name, kind) values ('kept', 'Kept', 'cup')`);
    await expect(openPglite(path.join(dir, 'nested', 'db'))).rejects.toThrow(DatabaseLockedError);
    await first.close();

    const again = await openPglite(path.join(dir, 'nested', 'db'));
    await migrateDatabase(again); // already applied: nothing to do
    const { rows } = await again.db.execute<{ name: string }>(sql`select name from competition where slug = 'kept'`);
    expect(rows).toEqual([{ name: 'Kept' }]);
    await again.close();
  });

  it('takes over a lock left behind by a process that died', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'footarena-pglite-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'footarena.lock'), '999999999'); // no such process
    const database = await openPglite(dir);
    await database.close();
  });
});

describe.each(databaseKinds())('demo data on %s', (kind) => {
  it('is idempotent: seeding twice adds nothing', async () => {
    const database = await createTestDatabase(kind);
    try {
      const now = new Date('2026-11-25T10:00:00Z');
      await seedDemo(database.db, fakeHash, now);
      const counts = async () => {
        const tables = { organization, member, user, venue, stand, match, matchStand };
        const result: Record<string, number> = {};
        for (const [name, table] of Object.entries(tables)) {
          const [row] = await database.db.select({ n: count() }).from(table);
          result[name] = row!.n;
        }
        return result;
      };
      const first = await counts();
      expect(first).toMatchObject({ organization: 3, member: 3, user: 3, venue: 3, stand: 6, match: 7, matchStand: 15 });
      await seedDemo(database.db, fakeHash, now);
      expect(await counts()).toEqual(first);

      const matches = await database.db.select({ kickoffAt: match.kickoffAt }).from(match);
      for (const m of matches) expect(m.kickoffAt.getTime()).toBeGreaterThan(now.getTime());
      const [capped] = await database.db
        .select({ n: count() })
        .from(matchStand)
        .where(sql`${matchStand.cap} < (select capacity from stand where stand.id = ${matchStand.standId})`);
      expect(capped!.n).toBe(3); // the first match of each club sells only part of its first stand
    } finally {
      await database.close();
    }
  });
});
