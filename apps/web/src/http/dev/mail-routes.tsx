import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import type { StoredMail } from '../../integrations/mail/transport.ts';
import { render } from '../../views/layouts/layout.tsx';
import { MailPage } from '../../views/pages/dev/mail-page.tsx';
import { MailboxPage } from '../../views/pages/dev/mailbox-page.tsx';
import { fromLoopback } from '../client-ip.ts';
import type { AppEnv } from '../types.ts';

type Stored = StoredMail & { id: string };

// The mail's own HTML runs nowhere near the app: no script, no request out, an opaque origin
// (sandbox), framed only by the mailbox page; its inline styles are the only thing it may use.
const MAIL_HTML_POLICY =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

function readMailbox(dir: string): Stored[] {
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files
    .sort()
    .reverse()
    .slice(0, 100)
    .map((file) => {
      const stored = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as StoredMail;
      // Messages written before attachments were kept list only their names.
      const attachments = (stored.attachments ?? []).map((a: StoredMail['attachments'][number] | string) =>
        typeof a === 'string' ? { filename: a, contentType: 'application/octet-stream', size: 0 } : a,
      );
      return { ...stored, attachments, id: file.slice(0, -5) };
    });
}

const partOf = (dir: string, id: string, index: number) => readFileSync(path.join(dir, `${id}.${index}.part`));

/** The development mailbox: what the embedded mail transport wrote, readable in the browser. */
export function devMailRoutes(dir: string) {
  const find = (id: string) => readMailbox(dir).find((m) => m.id === id);
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      // Reset links are in there: only for someone at this machine, never through a proxy.
      if (c.get('deps').config.trustProxy || !fromLoopback(c)) return c.notFound();
      await next();
    })
    .get('/', (c) => render(c, <MailboxPage dir={dir} messages={readMailbox(dir)} />, { title: 'Dev mailbox' }))
    .get('/:name', (c) => {
      const message = find(c.req.param('name'));
      if (!message) return c.notFound();
      const base = `/dev/mail/${message.id}`;
      return render(
        c,
        <MailPage
          message={message}
          htmlUrl={message.html ? `${base}/html` : null}
          attachments={message.attachments.map((a, i) => ({ ...a, url: `${base}/attachments/${i}` }))}
        />,
        { title: message.subject },
      );
    })
    .get('/:name/html', (c) => {
      const message = find(c.req.param('name'));
      if (!message?.html) return c.notFound();
      // Inline images (cid:) shown from the stored parts, as a mail client would.
      const cids = new Map(message.attachments.flatMap((a, i) => (a.cid ? [[a.cid, { ...a, index: i }] as const] : [])));
      const html = message.html.replace(/cid:([^"'\s)>]+)/g, (whole, cid: string) => {
        const part = cids.get(cid);
        return part ? `data:${part.contentType};base64,${partOf(dir, message.id, part.index).toString('base64')}` : whole;
      });
      return c.body(html, 200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': MAIL_HTML_POLICY,
        'X-Frame-Options': 'SAMEORIGIN',
      });
    })
    .get('/:name/attachments/:index', (c) => {
      const message = find(c.req.param('name'));
      const index = Number(c.req.param('index'));
      const attachment = message?.attachments[index];
      if (!message || !attachment) return c.notFound();
      let content: Buffer;
      try {
        content = partOf(dir, message.id, index);
      } catch {
        return c.notFound(); // a message stored before attachments were kept
      }
      // Downloaded, never rendered here: an attached page or image cannot act in the app's origin.
      return c.body(new Uint8Array(content), 200, {
        'Content-Type': attachment.contentType,
        'Content-Disposition': `attachment; filename="${attachment.filename.replace(/[^\w.-]/g, '_')}"`,
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'X-Content-Type-Options': 'nosniff',
      });
    });
}
