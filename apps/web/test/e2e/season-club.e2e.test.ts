import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seasonPass, seasonProduct } from '../../src/db/schema/index.ts';
import { clubWithOwner, matchOnSale } from '../support/catalog.ts';
import { PASSWORD } from '../support/harness.ts';
import { matchOnStand, seasonOrder } from '../support/season-club.ts';
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

describe.skipIf(!chromiumAvailable())('the club’s season tickets in a browser', () => {
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

  it('creates a product, lists it, shows its holders and revokes one, on a phone and on a laptop', { timeout: 120_000 }, async () => {
    if (!browser || !served) throw new Error('browser not launched');
    const t = served.t;
    const db = t.runtime.deps.db;
    const ctx = await clubWithOwner(t, 'Abonnés FC', 'owner@abonnes.be');
    const first = await matchOnSale(t, ctx, 'Racing Jette');
    await matchOnStand(t, ctx, { venueId: first.venueId, standId: first.standId, opponentName: 'FC Uccle', days: 15 });

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
      await page.getByLabel('E-mail address').fill('owner@abonnes.be');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await see(page.getByRole('button', { name: 'Sign out' }));

      // Dashboard → Season tickets (1 click) → New (2) → the form, filled, created (3).
      await page.goto(ctx.base);
      await page
        .getByRole('navigation', { name: /Abonnés FC/ })
        .getByRole('link', { name: 'Season tickets' })
        .click();
      await see(page.getByRole('heading', { name: 'Season tickets · Abonnés FC' }));
      await page.getByRole('link', { name: 'New season ticket' }).click();
      await see(page.getByRole('heading', { name: 'New season ticket' }));
      await page.getByLabel('Season', { exact: true }).fill('2026–27');
      await page.getByLabel('Name', { exact: true }).fill(`Main stand ${size}`);
      await page.getByLabel('Stand').selectOption({ label: 'Main (Park)' });
      await page.getByLabel('Adult (€)').fill('150');
      await page.getByLabel('Member (€)').fill('120');
      await page.getByLabel(/Racing Jette/).check();
      await page.getByLabel(/FC Uccle/).check();
      await screenshot(page, `season-form-${size}.png`);
      await audit();
      await page.getByRole('button', { name: 'Create the season ticket' }).click();
      await see(page.getByText('The season ticket is created.'));
      await see(page.getByRole('heading', { name: `Main stand ${size} · 2026–27` }));
      await audit();
      await screenshot(page, `season-product-${size}.png`);

      const [product] = await db
        .select()
        .from(seasonProduct)
        .where(eq(seasonProduct.name, `Main stand ${size}`));
      await seasonOrder(t, {
        clubId: ctx.club.id,
        productId: product!.id,
        email: `ann-${size}@example.be`,
        buyerName: 'Ann Abonnée',
        quantity: 2,
      });
      await seasonOrder(t, {
        clubId: ctx.club.id,
        productId: product!.id,
        email: `marc-${size}@example.be`,
        buyerName: 'Marc Member',
        quantity: 1,
        category: 'member',
      });

      await page.getByRole('link', { name: 'Season tickets' }).first().click();
      await see(page.getByRole('link', { name: `Main stand ${size}` }));
      await screenshot(page, `season-list-${size}.png`);
      await audit();

      // The product → its holders (1 click), revoke one: the confirmation names the holder (2), a reason, done (3).
      await page.getByRole('link', { name: `Main stand ${size}` }).click();
      await page.getByRole('link', { name: '3 holders' }).click();
      await see(page.getByRole('heading', { name: `Holders · Main stand ${size}` }));
      await screenshot(page, `season-holders-${size}.png`);
      await audit();
      await page.getByRole('button', { name: 'Revoke the season ticket of Marc Member' }).click();
      await see(page.getByRole('heading', { name: 'Revoke the season ticket of Marc Member?' }));
      await page.getByLabel('Reason').fill('Sold his pass on a resale site');
      await screenshot(page, `season-revoke-${size}.png`);
      await audit();
      await page.getByRole('button', { name: 'Revoke the pass' }).click();
      await see(page.getByText('The season ticket of Marc Member is revoked.'));
      await see(page.getByText('Revoked', { exact: true }));
      const passes = await db.select().from(seasonPass).where(eq(seasonPass.productId, product!.id));
      expect(passes.map((p) => p.status).sort()).toEqual(['revoked', 'valid', 'valid']);
      await context.close();
    }
    expect(problems).toEqual([]);
    expect(inaccessible).toEqual([]);
  });
});
