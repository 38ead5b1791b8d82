import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '../src/domain/outbox.ts';
import { databaseKinds, linkIn, startTestApp, type TestApp } from './support/harness.ts';

describe.each(databaseKinds())('the e-mail outbox on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t?.close());

  it('delays mail while SMTP is down, then delivers it exactly once', async () => {
    t.smtp.outage();
    const client = t.client();
    const response = await client.post('/sign-up', { name: 'Patient', email: 'outage@example.be', password: 'waiting-for-smtp' });
    expect(response.status).toBe(303); // the sign-up itself does not wait for, nor fail with, the mail server
    await new Promise((r) => setTimeout(r, 1500)); // at least one delivery attempt fails meanwhile
    expect(t.smtp.to('outage@example.be')).toEqual([]);

    t.smtp.recover();
    const mail = await t.smtp.waitFor('outage@example.be', /Confirmez/, { timeout: 20_000 });
    expect(linkIn(mail, 'http://localhost/api/auth/verify-email')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 2500)); // no second copy follows
    expect(t.smtp.to('outage@example.be')).toHaveLength(1);
    const { rows } = await t.runtime.deps.db.execute<{ retry_count: number; state: string }>(
      sql`select retry_count, state from pgboss.job where name = 'mail' and data->>'to' = 'outage@example.be'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.state).toBe('completed');
    expect(rows[0]!.retry_count).toBeGreaterThanOrEqual(1); // it really failed first, and was retried
  });

  it('sends nothing when the transaction that queued the mail rolls back', async () => {
    const { db, outbox } = t.runtime.deps;
    await expect(
      db.transaction(async (tx) => {
        await outbox.send(tx, QUEUES.mail, { to: 'rollback@example.be', subject: 'Never', text: 'never', html: '<p>never</p>' });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    await db.transaction((tx) =>
      outbox.send(tx, QUEUES.mail, { to: 'commit@example.be', subject: 'Committed', text: 'yes', html: '<p>yes</p>' }),
    );
    await t.smtp.waitFor('commit@example.be', /Committed/);
    await new Promise((r) => setTimeout(r, 1000));
    expect(t.smtp.to('rollback@example.be')).toEqual([]);
  });
});
