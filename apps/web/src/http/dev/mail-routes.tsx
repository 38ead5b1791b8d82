import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import type { MailMessage } from '../../integrations/mail/transport.ts';
import { render } from '../../views/layouts/layout.tsx';
import { MailPage } from '../../views/pages/dev/mail-page.tsx';
import { MailboxPage } from '../../views/pages/dev/mailbox-page.tsx';
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

/** The development mailbox: what the embedded mail transport wrote, readable in the browser. */
export function devMailRoutes(dir: string) {
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      // Reset links are in there: only for someone at this machine, never through a proxy.
      if (c.get('deps').config.trustProxy || !fromLoopback(c)) return c.notFound();
      await next();
    })
    .get('/', (c) => render(c, <MailboxPage dir={dir} messages={readMailbox(dir)} />, { title: 'Dev mailbox' }))
    .get('/:name', (c) => {
      const message = readMailbox(dir).find((m) => m.id === c.req.param('name'));
      if (!message) return c.notFound();
      return render(c, <MailPage message={message} />, { title: message.subject });
    });
}
