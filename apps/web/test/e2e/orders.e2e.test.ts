import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { order, ticket } from '../../src/db/schema/index.ts';
import { buyAndPay, clubWithOwner, matchOnSale } from '../support/catalog.ts';
import { createUser, PASSWORD, signIn } from '../support/harness.ts';
import { accessibilityViolations, chromiumAvailable, labelProblems, launchBrowser, type TestBrowser } from './browser.ts';
import { type ServedApp, serveTestApp } from './serve.ts';

const results = (name: string) => fileURLToPath(new URL(`../../test-results/${name}`, import.meta.url));
const see = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 10_000 });

async function screenshot(page: Page, name: string) {
  mkdirSync(path.dirname(results(name)), { recursive: true });
  await page.screenshot({ path: results(name), fullPage: true });
}

const VIEWPORTS = [
  ['390', { width: 390, height: 844 }],
  ['1366', { width: 1366, height: 900 }],
] as const;

describe.skipIf(!chromiumAvailable())('orders, attendance and the page for clubs in a browser', () => {
  let served: ServedApp | undefined;
  let browser: TestBrowser | null = null;

  beforeAll(async () => {
    served = await serveTestApp({ TRUST_PROXY: 'false' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('lets a club refund the tickets it ticks, after a confirmation, and shows each ticket’s state', { timeout: 120_000 }, async () => {
    if (!browser || !served) throw new Error('browser not launched');
    const t = served.t;
    const db = t.runtime.deps.db;
    const ctx = await clubWithOwner(t, 'Royal Ticket FC', 'tess.treasurer@example.be');
    const { matchId, matchStandId } = await matchOnSale(t, ctx, 'Union Saint-Gilles B');
    await createUser(t, 'fan@example.be', 'Farida Fan');
    const fan = await signIn(t, 'fan@example.be');
    const paid = await buyAndPay(t, fan, matchId, matchStandId, 4);
    // Ticket 1 entered at the gate already.
    const codes = await db.select().from(ticket).where(eq(ticket.orderId, paid.id)).orderBy(ticket.createdAt, ticket.id);
    await db.update(ticket).set({ usedAt: new Date() }).where(eq(ticket.id, codes[0]!.id));

    const problems: string[] = [];
    const inaccessible: string[] = [];
    for (const [size, viewport] of VIEWPORTS) {
      const context = await browser.newContext({ baseURL: served.baseURL, locale: 'en-BE', viewport });
      const page = await context.newPage();
      page.on('pageerror', (error) => void problems.push(`page error: ${error.message}`));
      const audit = async () => {
        const where = new URL(page.url()).pathname;
        inaccessible.push(...[...(await accessibilityViolations(page)), ...(await labelProblems(page))].map((v) => `${where} ${v}`));
        expect({ where, width: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ where, width: viewport.width });
      };
      await page.goto('/sign-in');
      await page.getByLabel('E-mail address').fill('tess.treasurer@example.be');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await see(page.getByRole('button', { name: 'Sign out' }));

      await page.goto(`${ctx.base}/orders/${paid.id}`);
      const tickets = page.locator('#tickets');
      await see(tickets.getByRole('heading', { name: 'Tickets' }));
      await audit();
      await screenshot(page, `order-tickets-${size}.png`);
      if (size === '390') {
        // The ticket that entered says so and cannot be ticked; the others can.
        await see(tickets.getByText(/^Entered at \d\d:\d\d(:\d\d)?$/));
        expect(await tickets.getByRole('checkbox').count()).toBe(3);
        // Tick tickets 2 and 3 (clicking the ticket's name ticks it), refund: a confirmation first.
        await tickets.getByText('Ticket 2', { exact: true }).click();
        await tickets.getByRole('checkbox', { name: 'Ticket 3' }).check();
        await tickets.getByRole('button', { name: 'Refund the ticked tickets' }).click();
        await see(page.getByRole('heading', { name: `Refund order ${paid.reference}?` }));
        await see(page.getByText('Tickets refunded: 2', { exact: false }));
        expect((await db.select().from(order).where(eq(order.id, paid.id)))[0]!.refundedCents).toBe(0); // nothing yet
        await audit();
        await screenshot(page, `order-refund-confirm-${size}.png`);
        await page.getByLabel('Message to the buyer', { exact: false }).fill('Sorry, two seats were double-booked.');
        await page.getByRole('button', { name: /^Refund €/ }).click();
        await see(page.getByText(`Order ${paid.reference}: 2 tickets refunded`, { exact: false }));
        const states = await page.locator('#tickets li[data-state]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')));
        expect(states).toEqual(['used', 'refunded', 'refunded', 'valid']);
        await screenshot(page, `order-after-refund-${size}.png`);
      }
      await page.goto(`${ctx.base}/orders`);
      await see(page.getByText('2 refunded'));
      await see(page.getByRole('link', { name: /Download as CSV — Excel/ }));
      await screenshot(page, `orders-${size}.png`);
      await audit();

      // Attendance: every open stand, with its seats, and the scans in two CSV dialects.
      await page.goto(`${ctx.base}/matches/${matchId}/attendance`);
      await see(page.getByRole('rowheader').first());
      await screenshot(page, `attendance-${size}.png`);
      await audit();
      await context.close();
    }
    const mail = await t.smtp.waitFor('fan@example.be', /refunded/);
    expect(mail.text).toContain('Sorry, two seats were double-booked.');
    expect(problems).toEqual([]);
    expect(browser.foreignRequests()).toEqual([]);
    expect([...new Set(inaccessible)]).toEqual([]);
  });

  it('tells a club visiting the site what FootArena offers and leads it to registration', { timeout: 90_000 }, async () => {
    if (!browser || !served) throw new Error('browser not launched');
    const problems: string[] = [];
    const inaccessible: string[] = [];
    for (const [size, viewport] of VIEWPORTS) {
      const context = await browser.newContext({ baseURL: served.baseURL, locale: 'fr-BE', viewport });
      const page = await context.newPage();
      page.on('pageerror', (error) => void problems.push(`page error: ${error.message}`));
      await page.goto('/');
      await page.getByRole('link', { name: /Pour les clubs/ }).click();
      await see(page.getByRole('heading', { name: 'FootArena pour les clubs', level: 1 }));
      // The fee example is the platform's configured fee, in the reader's money format.
      await see(page.getByText(/Exemple\s: pour un ticket à 10,00\s€, le supporter paie \d+,\d\d\s€/));
      inaccessible.push(...(await accessibilityViolations(page)));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(viewport.width);
      await screenshot(page, `for-clubs-${size}.png`);
      // Registering needs an account: the sign-in page, which comes back to registration afterwards.
      await page
        .getByRole('link', { name: /Inscrire votre club/ })
        .first()
        .click();
      await page.waitForURL(/\/sign-in\?next=%2Fclubs%2Fnew/);
      await context.close();
    }
    expect(problems).toEqual([]);
    expect([...new Set(inaccessible)]).toEqual([]);
  });
});
