import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import type { MailMessage } from '../../integrations/mail/transport.ts';
import { render } from '../../views/layouts/layout.tsx';
import { fromLoopback } from '../client-ip.ts';
import type { AppEnv } from '../types.ts';

type Stored = MailMessage & { id: string; date: string };

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
    .map((file) => ({
      id: file.slice(0, -5),
      ...(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as MailMessage & { date: string }),
    }));
}

const linkify = (text: string) =>
  text.split(/(https?:\/\/[^\s<]+)/g).map((part) => (/^https?:\/\//.test(part) ? <a href={part}>{part}</a> : part));

/** The development mailbox: what the embedded mail transport wrote, readable in the browser. */
export function devMailRoutes(dir: string) {
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      // Reset links are in there: only for someone at this machine, never through a proxy.
      if (c.get('deps').config.trustProxy || !fromLoopback(c)) return c.notFound();
      await next();
    })
    .get('/', (c) => {
      const messages = readMailbox(dir);
      return render(
        c,
        <>
          <h1>Dev mailbox</h1>
          <p class="alert info">
            Messages written by the embedded mail transport to <code>{dir}</code>. Set SMTP_URL to send real e-mail.
          </p>
          {messages.length === 0 ? <p class="card">No messages yet.</p> : null}
          <ul class="matches">
            {messages.map((m) => (
              <li class="card">
                <a href={`/dev/mail/${m.id}`}>
                  <strong>{m.subject}</strong>
                </a>
                <div class="meta">
                  {m.to} · {m.date}
                </div>
              </li>
            ))}
          </ul>
        </>,
        { title: 'Dev mailbox' },
      );
    })
    .get('/:name', (c) => {
      const message = readMailbox(dir).find((m) => m.id === c.req.param('name'));
      if (!message) return c.notFound();
      return render(
        c,
        <section class="card">
          <p>
            <a href="/dev/mail">← Dev mailbox</a>
          </p>
          <h1>{message.subject}</h1>
          <p class="meta">To: {message.to}</p>
          <pre class="mail">{linkify(message.text)}</pre>
        </section>,
        { title: message.subject },
      );
    });
}
