import { mkdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { device, matchStand, order, ticket } from '../../src/db/schema/index.ts';
import { clubWithOwner, matchOnSale } from '../support/catalog.ts';
import { createUser, linkIn, signIn } from '../support/harness.ts';
import { accessibilityViolations, chromiumAvailable, labelProblems, launchBrowser, type TestBrowser } from './browser.ts';
import { type ServedApp, serveTestApp } from './serve.ts';

const SHOTS = '/tmp/shots-office';

describe.skipIf(!chromiumAvailable())('the box office in the steward’s phone, in a browser', () => {
  let served: ServedApp | undefined;
  let browser: TestBrowser | null = null;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    served = await serveTestApp({ TRUST_PROXY: 'false' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  const noProblems = async (page: Page) => {
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await labelProblems(page)).toEqual([]);
  };

  it('sells two tickets for cash that are admitted, takes a basket paid on the buyer’s own phone (the screen turns green), and reports both', {
    timeout: 180_000,
  }, async () => {
    if (!browser || !served) throw new Error('browser not launched');
    const { baseURL, t } = served;
    const db = t.runtime.deps.db;
    const ctx = await clubWithOwner(t, 'Box Office FC');
    const sale = await matchOnSale(t, ctx, 'Cash Rovers');
    // A steward joins through an invitation, and the owner lets them sell at the gate.
    await createUser(t, 'seller@example.be', 'Sarah Seller');
    const steward = await signIn(t, 'seller@example.be');
    await ctx.owner.post(`${ctx.base}/staff/invite`, { email: 'seller@example.be', role: 'steward' });
    const mail = await t.smtp.waitFor('seller@example.be', /Box Office FC/);
    await steward.post(`${new URL(linkIn(mail, `${baseURL}/invitations/`)).pathname}/accept`, {});

    const owner = await browser.newContext({ baseURL, locale: 'en-BE', viewport: { width: 1366, height: 900 } });
    await owner.addCookies([...ctx.owner.cookies].map(([name, value]) => ({ name, value, url: baseURL })));
    const office = await owner.newPage();
    await office.goto(`${ctx.base}/box-office`);
    await office.getByRole('button', { name: 'Let sell · Sarah Seller' }).click();
    await office.getByText('Saved.').waitFor();
    await office.screenshot({ path: `${SHOTS}/box-office-1366.png`, fullPage: true });
    await noProblems(office);

    const phone = await browser.newContext({ baseURL, locale: 'en-BE', viewport: { width: 390, height: 844 } });
    await phone.addCookies([...steward.cookies].map(([name, value]) => ({ name, value, url: baseURL })));
    const page = await phone.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => void problems.push(error.message));
    await page.goto('/scan');
    await page.getByRole('button', { name: 'Scan for Box Office FC' }).click();
    await page.getByRole('button', { name: 'Start scanning' }).click();
    await page.locator('#scan-modes').getByRole('button', { name: 'Sell' }).click();

    // Two adults, for cash: sold and admitted at once.
    await page.getByRole('button', { name: 'Main' }).waitFor();
    await page.getByRole('button', { name: 'One Adult more' }).click();
    await page.getByRole('button', { name: 'One Adult more' }).click();
    await page
      .locator('#sell-total')
      .getByText(/20\.00/)
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/sell-basket-390.png`, fullPage: true });
    await noProblems(page);
    await page.getByRole('button', { name: 'Cash', exact: true }).click();
    await page
      .locator('#sell-result')
      .getByText(/2 tickets sold for €\s?20\.00 and admitted/)
      .waitFor();
    await page.locator('#scan-counters').getByText('2 of 2 admitted').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${SHOTS}/sell-cash-admitted-390.png`, fullPage: true });
    const [scanner] = await db.select().from(device).where(eq(device.name, 'Sarah Seller · browser'));
    const cashTickets = await db.select().from(ticket).where(eq(ticket.usedByDevice, scanner!.id));
    expect(cashTickets).toHaveLength(2);

    // One adult on the buyer's own phone: a QR code of the payment page, the screen waits.
    await page.getByRole('button', { name: 'One Adult more' }).click();
    await page.getByRole('button', { name: "Buyer's phone" }).click();
    await page.locator('#sell-qr svg').waitFor();
    await page.screenshot({ path: `${SHOTS}/sell-phone-qr-390.png`, fullPage: true });
    await noProblems(page);
    const payUrl = await page.locator('#sell-pay-link').getAttribute('href');
    expect(payUrl).toMatch(/\/gate-pay\/[\w-]{43}$/);

    // The buyer, on their phone (another browser, not signed in), pays the demo page.
    const buyer = await browser.newContext({ baseURL, locale: 'en-BE', viewport: { width: 390, height: 844 } });
    const buyerPage = await buyer.newPage();
    await buyerPage.goto(payUrl!);
    await buyerPage.getByText(/Total: €\s?10\.00/).waitFor();
    await buyerPage.screenshot({ path: `${SHOTS}/gate-pay-390.png`, fullPage: true });
    await noProblems(buyerPage);
    await buyerPage.getByLabel('E-mail address (optional)').fill('walkin@example.be');
    await buyerPage.getByRole('button', { name: /Pay €\s?10\.00/ }).click();
    await buyerPage.getByRole('button', { name: /Pay/ }).first().click();
    await buyerPage.waitForURL(/\/guest-orders\//);
    await buyerPage.screenshot({ path: `${SHOTS}/gate-paid-tickets-390.png`, fullPage: true });

    // The steward's screen turns green by itself.
    await page
      .locator('#sell-result[data-result="ok"]')
      .getByText(/Paid on the phone \(€\s?10\.00\): 1 ticket admitted/)
      .waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${SHOTS}/sell-phone-paid-390.png`, fullPage: true });

    // End of shift: the cash counted against what was sold.
    await page.getByText('End of shift: count the cash').click();
    await page.getByLabel('Cash counted (€)').fill('20');
    await page.getByLabel('Your name').fill('Sarah Seller');
    await page.getByRole('button', { name: 'Close the shift' }).click();
    await page.locator('#sell-count').getByText('Shift closed by Sarah Seller').waitFor();
    await page.screenshot({ path: `${SHOTS}/sell-shift-closed-390.png`, fullPage: true });
    expect(problems).toEqual([]);

    // The match-day report shows both channels, on a laptop and on a phone.
    await office.goto(`${ctx.base}/matches/${sale.matchId}/match-day`);
    const row = (channel: string) => office.locator(`#match-day-report tr[data-channel="${channel}"]`);
    expect((await row('gate_cash').locator('td').allTextContents()).join(' ')).toMatch(/Gate, cash 1 2 €\s?20\.00 €\s?0\.00/);
    expect((await row('gate_phone').locator('td').allTextContents()).join(' ')).toMatch(/Gate, paid by phone 1 1 €\s?10\.00 €\s?0\.00/);
    await office.screenshot({ path: `${SHOTS}/match-day-1366.png`, fullPage: true });
    await noProblems(office);
    await office.setViewportSize({ width: 390, height: 844 });
    await office.screenshot({ path: `${SHOTS}/match-day-390.png`, fullPage: true });
    const [paid] = await db.select().from(order).where(eq(order.email, 'walkin@example.be'));
    expect(paid).toMatchObject({ status: 'paid', channel: 'box_office' });
    expect(browser.foreignRequests()).toEqual([]);
    await owner.close();
    await phone.close();
    await buyer.close();
  });

  it('keeps selling for cash without network from the seats the phone reserved, refuses beyond them, and uploads when back', {
    timeout: 180_000,
  }, async () => {
    if (!browser || !served) throw new Error('browser not launched');
    const { baseURL, t } = served;
    const db = t.runtime.deps.db;
    const ctx = await clubWithOwner(t, 'Offline Office FC');
    const sale = await matchOnSale(t, ctx, 'No Network United');
    expect((await ctx.owner.post(`${ctx.base}/box-office/settings`, { quotaSeats: '2' })).status).toBe(303);
    // The owner sells from their own browser scanner (owners always may).
    const phone = await browser.newContext({ baseURL, locale: 'en-BE', viewport: { width: 390, height: 844 } });
    await phone.addCookies([...ctx.owner.cookies].map(([name, value]) => ({ name, value, url: baseURL })));
    const page = await phone.newPage();
    await page.goto('/scan');
    await page.getByRole('button', { name: 'Scan for Offline Office FC' }).click();
    await page.getByRole('button', { name: 'Start scanning' }).click();
    await page.locator('#scan-modes').getByRole('button', { name: 'Sell' }).click();
    await page.locator('#sell-quota').getByText('2 of them for sales without network').waitFor();

    await phone.setOffline(true);
    await page.getByRole('button', { name: 'One Adult more' }).click();
    await page.getByRole('button', { name: 'One Adult more' }).click();
    await page.getByRole('button', { name: 'One Adult more' }).click();
    await page.getByRole('button', { name: 'Cash', exact: true }).click();
    await page
      .locator('#sell-result[data-result="error"]')
      .getByText(/only 2 seats left for sales without network/)
      .waitFor();
    await page.getByRole('button', { name: 'One Adult less' }).click();
    await page.getByRole('button', { name: 'Cash', exact: true }).click();
    await page
      .locator('#sell-result[data-result="ok"]')
      .getByText(/2 tickets sold offline/)
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/sell-offline-390.png`, fullPage: true });
    const seats = async () => (await db.select().from(matchStand).where(eq(matchStand.id, sale.matchStandId)))[0]!;
    expect(await seats()).toMatchObject({ sold: 0, held: 2 }); // nothing reached the server yet

    await page.locator('#sell-quota').getByText('0 seats left for you').waitFor();
    // Back online: the phone uploads the sale by itself; its tickets are admitted.
    await phone.setOffline(false);
    await expect.poll(async () => (await seats()).sold, { timeout: 20_000 }).toBe(2);
    const sold = await db.select().from(order).where(eq(order.matchId, sale.matchId));
    expect(sold).toHaveLength(1);
    expect((await db.select().from(ticket).where(eq(ticket.orderId, sold[0]!.id))).every((tk) => tk.usedAt !== null)).toBe(true);
    await phone.close();
  });
});
