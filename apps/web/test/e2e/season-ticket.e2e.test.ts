import { mkdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { order, scan, seasonPass, seasonProduct } from '../../src/db/schema/index.ts';
import { clubWithOwner, matchOnSale } from '../support/catalog.ts';
import { createUser, linkIn, PASSWORD, signIn } from '../support/harness.ts';
import { matchOnStand } from '../support/season-club.ts';
import { chromiumAvailable, launchBrowser, type TestBrowser } from './browser.ts';
import { type ServedApp, serveTestApp } from './serve.ts';

// Issue 19's walk through the whole season ticket: the club makes it, a supporter buys it, the steward's
// scanner lets its one code in once per covered match.
const SHOTS = '/tmp/shots-season';
const PHONE = { width: 390, height: 844 };

/** The verdict the scanner shows (its result code), once it shows `expected`; then cleared for the next one. */
async function verdict(page: Page, expected: string) {
  await page.waitForFunction((code) => document.getElementById('scan-result')?.dataset.result === code, expected, { timeout: 15_000 });
  const word = await page.locator('#result-word').textContent();
  await page.evaluate(() => {
    const screen = document.getElementById('scan-result')!;
    screen.dataset.result = '';
    screen.hidden = true;
  });
  return word;
}

async function signInAs(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).last().click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

describe.skipIf(!chromiumAvailable())('a season ticket from the club to the gate, in a browser', () => {
  let served: ServedApp | undefined;
  let browser: TestBrowser | null = null;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    served = await serveTestApp({ TRUST_PROXY: 'false' });
    browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('is created for three matches, bought with the demo payment, and admitted once at match 1 and again at match 2', {
    timeout: 240_000,
  }, async () => {
    if (!browser || !served) throw new Error('browser not launched');
    const { t, baseURL } = served;
    const db = t.runtime.deps.db;
    const ctx = await clubWithOwner(t, 'Saison FC', 'owner@saison.be');
    const first = await matchOnSale(t, ctx, 'Racing Jette');
    const second = await matchOnStand(t, ctx, { venueId: first.venueId, standId: first.standId, opponentName: 'FC Uccle', days: 15 });
    await matchOnStand(t, ctx, { venueId: first.venueId, standId: first.standId, opponentName: 'Union Evere', days: 29 });
    await createUser(t, 'steward@saison.be', 'Sam Steward');
    const steward = await signIn(t, 'steward@saison.be');
    await ctx.owner.post(`${ctx.base}/staff/invite`, { email: 'steward@saison.be', role: 'steward' });
    const invitation = await t.smtp.waitFor('steward@saison.be', /Saison FC/);
    await steward.post(`${new URL(linkIn(invitation, `${baseURL}/invitations/`)).pathname}/accept`, {});
    await createUser(t, 'abonne@saison.be', 'Alex Abonné');
    const problems: string[] = [];

    // The club: Season tickets → New → the form with its three matches → created.
    const club = await browser.newContext({ baseURL, locale: 'en-BE', viewport: PHONE });
    const owner = await club.newPage();
    owner.on('pageerror', (error) => void problems.push(`owner page error: ${error.message}`));
    await signInAs(owner, 'owner@saison.be');
    await owner.goto(`${ctx.base}/seasons/new`);
    await owner.getByLabel('Season', { exact: true }).fill('2026–27');
    await owner.getByLabel('Name', { exact: true }).fill('Main stand season');
    await owner.getByLabel('Stand').selectOption({ label: 'Main (Park)' });
    await owner.getByLabel('Adult (€)').fill('90');
    for (const opponent of [/Racing Jette/, /FC Uccle/, /Union Evere/]) await owner.getByLabel(opponent).check();
    await owner.getByRole('button', { name: 'Create the season ticket' }).click();
    await owner.getByText('The season ticket is created.').waitFor();
    await owner.screenshot({ path: `${SHOTS}/club-product-390.png`, fullPage: true });
    const [product] = await db.select().from(seasonProduct).where(eq(seasonProduct.name, 'Main stand season'));
    expect(product).toBeDefined();
    await club.close();

    // The supporter: the product's page, one adult pass, the demo payment.
    const fan = await browser.newContext({ baseURL, locale: 'en-BE', viewport: PHONE });
    const buyer = await fan.newPage();
    buyer.on('pageerror', (error) => void problems.push(`buyer page error: ${error.message}`));
    await signInAs(buyer, 'abonne@saison.be');
    await buyer.goto(`/seasons/${product!.id}`);
    await buyer.locator(`button[name="step"][value="q_${product!.id}_adult:up"]`).click();
    await buyer.getByRole('button', { name: 'Continue to payment' }).last().click();
    await buyer.getByRole('button', { name: 'Pay (demo)' }).click();
    await buyer.waitForURL(/\/account\/orders\//);
    const [paid] = await db.select().from(order).where(eq(order.seasonProductId, product!.id));
    expect(paid?.status).toBe('paid');
    const [pass] = await db.select().from(seasonPass).where(eq(seasonPass.orderId, paid!.id));
    await buyer.goto('/account/tickets');
    await buyer
      .getByRole('heading', { name: /Main stand season/ })
      .first()
      .waitFor();
    await buyer.screenshot({ path: `${SHOTS}/my-tickets-390.png`, fullPage: true });
    await fan.close();

    // The steward's scanner: match 1 lets the code in, then refuses it; match 2 lets it in.
    const gate = await browser.newContext({ baseURL, locale: 'en-BE', viewport: PHONE });
    await gate.addCookies([...steward.cookies].map(([name, value]) => ({ name, value, url: baseURL })));
    const scanner = await gate.newPage();
    scanner.on('pageerror', (error) => void problems.push(`scanner page error: ${error.message}`));
    const typeCode = async (code: string) => {
      await scanner.getByLabel('Ticket code').fill(code);
      await scanner.getByLabel('Ticket code').press('Enter');
    };
    const scanFor = async (matchId: string) => {
      await scanner.locator('#match-select').selectOption(matchId);
      await scanner.getByRole('button', { name: 'Start scanning' }).click();
      await scanner
        .getByText(/admitted/)
        .first()
        .waitFor(); // the first sync is in
    };
    await scanner.goto('/scan');
    await scanner.getByRole('button', { name: 'Scan for Saison FC' }).click();
    await scanFor(first.matchId);
    await typeCode(pass!.code);
    expect(await verdict(scanner, 'ok')).toBe('Admitted');
    await typeCode(pass!.code);
    expect(await verdict(scanner, 'already_used')).toBeTruthy();
    await scanner.screenshot({ path: `${SHOTS}/scanner-match1-390.png`, fullPage: true });
    await scanner.getByText('Menu', { exact: true }).click();
    await scanner.getByRole('button', { name: 'Change match' }).click();
    await scanFor(second.matchId);
    await typeCode(pass!.code);
    expect(await verdict(scanner, 'ok')).toBe('Admitted');
    await gate.close();

    const scans = await db.select().from(scan).orderBy(scan.scannedAt);
    expect(scans.map((s) => [s.matchId === first.matchId ? 1 : s.matchId === second.matchId ? 2 : 0, s.result])).toEqual([
      [1, 'ok'],
      [1, 'already_used'],
      [2, 'ok'],
    ]);
    expect(problems).toEqual([]);
  });
});
