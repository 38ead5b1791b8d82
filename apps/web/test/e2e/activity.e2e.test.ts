import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyAndPay, clubWithOwner, matchOnSale, postOk, refundableTickets } from '../support/catalog.ts';
import { createUser, PASSWORD, signIn } from '../support/harness.ts';
import { accessibilityViolations, chromiumAvailable, labelProblems, launchBrowser, type TestBrowser } from './browser.ts';
import { type ServedApp, serveTestApp } from './serve.ts';

const results = (name: string) => fileURLToPath(new URL(`../../test-results/${name}`, import.meta.url));
const see = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 10_000 });

async function screenshot(page: Page, name: string) {
  const file = results(name);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  expect(statSync(file).size).toBeGreaterThan(0);
}

describe.skipIf(!chromiumAvailable())('the activity log in a browser', () => {
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

  it('reads as sentences on a phone and on a laptop: the club page, a match and an order', { timeout: 90_000 }, async () => {
    if (!browser || !served) throw new Error('browser not launched');
    const t = served.t;
    const _db = t.runtime.deps.db;
    // A club's week, made the quick way: a match on sale, an order paid, one ticket refunded, a gate
    // added and revoked, a steward's role changed.
    const ctx = await clubWithOwner(t, 'Royal Ledger FC', 'sarah.steward@example.be');
    const { matchId, matchStandId } = await matchOnSale(t, ctx, 'Sporting Anderlecht B');
    await createUser(t, 'fan@example.be', 'Farida Fan');
    const fan = await signIn(t, 'fan@example.be');
    const paid = await buyAndPay(t, fan, matchId, matchStandId, 3);
    const [picked] = await refundableTickets(ctx.owner, ctx.base, paid.id);
    await postOk(ctx.owner, `${ctx.base}/orders/${paid.id}/refund`, { 'ticket[]': picked!, confirm: 'yes' });
    await postOk(ctx.owner, `${ctx.base}/orders/${paid.id}/resend`, {});
    await postOk(fan, `/account/tickets/orders/${paid.reference}/resend`, {});
    await ctx.owner.post(`${ctx.base}/devices`, { name: 'Gate North', kind: 'gate' });
    await postOk(ctx.owner, `${ctx.base}/staff/invite`, { email: 'volunteer@example.be', role: 'steward' });

    const problems: string[] = [];
    const inaccessible: string[] = [];
    for (const [size, viewport] of [
      ['390', { width: 390, height: 844 }],
      ['1366', { width: 1366, height: 900 }],
    ] as const) {
      const context = await browser.newContext({ baseURL: served.baseURL, locale: 'en-BE', viewport });
      const page = await context.newPage();
      page.on('pageerror', (error) => void problems.push(`page error: ${error.message}`));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
      });
      const audit = async () => {
        const where = new URL(page.url()).pathname;
        inaccessible.push(...[...(await accessibilityViolations(page)), ...(await labelProblems(page))].map((v) => `${where} ${v}`));
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      };
      await page.goto('/sign-in');
      await page.getByLabel('E-mail address').fill('sarah.steward@example.be');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await see(page.getByRole('button', { name: 'Sign out' }));

      // From the dashboard to the club's log.
      await page.goto(ctx.base);
      await page.getByRole('link', { name: 'Activity log' }).click();
      await see(page.getByRole('heading', { name: 'Activity · Royal Ledger FC' }));
      await see(page.getByText('Refunded 1 ticket (€11.00)').first());
      await see(page.getByText('Invited volunteer@example.be as Steward'));
      await audit();
      await screenshot(page, `activity-club-${size}.png`);
      // One match's lines, by the filter.
      await page.getByLabel('Match').selectOption(matchId);
      await page.getByRole('button', { name: 'Show' }).click();
      await see(page.getByText('Put the match on sale'));
      expect(await page.getByText('Added the device Gate North').count()).toBe(0);

      await page.goto(`${ctx.base}/matches/${matchId}#history`);
      const history = page.locator('#history');
      await see(history.getByRole('heading', { name: 'History' }));
      await see(history.getByText('Refunded 1 ticket (€11.00)'));
      await audit();
      await history.screenshot({ path: results(`activity-match-${size}.png`) });

      await page.goto(`${ctx.base}/orders/${paid.id}`);
      await see(page.locator('#history').getByText('Sent the tickets again by e-mail').first());
      await see(page.locator('#history').getByText('Farida Fan (buyer)', { exact: false }));
      await audit();
      await screenshot(page, `activity-order-${size}.png`);
      await context.close();
    }
    expect(problems).toEqual([]);
    expect(browser.foreignRequests()).toEqual([]);
    expect([...new Set(inaccessible)]).toEqual([]);
  });
});
