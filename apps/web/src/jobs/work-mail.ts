import { QUEUES, type TemplateMail } from '../domain/outbox.ts';
import { DEFAULT_LOCALE, formatDateTime, formatMoney, isLocale } from '../i18n/index.ts';
import type { MailMessage, MailTransport } from '../integrations/mail/transport.ts';
import type { Jobs } from './jobs.ts';
import { renderMail } from './mail-templates.ts';

/** A message rendered by whoever sent it (better-auth's mails), or a template the domain named. */
export type MailJob = MailMessage | TemplateMail;

// A failed delivery throws, so pg-boss retries it with backoff; the job holds the whole message.
export async function workMail(jobs: Jobs, transport: MailTransport, pollingIntervalSeconds = 2): Promise<void> {
  await jobs.boss.work<MailJob>(QUEUES.mail, { pollingIntervalSeconds }, async (batch) => {
    for (const job of batch) await transport.send(renderMailJob(job.data));
  });
}

export function renderMailJob(job: MailJob): MailMessage {
  if (!('template' in job)) return job;
  const locale = isLocale(job.locale) ? job.locale : DEFAULT_LOCALE;
  const dates = Object.entries(job.dates ?? {}).map(([name, iso]) => [name, formatDateTime(new Date(iso), locale)]);
  const money = Object.entries(job.money ?? {}).map(([name, cents]) => [name, formatMoney(cents, locale)]);
  const params = { ...job.params, ...Object.fromEntries([...dates, ...money]) };
  return { to: job.to, ...renderMail(job.template, locale, params, { note: job.note }) };
}
