import { mkdirSync, writeFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guest, match, order, ticket } from '../../src/db/schema/index.ts';
import { clubWithOwner, matchOnSale } from '../support/catalog.ts';
import { createUser, linkIn, signIn } from '../support/harness.ts';
import { accessibilityViolations, chromiumAvailable, labelProblems, launchBrowser, type TestBrowser } from './browser.ts';
import { type ServedApp, serveTestApp } from './serve.ts';

const SHOTS = '/tmp/shots-guests';

/** The verdict the scanner shows (its result code), once it shows `expected`. */
const verdict = (page: Page, expected: string) =>
  page.waitForFunction((code) => document.getElementById('scan-result')?.dataset.result === code, expected, { timeout: 15_000 });

describe.skipIf(!chromiumAvailable())('guest lists in a browser', () => {
  let served: ServedApp | undefined;
  let browser: TestBrowser | null = null;

  beforeAll(async () => {
    served = await serveTestApp({ TRUST_PROXY: 'false' });
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('a club creates a guest list, imports a CSV, and a steward admits a guest by name and counts a free child', {
    timeout: 180_000,
  }, async () => {
    if (!browser || !served) throw new Error('browser not launched');
    const { t, baseURL } = served;
    const db = t.runtime.deps.db;
    const ctx = await clubWithOwner(t, 'Guest Day FC');
    const { matchId } = await matchOnSale(t, ctx, 'Visitors FC');
    await createUser(t, 'gate.steward@example.be', 'Gina Gate');
    const steward = await signIn(t, 'gate.steward@example.be');
    await ctx.owner.post(`${ctx.base}/staff/invite`, { email: 'gate.steward@example.be', role: 'steward' });
    const mail = await t.smtp.waitFor('gate.steward@example.be', /Guest Day FC/);
    await steward.post(`${new URL(linkIn(mail, `${baseURL}/invitations/`)).pathname}/accept`, {});

    const problems: string[] = [];
    const inaccessible: string[] = [];
    /** `expected400`: the page answers a refused form with 400 on purpose (the bad CSV), which Chromium logs. */
    const watch = (page: Page, expected400 = false) => {
      page.on('pageerror', (error) => void problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        if (expected400 && message.text().includes('status of 400')) return;
        problems.push(`console error: ${message.text()}`);
      });
    };
    const audit = async (page: Page, where: string) => {
      for (const v of [...(await accessibilityViolations(page)), ...(await labelProblems(page))]) inaccessible.push(`${where}: ${v}`);
    };

    // The owner, at a desk: from the match page to its guest lists, a new list with 6 seats in Main.
    const desk = await browser.newContext({ baseURL, locale: 'en-BE', viewport: { width: 1366, height: 900 } });
    await desk.addCookies([...ctx.owner.cookies].map(([name, value]) => ({ name, value, url: baseURL })));
    const page = await desk.newPage();
    watch(page, true);
    await page.goto(`${ctx.base}/matches/${matchId}`);
    await page.getByRole('link', { name: 'Guest lists' }).click();
    await page.getByRole('heading', { name: 'Guest lists', level: 1 }).waitFor();
    await page.getByLabel('Name of the list').fill('Sponsors');
    await page.getByLabel('Kind').selectOption('sponsors');
    await page.getByRole('spinbutton', { name: 'Main' }).fill('6');
    await audit(page, 'guest lists');
    await page.screenshot({ path: `${SHOTS}/guest-lists-1366.png`, fullPage: true });
    await page.getByRole('button', { name: 'Create the list' }).click();
    await page.getByRole('heading', { name: 'Sponsors', level: 1 }).waitFor();

    // A CSV as Excel writes it in Brussels: BOM, semicolons. First with a bad line: nothing imported.
    const csvPath = `${SHOTS}/guests.csv`;
    writeFileSync(csvPath, '\uFEFFname;email;places\r\nMarie Dupont;;2\r\n;nobody@example.be;1\r\n');
    await page.getByLabel('CSV file').setInputFiles(csvPath);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Line 3: the name is missing').waitFor();
    expect(await db.select().from(guest)).toHaveLength(0);
    await page.screenshot({ path: `${SHOTS}/guest-import-refused-1366.png`, fullPage: true });
    writeFileSync(csvPath, '\uFEFFname;email;places\r\nMarie Dupont;;2\r\nPaul Press;paul@example.be;1\r\nOlga Offline;;1\r\n');
    await page.getByLabel('CSV file').setInputFiles(csvPath);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('3 guests imported.').waitFor();
    await page.getByRole('cell', { name: /^Marie Dupont none/ }).waitFor();
    await audit(page, 'guest list');
    await page.screenshot({ path: `${SHOTS}/guest-list-1366.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/guest-list-390.png`, fullPage: true });
    await t.smtp.waitFor('paul@example.be', /Your tickets/);
    await db.update(match).set({ freeEntryUnder: 12 }).where(eq(match.id, matchId));

    // The steward at the gate, phone in hand: Guests mode, "dup", 2 places in one tap.
    const phone = await browser.newContext({ baseURL, locale: 'en-BE', viewport: { width: 390, height: 844 } });
    await phone.addCookies([...steward.cookies].map(([name, value]) => ({ name, value, url: baseURL })));
    const gate = await phone.newPage();
    watch(gate);
    await gate.goto('/scan');
    await gate.getByRole('button', { name: 'Scan for Guest Day FC' }).click();
    await gate.getByRole('button', { name: 'Start scanning' }).click();
    await gate.locator('#scan-modes button[data-mode="guests"]').waitFor({ state: 'visible', timeout: 20_000 });
    await gate.locator('#scan-modes button[data-mode="guests"]').click();
    await gate.getByLabel("Guest's name").fill('dup');
    await gate.getByText('Sponsors · Main · 0 of 2 entered').waitFor();
    await audit(gate, 'scanner guests');
    await gate.screenshot({ path: `${SHOTS}/scanner-guests-390.png` });
    await gate.getByRole('button', { name: 'Admit 2 places — Marie Dupont' }).click();
    await verdict(gate, 'ok');
    await gate.screenshot({ path: `${SHOTS}/scanner-guest-admitted-390.png` });
    const [marie] = await db.select().from(guest).where(eq(guest.name, 'Marie Dupont'));
    const tickets = await db.select().from(ticket).where(eq(ticket.orderId, marie!.orderId));
    expect(tickets.filter((tk) => tk.usedAt !== null)).toHaveLength(2);
    await gate.evaluate(() => document.getElementById('scan-result')!.click());
    await gate.getByText('Every place of Marie Dupont has already entered.').waitFor();

    // Free entry: one tap on the stand's button counts one child.
    await gate.locator('#scan-modes button[data-mode="free"]').click();
    await gate.getByText('Children under 12 enter free').waitFor();
    await audit(gate, 'scanner free entry');
    await gate.getByRole('button', { name: 'Free entry: Main' }).click();
    await verdict(gate, 'ok');
    await gate.getByText('Free entry counted: Main').waitFor();
    await gate.evaluate(() => document.getElementById('scan-result')!.click());
    await gate.screenshot({ path: `${SHOTS}/scanner-free-390.png` });

    // No network: the guests of the last sync are still found, and a place let in is queued, then uploaded.
    await gate.locator('#scan-modes button[data-mode="guests"]').click();
    await phone.setOffline(true);
    await gate.getByLabel("Guest's name").fill('olga');
    await gate.getByText('Sponsors · Main · 0 of 1 entered').waitFor();
    await gate.getByRole('button', { name: 'Admit 1 place — Olga Offline' }).click();
    await verdict(gate, 'ok');
    expect(await gate.locator('#result-detail').textContent()).toContain('checked offline');
    await gate.evaluate(() => document.getElementById('scan-result')!.click());
    await gate
      .locator('#scan-counters')
      .getByText(/^4 of [45] admitted/)
      .waitFor(); // Marie's 2, a child, Olga (the child counts as expected from the next sync)
    await gate.screenshot({ path: `${SHOTS}/scanner-guest-offline-390.png` });
    const [olga] = await db.select().from(guest).where(eq(guest.name, 'Olga Offline'));
    const [olgaTicket] = await db.select().from(ticket).where(eq(ticket.orderId, olga!.orderId));
    expect(olgaTicket!.usedAt).toBeNull();
    // A child let in free without network: one of the seats the phone kept while online, sent when back.
    const freeOrders = async () =>
      (
        await db
          .select()
          .from(order)
          .where(and(eq(order.matchId, matchId), eq(order.channel, 'free_entry')))
      ).length;
    expect(await freeOrders()).toBe(1);
    await gate.locator('#scan-modes button[data-mode="free"]').click();
    await gate.getByRole('button', { name: 'Free entry: Main' }).click();
    await verdict(gate, 'ok');
    await gate.getByText('Free entry counted on this phone: Main. It is sent when the network is back.').waitFor();
    await gate.evaluate(() => document.getElementById('scan-result')!.click());
    await phone.setOffline(false);
    await gate.waitForFunction(() => document.getElementById('scan-status')?.textContent === 'Online', undefined, { timeout: 30_000 });
    const [uploaded] = await db.select().from(ticket).where(eq(ticket.id, olgaTicket!.id));
    expect(uploaded!.usedAt).not.toBeNull();
    await expect.poll(freeOrders, { timeout: 30_000 }).toBe(2);

    expect(problems).toEqual([]);
    expect(inaccessible).toEqual([]);
    await desk.close();
    await phone.close();
  });
});
