import { QUEUES } from '../domain/outbox.ts';
import type { MailMessage, MailTransport } from '../integrations/mail/transport.ts';
import type { Jobs } from './jobs.ts';

// A failed delivery throws, so pg-boss retries it with backoff; the job holds the whole message.
export async function workMail(jobs: Jobs, transport: MailTransport, pollingIntervalSeconds = 2): Promise<void> {
  await jobs.boss.work<MailMessage>(QUEUES.mail, { pollingIntervalSeconds }, async (batch) => {
    for (const job of batch) await transport.send(job.data);
  });
}
