import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { match, order } from '../../src/db/schema/index.ts';
import { clubWithOwner, matchOnSale } from '../support/catalog.ts';
import { insertPaidOrder } from '../support/gate.ts';
import { PASSWORD } from '../support/harness.ts';
import { accessibilityViolations, chromiumAvailable, launchBrowser, type TestBrowser } from './browser.ts';
import { type ServedApp, serveTestApp } from './serve.ts';

const results = (name: string) => fileURLToPath(new URL(`../../test-results/${name}`, import.meta.url));

describe.skipIf(!chromiumAvailable())('cancelling a match in a browser', () => {
  let served: ServedApp;
  let browser: TestBrowser | null = null;
  let base = '';
  let matchId = '';

  beforeAll(async () => {
    served = await serveTestApp();
    const ctx = await clubWithOwner(served.t, 'Rainy FC');
    const sale = await matchOnSale(served.t, ctx, 'Flooded United');
    [base, matchId] = [ctx.base, sale.matchId];
    const paid = await insertPaidOrder(served.t.runtime.deps.db, {
      clubId: ctx.club.id,
      matchId,
      reference: 'FA-RAIN0001',
      lines: [{ matchStandId: sale.matchStandId, category: 'adult', unitPriceCents: 1000, quantity: 3 }],
    });
    await served.t.runtime.deps.db
      .update(order)
      .set({ subtotalCents: 3000, feeCents: 300, totalCents: 3300 })
      .where(eq(order.id, paid.orderId));
    mkdirSync(results(''), { recursive: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('takes a separate page that says what will happen, and "keep the match" changes nothing', async () => {
    const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${served.baseURL}/sign-in`);
    await page.getByLabel('E-mail address').fill('rainy-fc@example.be');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`${served.baseURL}${base}/matches/${matchId}`);
    // Next to "Pause the sale" there is no button that cancels: only the way to the confirmation.
    expect(await page.getByRole('button', { name: /Cancel/ }).count()).toBe(0);
    await page.getByRole('link', { name: 'Cancel the match…' }).click();
    await page.getByRole('heading', { name: 'Cancel Rainy FC – Flooded United?' }).waitFor();
    expect(await page.locator('[data-consequence]').textContent()).toContain('Buyers refunded in full: 1 · tickets: 3 · in all: €33.00');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: results('cancel-match-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: results('cancel-match-1366.png'), fullPage: true });
    await page.getByRole('link', { name: 'Keep the match' }).click();
    await page.getByRole('link', { name: 'Cancel the match…' }).waitFor();
    const [row] = await served.t.runtime.deps.db.select().from(match).where(eq(match.id, matchId));
    expect(row!.status).toBe('on_sale');
    expect(browser!.foreignRequests()).toEqual([]);
    await context.close();
  });
});
