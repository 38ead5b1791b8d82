import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { user } from '../../src/db/schema/index.ts';
import { clubWithOwner, matchOnSale } from '../support/catalog.ts';
import { createUser, PASSWORD } from '../support/harness.ts';
import { buySeasonPasses, insertSeasonProduct } from '../support/season-gate.ts';
import { accessibilityViolations, chromiumAvailable, labelProblems, launchBrowser, type TestBrowser } from './browser.ts';
import { type ServedApp, serveTestApp } from './serve.ts';

const results = (name: string) => fileURLToPath(new URL(`../../test-results/${name}`, import.meta.url));
const see = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 10_000 });

async function screenshot(page: Page, name: string) {
  mkdirSync(path.dirname(results(name)), { recursive: true });
  await page.screenshot({ path: results(name), fullPage: true });
}

describe.skipIf(!chromiumAvailable())("a season holder's page in a browser", () => {
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

  it('lends a match, takes it back and frees the seat, from the account, on a phone and a laptop', { timeout: 120_000 }, async () => {
    if (!browser || !served) throw new Error('browser not launched');
    const t = served.t;
    const db = t.runtime.deps.db;
    const ctx = await clubWithOwner(t, 'Royal Abonnés FC');
    const sale = await matchOnSale(t, ctx, 'RWDM B');
    const productId = await insertSeasonProduct(db, {
      clubId: ctx.club.id,
      standId: sale.standId,
      matchIds: [sale.matchId],
      priceCents: 12_000,
    });
    const problems: string[] = [];
    const inaccessible: string[] = [];
    for (const [size, viewport] of [
      ['390', { width: 390, height: 844 }],
      ['1366', { width: 1366, height: 900 }],
    ] as const) {
      const email = `holder-${size}@example.be`;
      await createUser(t, email, `Hélène ${size}`);
      const [u] = await db.select().from(user).where(eq(user.email, email));
      await buySeasonPasses(t, { clubId: ctx.club.id, productId, userId: u!.id, email });
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
      await page.getByLabel('E-mail address').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await see(page.getByRole('button', { name: 'Sign out' }));

      // From the account to the pass: one click.
      await page.goto('/account');
      await page.getByRole('link', { name: /Royal Abonnés FC · Abonnement/ }).click();
      await see(page.getByRole('heading', { name: /My season ticket/ }));
      await see(page.getByText('To come'));
      // Lend: open, fill, confirm (two clicks and the friend's address).
      await page.getByText('Lend this match').click();
      await page.getByLabel("Your friend's e-mail").fill('friend@example.be');
      await page.getByLabel('Their name (optional)').fill('Fred Friend');
      await page.getByText('Free my seat', { exact: true }).click();
      await audit();
      await screenshot(page, `season-pass-open-${size}.png`);
      await page.getByRole('button', { name: 'Lend my seat' }).click();
      await see(page.getByText('Lent to Fred Friend'));
      await audit();
      await screenshot(page, `season-pass-lent-${size}.png`);
      // Take it back: one click.
      await page.getByRole('button', { name: 'Take my seat back' }).click();
      await see(page.getByText('To come'));
      // Free the seat: open, read the credit, confirm.
      await page.getByText('Free my seat', { exact: true }).click();
      await see(page.getByText(/you get €60\.00 of credit/));
      await page.getByRole('button', { name: 'Free my seat for this match' }).click();
      await see(page.getByText('Given back'));
      await audit();
      await screenshot(page, `season-pass-given-back-${size}.png`);
      await context.close();
    }
    expect(problems).toEqual([]);
    expect([...new Set(inaccessible)]).toEqual([]);
  });
});
