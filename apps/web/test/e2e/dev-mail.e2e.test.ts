import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { order } from '../../src/db/schema/index.ts';
import { clubWithOwner, matchOnSale } from '../support/catalog.ts';
import { createUser, signIn } from '../support/harness.ts';
import { accessibilityViolations, chromiumAvailable, launchBrowser, type TestBrowser } from './browser.ts';
import { type ServedApp, serveTestApp } from './serve.ts';

const results = (name: string) => fileURLToPath(new URL(`../../test-results/${name}`, import.meta.url));

/** The dev mailbox's link to the newest message whose subject contains `subject`. */
async function messagePath(baseURL: string, subject: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const list = await (await fetch(`${baseURL}/dev/mail`)).text();
    const found = new RegExp(`href="(/dev/mail/[\\w.-]+)"><strong>[^<]*${subject}`).exec(list);
    if (found) return found[1]!;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail "${subject}" in the dev mailbox`);
}

describe.skipIf(!chromiumAvailable())('the dev mailbox', () => {
  let served: ServedApp;
  let browser: TestBrowser | null = null;
  let reference = '';

  beforeAll(async () => {
    // No SMTP: mail goes to files, shown at /dev/mail to requests from this machine.
    served = await serveTestApp({ SMTP_URL: '', TRUST_PROXY: 'false' });
    const t = served.t;
    const ctx = await clubWithOwner(t, 'Inbox FC');
    const { matchId, matchStandId } = await matchOnSale(t, ctx, 'Outbox United');
    await createUser(t, 'reader@example.be', 'Rita Reader');
    const fan = await signIn(t, 'reader@example.be');
    const checkout = await fan.post(`/matches/${matchId}/checkout`, { [`q_${matchStandId}_adult`]: '2' });
    const sessionPath = new URL(checkout.headers.get('location')!).pathname;
    await fan.post(`${sessionPath}/pay`, {});
    [{ reference }] = (await t.runtime.deps.db
      .select({ reference: order.reference })
      .from(order)
      .where(eq(order.providerSessionId, sessionPath.split('/').at(-1)!))) as [{ reference: string }];
    mkdirSync(results(''), { recursive: true });
    browser = await launchBrowser();
  }, 180_000); // a whole purchase before the first test: slow on a busy machine
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('lists each attachment with its name, type and size, each one downloadable', async () => {
    const path = await messagePath(served.baseURL, 'Inbox FC – Outbox United');
    const page = await (await fetch(`${served.baseURL}${path}`)).text();
    expect(page).toContain(`<iframe class="mail-html" sandbox="" src="${path}/html"`);
    const rows = [
      ...page.matchAll(
        /<a href="([^"]+)" download="([^"]+)">[^<]+<\/a>(?:<span[^>]*>[^<]*<\/span>)?<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td>/g,
      ),
    ].map((m) => ({ url: m[1]!, name: m[2]!, type: m[3]!, size: m[4]! }));
    expect(rows.map((r) => [r.name, r.type])).toEqual([
      ['ticket-1.png', 'image/png'],
      ['ticket-2.png', 'image/png'],
      [`tickets-${reference}.pdf`, 'application/pdf'],
      ['match.ics', 'text/calendar; charset=utf-8'],
    ]);
    for (const row of rows) {
      const file = await fetch(`${served.baseURL}${row.url}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe(row.type);
      expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${row.name}"`);
      const bytes = new Uint8Array(await file.arrayBuffer());
      expect(row.size).toBe(bytes.length < 1024 ? `${bytes.length} B` : `${(bytes.length / 1024).toFixed(1)} kB`);
      if (row.type === 'application/pdf') expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    }
    expect((await fetch(`${served.baseURL}${path}/attachments/9`)).status).toBe(404);
  });

  it('serves the HTML part on its own, sandboxed by its policy, inline images included', async () => {
    const path = await messagePath(served.baseURL, 'Inbox FC – Outbox United');
    const html = await fetch(`${served.baseURL}${path}/html`);
    const policy = html.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toMatch(/(^|; )sandbox(;|$)/);
    expect(policy).toContain("frame-ancestors 'self'");
    const body = await html.text();
    expect(body).toContain('Hello Rita Reader,');
    expect(body).not.toContain('cid:');
    expect(body).toContain('src="data:image/png;base64,');
  });

  it('shows the mail as a mail client would, and never runs what a mail carries', { timeout: 60_000 }, async () => {
    // A hostile message: its script must not run, neither in the mailbox page nor in its frame.
    await served.t.runtime.mail.send({
      to: 'victim@example.be',
      subject: 'Hostile mail',
      text: 'plain',
      html: '<p>Looks harmless</p><script>parent.document.title = "pwned"; document.body.append("script ran")</script><img src="https://tracker.example/pixel.png" alt="">',
    });
    const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    // Every request out of loopback, and how it ended: the mail's policy must stop it in the browser.
    const outside = new Map<string, string>();
    page.on('request', (request) => {
      if (!request.url().startsWith(served.baseURL) && !request.url().startsWith('data:')) outside.set(request.url(), 'sent');
    });
    page.on('requestfailed', (request) => {
      if (outside.has(request.url())) outside.set(request.url(), request.failure()?.errorText ?? 'failed');
    });
    await page.goto(`${served.baseURL}${await messagePath(served.baseURL, 'Hostile mail')}`);
    const frame = page.frameLocator('iframe.mail-html');
    await frame.getByText('Looks harmless').waitFor();
    expect(await page.title()).not.toBe('pwned');
    expect(await frame.getByText('script ran').count()).toBe(0);
    // The tracker's image never left the browser: blocked by the policy, not refused by a server.
    for (const [url, ending] of outside)
      expect({ url, ending }).toEqual({ url, ending: expect.stringMatching(/^csp$|ERR_BLOCKED_BY_CSP/) });

    await page.goto(`${served.baseURL}${await messagePath(served.baseURL, 'Inbox FC – Outbox United')}`);
    await frame.getByText('Hello Rita Reader,').waitFor();
    await frame.getByText('Park, Rue 1, 1000 Bruxelles').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: results('dev-mail-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: results('dev-mail-1366.png'), fullPage: true });
    await context.close();
  });
});
