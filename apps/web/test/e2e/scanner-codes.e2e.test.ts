import { mkdirSync } from 'node:fs';
import { formatShortCode } from '@footarena/ticket-code';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { match, order, scan, ticket } from '../../src/db/schema/index.ts';
import { clubWithOwner, matchOnSale } from '../support/catalog.ts';
import { createUser, linkIn, signIn } from '../support/harness.ts';
import { accessibilityViolations, chromiumAvailable, labelProblems, launchBrowser, type TestBrowser } from './browser.ts';
import { startScannerOffline } from './scanner-steps.ts';
import { type ServedApp, serveTestApp } from './serve.ts';

const SHOTS = '/tmp/shots-codes';

/** The verdict the scanner shows (its result code), once it shows `expected`; then cleared for the next one. */
async function verdict(page: Page, expected: string) {
  await page.waitForFunction((code) => document.getElementById('scan-result')?.dataset.result === code, expected, { timeout: 15_000 });
  const shown = { word: await page.locator('#result-word').textContent(), detail: await page.locator('#result-detail').textContent() };
  await page.evaluate(() => {
    const screen = document.getElementById('scan-result')!;
    screen.dataset.result = '';
    screen.hidden = true;
  });
  return shown;
}

const typeCode = async (page: Page, code: string) => {
  await page.getByLabel('Ticket code').fill(code);
  await page.getByLabel('Ticket code').press('Enter');
};

describe.skipIf(!chromiumAvailable())('a steward admits people without a camera in a browser', () => {
  let served: ServedApp | undefined;
  let browser: TestBrowser | null = null;
  let tickets: { id: string; code: string; shortCode: string }[] = [];
  let matchId = '';
  let stewardCookies: Map<string, string>;
  let ownerCookies: Map<string, string>;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    served = await serveTestApp({ TRUST_PROXY: 'false' });
    const { t } = served;
    const ctx = await clubWithOwner(t, 'Typed FC');
    ownerCookies = ctx.owner.cookies;
    const sale = await matchOnSale(t, ctx);
    matchId = sale.matchId;
    await t.runtime.deps.db.update(match).set({ allowReentry: true }).where(eq(match.id, matchId));
    await createUser(t, 'steward@example.be', 'Sam Steward');
    const steward = await signIn(t, 'steward@example.be');
    await ctx.owner.post(`${ctx.base}/staff/invite`, { email: 'steward@example.be', role: 'steward' });
    const mail = await t.smtp.waitFor('steward@example.be', /Typed FC/);
    await steward.post(`${new URL(linkIn(mail, `${served.baseURL}/invitations/`)).pathname}/accept`, {});
    stewardCookies = steward.cookies;
    await createUser(t, 'fan@example.be', 'Fanny Dubois');
    const fan = await signIn(t, 'fan@example.be');
    expect((await fan.post(`/matches/${matchId}/checkout`, { [`q_${sale.matchStandId}_child`]: '4' })).status).toBe(303);
    const [placed] = await t.runtime.deps.db.select().from(order).where(eq(order.matchId, matchId));
    tickets = await t.runtime.deps.db
      .select({ id: ticket.id, code: ticket.code, shortCode: ticket.shortCode })
      .from(ticket)
      .where(eq(ticket.orderId, placed!.id));
    expect(tickets).toHaveLength(4);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('admits by short code online and offline, says when and where a used ticket entered, lets people out and back in, and finds a ticket by name', {
    timeout: 150_000,
  }, async () => {
    if (!browser || !served) throw new Error('browser not launched');
    const { baseURL, t } = served;
    const db = t.runtime.deps.db;
    const context = await browser.newContext({ baseURL, locale: 'en-BE', viewport: { width: 390, height: 844 } });
    await context.addCookies([...stewardCookies].map(([name, value]) => ({ name, value, url: baseURL })));
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => void problems.push(`page error: ${error.message}`));
    await page.goto('/scan');
    await page.getByRole('button', { name: 'Scan for Typed FC' }).click();
    await page.getByRole('button', { name: 'Start scanning' }).click();
    await page
      .getByText(/admitted/)
      .first()
      .waitFor(); // the first sync brought the counters (and the short codes)

    // The code printed under the QR, typed as a person reads it: admitted.
    await typeCode(page, formatShortCode(tickets[0]!.shortCode).toLowerCase());
    expect((await verdict(page, 'ok')).word).toBe('Admitted');
    // Typed again: refused, with when and by which device it entered.
    await typeCode(page, tickets[0]!.shortCode);
    const used = await verdict(page, 'already_used');
    expect(used.detail).toMatch(/^Entered at \d{2}:\d{2} · Sam Steward · browser/);
    // A typo: refused at once, with what to do.
    const code = tickets[1]!.shortCode;
    await typeCode(page, `${code.slice(0, 8)}${code[8] === 'A' ? 'B' : 'A'}`);
    expect((await verdict(page, 'unknown')).detail).toContain('Check the code');

    // The match allows re-entry: Exit lets the first one out, Entry back in.
    await page.getByRole('button', { name: 'Exit' }).click();
    await typeCode(page, tickets[0]!.code);
    expect((await verdict(page, 'ok')).word).toBe('Out: may come back in');
    await page.getByText(/inside now/).waitFor();
    await page.getByRole('button', { name: 'Entry' }).click();
    await typeCode(page, tickets[0]!.shortCode);
    expect((await verdict(page, 'ok')).word).toBe('Admitted');
    const directions = await db.select().from(scan).where(eq(scan.ticketId, tickets[0]!.id)).orderBy(scan.scannedAt);
    expect(directions.map((s) => `${s.method}:${s.direction}:${s.result}`)).toEqual([
      'typed:in:ok',
      'typed:in:already_used',
      'qr:out:ok',
      'typed:in:ok',
    ]);

    // Find a ticket by the buyer's name, admit one by hand: the usual verdict, logged as a search's admission.
    await page.getByText('Find a ticket').click();
    await page.getByLabel('Buyer’s name or order reference').fill('fanny');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('4 tickets').waitFor();
    await page.screenshot({ path: `${SHOTS}/scanner-find-390.png`, fullPage: true });
    const admitButtons = page.locator('#find-results button');
    expect(await admitButtons.count()).toBe(3); // the one inside has no button
    await admitButtons.first().click();
    expect((await verdict(page, 'ok')).word).toBe('Admitted');
    await page.getByText('4 tickets').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('#find-results button').length === 2);
    const searched = await db
      .select()
      .from(scan)
      .where(and(eq(scan.matchId, matchId), eq(scan.method, 'search')));
    expect(searched.map((s) => s.result)).toEqual(['ok']);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: `${SHOTS}/scanner-find-1366.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    expect([...(await accessibilityViolations(page)), ...(await labelProblems(page))]).toEqual([]);

    // Offline: a short code is judged from the synced short codes, and uploaded when the network is back.
    await startScannerOffline(page, context);
    const last = tickets.find((tk) => tk.id !== searched[0]!.ticketId && tk.id !== tickets[0]!.id && tk.id !== tickets[1]!.id)!;
    await typeCode(page, formatShortCode(last.shortCode));
    const offline = await verdict(page, 'ok');
    expect(offline.detail).toContain('checked offline');
    await typeCode(page, last.shortCode);
    expect((await verdict(page, 'already_used')).detail).toMatch(/Entered at \d{2}:\d{2} · Sam Steward · browser/);
    await page.screenshot({ path: `${SHOTS}/scanner-offline-390.png` });
    expect((await db.select().from(ticket).where(eq(ticket.id, last.id)))[0]!.usedAt).toBeNull();
    await context.setOffline(false);
    await page.waitForFunction(() => /^Online$/.test(document.getElementById('scan-status')?.textContent ?? ''), undefined, {
      timeout: 30_000,
    });
    expect((await db.select().from(ticket).where(eq(ticket.id, last.id)))[0]!.usedAt).not.toBeNull();
    expect(problems).toEqual([]);
    expect(browser.foreignRequests()).toEqual([]);
    await context.close();
  });

  it('lets the club allow re-entry on the match page and see who is inside per stand', { timeout: 90_000 }, async () => {
    if (!browser || !served) throw new Error('browser not launched');
    const { baseURL, t } = served;
    const context = await browser.newContext({ baseURL, locale: 'en-BE', viewport: { width: 390, height: 844 } });
    await context.addCookies([...ownerCookies].map(([name, value]) => ({ name, value, url: baseURL })));
    const page = await context.newPage();
    await page.goto(`/club/typed-fc/matches/${matchId}#details`);
    const box = page.getByLabel('Allow re-entry');
    expect(await box.isChecked()).toBe(true); // set for this match above
    await box.uncheck();
    await page.locator('#details').getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    const [off] = await t.runtime.deps.db.select().from(match).where(eq(match.id, matchId));
    expect(off!.allowReentry).toBe(false);
    await page.getByLabel('Allow re-entry').check();
    await page.locator('#details').getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByLabel('Allow re-entry').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/match-reentry-390.png` });
    expect(await accessibilityViolations(page)).toEqual([]);

    // One of those admitted goes out: the attendance page counts admissions and, beside them, who is inside.
    const [inside] = await t.runtime.deps.db.select().from(ticket).where(eq(ticket.id, tickets[0]!.id));
    await t.runtime.deps.db.update(ticket).set({ exitedAt: new Date() }).where(eq(ticket.id, inside!.id));
    await page.goto(`/club/typed-fc/matches/${matchId}/attendance`);
    const row = page.locator('tr[data-stand="Main"]');
    expect(await row.locator('td').allTextContents()).toEqual(['50', '4', '3', '2']); // seats, sold, admitted, inside;
    await page.screenshot({ path: `${SHOTS}/attendance-inside-390.png`, fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]); // the table fits a phone
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: `${SHOTS}/attendance-inside-1366.png` });
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
