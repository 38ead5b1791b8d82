import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';

/** What a mail says, rendered (jobs/mail-templates.ts renders FootArena's). */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export interface MailMessage extends MailContent {
  to: string;
  /** Files and inline images (`cid`): the tickets e-mail. */
  attachments?: { filename: string; content: Buffer | string; contentType: string; cid?: string }[];
}

/** A message as the file transport stores it (`<id>.json`), each attachment in `<id>.<index>.part`. */
export interface StoredMail extends MailContent {
  to: string;
  from: string;
  date: string;
  attachments: { filename: string; contentType: string; size: number; cid?: string }[];
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** SMTP when a URL is configured; otherwise each message is written as a file the operator can read. */
export function createMailTransport(opts: { smtpUrl?: string; from: string; mailDir: string }): MailTransport {
  if (opts.smtpUrl) {
    const transporter = nodemailer.createTransport(opts.smtpUrl);
    return {
      async send(message) {
        await transporter.sendMail({ from: opts.from, ...message });
      },
    };
  }
  mkdirSync(opts.mailDir, { recursive: true });
  const streamer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await streamer.sendMail({ from: opts.from, ...message });
      const base = `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^\w.-]/g, '')}`;
      writeFileSync(path.join(opts.mailDir, `${base}.eml`), info.message as Buffer);
      // Each attachment beside the message, so the dev mailbox lists and serves it without parsing the .eml.
      const files = (message.attachments ?? []).map((a, i) => {
        const content = typeof a.content === 'string' ? Buffer.from(a.content) : a.content;
        writeFileSync(path.join(opts.mailDir, `${base}.${i}.part`), content);
        return { filename: a.filename, contentType: a.contentType, size: content.length, ...(a.cid ? { cid: a.cid } : {}) };
      });
      writeFileSync(
        path.join(opts.mailDir, `${base}.json`),
        JSON.stringify({ ...message, attachments: files, from: opts.from, date: new Date().toISOString() } satisfies StoredMail),
      );
    },
  };
}
