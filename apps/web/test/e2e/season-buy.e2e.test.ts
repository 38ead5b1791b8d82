import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD } from '../support/harness.ts';
import { seasonOnSale } from '../support/season.ts';
import { accessibilityViolations, chromiumAvailable, launchBrowser, type TestBrowser } from './browser.ts';
import { type ServedApp, serveTestApp } from './serve.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/season-buy/', import.meta.url));
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

describe.skipIf(!chromiumAvailable())('buying a season ticket in a browser', () => {
  let served: ServedApp | undefined;
  let browser: TestBrowser | null = null;
  let productId = '';
  const problems: string[] = [];

  beforeAll(async () => {
    served = await serveTestApp({ SMTP_URL: '', TRUST_PROXY: 'false' });
    const s = await seasonOnSale(served.t, 'Abonnés United', { product: { cap: 200 } });
    productId = s.product.id;
    await createUser(served.t, 'abonne@example.be', 'Alex Abonné');
    browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  /** A screenshot, and what a page must never do: scroll sideways, or fail axe. */
  async function check(page: Page, label: string) {
    await page.waitForLoadState();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${label}.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) problems.push(`${label}: scrolls ${overflow} px sideways`);
    for (const violation of await accessibilityViolations(page)) problems.push(`${label}: ${violation}`);
  }

  it('a supporter signs in from the product page, buys two passes with the demo payment, and finds them in My tickets', {
    timeout: 240_000,
  }, async () => {
    if (!browser) throw new Error('browser not launched');
    const context = await browser.newContext({ baseURL: served!.baseURL, locale: 'en-BE', viewport: PHONE });
    const page = await context.newPage();
    let clicks = 0;
    await page.goto(`/seasons/${productId}`);
    await page.getByRole('heading', { name: 'Season ticket 2026–27 · North stand' }).waitFor();
    await check(page, 'phone-01-product');
    const plus = page.locator(`button[name="step"][value="q_${productId}_adult:up"]`);
    await plus.click();
    await plus.click();
    clicks += 2;
    expect(await page.locator('[data-total="total"]').textContent()).toBe('€264.00'); // 2 × 120, and the 10 % fee
    await page.getByRole('button', { name: 'Sign in and continue' }).click();
    clicks++;
    await page.getByLabel('E-mail address').fill('abonne@example.be');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).last().click();
    clicks++;
    // Back on the product page, signed in, the basket kept.
    await page.getByRole('heading', { name: 'Season ticket 2026–27 · North stand' }).waitFor();
    expect(await page.locator(`input[name="q_${productId}_adult"]`).inputValue()).toBe('2');
    await page.getByRole('button', { name: 'Continue to payment' }).last().click();
    clicks++;
    await page.getByRole('button', { name: 'Pay (demo)' }).waitFor();
    await check(page, 'phone-02-demo-pay');
    await page.getByRole('button', { name: 'Pay (demo)' }).click();
    clicks++;
    await page.getByText('Payment received: your order is paid.').waitFor();
    await check(page, 'phone-03-order');
    await page.goto('/account/tickets');
    await page.getByRole('heading', { name: 'Season ticket 2026–27 · North stand' }).waitFor();
    await check(page, 'phone-04-my-tickets');
    await page.locator('section.season-tickets a[href^="/account/tickets/"]').first().click();
    clicks++;
    await page.locator('.qr svg').waitFor();
    await check(page, 'phone-05-pass');
    console.log(`season buyer: ${clicks} clicks and submits from the product page to the pass's QR (2 fields typed to sign in)`);

    await context.close();
    const wide = await browser.newContext({ baseURL: served!.baseURL, locale: 'en-BE', viewport: DESKTOP });
    const desk = await wide.newPage();
    await desk.goto('/sign-in');
    await desk.getByLabel('E-mail address').fill('abonne@example.be');
    await desk.getByLabel('Password').fill(PASSWORD);
    await desk.getByRole('button', { name: 'Sign in' }).last().click();
    await desk.waitForLoadState();
    await desk.goto(`/seasons/${productId}`);
    await check(desk, 'desktop-01-product');
    await desk.goto('/account/tickets');
    await check(desk, 'desktop-02-my-tickets');
    await desk.locator('section.season-tickets a[href^="/account/tickets/"]').first().click();
    await desk.locator('.qr svg').waitFor();
    await check(desk, 'desktop-03-pass');
    await wide.close();
    expect(problems).toEqual([]);
  });
});
