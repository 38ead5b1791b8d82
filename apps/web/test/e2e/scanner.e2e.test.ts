import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { device, order, scan, ticket } from '../../src/db/schema/index.ts';
import { clubWithOwner, matchOnSale } from '../support/catalog.ts';
import { createUser, linkIn, signIn } from '../support/harness.ts';
import { accessibilityViolations, chromiumAvailable, labelProblems, launchBrowser, type TestBrowser } from './browser.ts';
import { writeQrVideo } from './fake-camera.ts';
import { startScannerOffline } from './scanner-steps.ts';
import { type ServedApp, serveTestApp } from './serve.ts';

const results = (name: string) => fileURLToPath(new URL(`../../test-results/${name}`, import.meta.url));
const CAMERA_VIDEO = results('ticket-qr.y4m');

/** The verdict the scanner shows (its result code), once it shows `expected`. */
const verdict = (page: Page, expected: string) =>
  page.waitForFunction((code) => document.getElementById('scan-result')?.dataset.result === code, expected, { timeout: 15_000 });

/** Waits until the online/offline line matches `pattern`. */
const status = (page: Page, pattern: RegExp) =>
  page.waitForFunction((source) => new RegExp(source).test(document.getElementById('scan-status')?.textContent ?? ''), pattern.source, {
    timeout: 20_000,
  });

describe.skipIf(!chromiumAvailable())('steward scanner in a browser', () => {
  let served: ServedApp | undefined;
  let browser: TestBrowser | null = null;
  let codes: string[] = [];
  let matchId = '';
  let stewardCookies: Map<string, string>;

  beforeAll(async () => {
    served = await serveTestApp({ TRUST_PROXY: 'false' });
    const { t } = served;
    const ctx = await clubWithOwner(t, 'Scan FC');
    const sale = await matchOnSale(t, ctx);
    matchId = sale.matchId;
    const { matchStandId } = sale;
    // A steward joins through an invitation; a supporter takes three free tickets.
    await createUser(t, 'steward@example.be', 'Sam Steward');
    const steward = await signIn(t, 'steward@example.be');
    await ctx.owner.post(`${ctx.base}/staff/invite`, { email: 'steward@example.be', role: 'steward' });
    const mail = await t.smtp.waitFor('steward@example.be', /Scan FC/);
    await steward.post(`${new URL(linkIn(mail, `${served.baseURL}/invitations/`)).pathname}/accept`, {});
    stewardCookies = steward.cookies;
    await createUser(t, 'fan@example.be', 'Fanny');
    const fan = await signIn(t, 'fan@example.be');
    expect((await fan.post(`/matches/${matchId}/checkout`, { [`q_${matchStandId}_child`]: '3' })).status).toBe(303);
    const [placed] = await t.runtime.deps.db.select().from(order).where(eq(order.matchId, matchId));
    codes = (await t.runtime.deps.db.select().from(ticket).where(eq(ticket.orderId, placed!.id))).map((tk) => tk.code);
    expect(codes).toHaveLength(3);
    mkdirSync(results(''), { recursive: true });
    writeQrVideo(CAMERA_VIDEO, codes[0]!);
    browser = await launchBrowser([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${CAMERA_VIDEO}`,
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('reads a ticket from the camera: green, then red on the second scan; keeps admitting offline and uploads when back', {
    timeout: 120_000,
  }, async () => {
    if (!browser || !served) throw new Error('browser not launched');
    const { baseURL, t } = served;
    const db = t.runtime.deps.db;
    const context = await browser.newContext({ baseURL, locale: 'en-BE', permissions: ['camera'], viewport: { width: 390, height: 844 } });
    await context.addCookies([...stewardCookies].map(([name, value]) => ({ name, value, url: baseURL })));
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => void problems.push(`page error: ${error.message}`));

    // The steward starts the scanner from their account: no pairing code needed.
    await page.goto('/scan');
    await page.getByRole('button', { name: 'Scan for Scan FC' }).click();
    await page.getByRole('heading', { name: 'Which match?' }).waitFor();
    expect(await page.getByLabel('Match').locator('option').allTextContents()).toEqual([expect.stringContaining('Scan FC – Scanners FC')]);
    await page.getByRole('button', { name: 'Start scanning' }).click();

    // The camera shows the first ticket: admitted, with its stand and category.
    await verdict(page, 'ok');
    await page.screenshot({ path: results('scanner-admitted.png') });
    expect(await page.locator('#result-word').textContent()).toBe('Admitted');
    expect(await page.locator('#result-detail').textContent()).toContain('Main · Child');
    const [first] = await db.select().from(ticket).where(eq(ticket.code, codes[0]!));
    expect(first!.usedAt).not.toBeNull();
    const [scanner] = await db.select().from(device).where(eq(device.name, 'Sam Steward · browser'));
    expect(first!.usedByDevice).toBe(scanner!.id);
    await page.locator('#scan-counters').getByText('1 of 3 admitted').waitFor();
    expect(await page.locator('#offline-warning').isHidden()).toBe(true); // Chromium verifies Ed25519 itself

    // The same code stays in view and is not read again until the steward taps the verdict away.
    await page.evaluate(() => document.getElementById('scan-result')!.click());
    await verdict(page, 'already_used');
    expect(await page.locator('#result-word').textContent()).toBe('Already used');
    expect(await page.locator('#scan-result').getAttribute('class')).toContain('refused');

    // Installed: once the service worker controls the page, the scanner opens with no network at all.
    await startScannerOffline(page, context);
    await status(page, /^Offline: checking on this phone/); // scans may already wait: a slow answer online is decided offline
    await verdict(page, 'already_used'); // the ticket in view, refused from the synced lists

    // A ticket typed by hand (or from a handheld reader) is admitted offline and queued.
    await page.getByLabel('Ticket code').fill(codes[1]!);
    await page.getByLabel('Ticket code').press('Enter');
    await verdict(page, 'ok');
    expect(await page.locator('#result-detail').textContent()).toContain('checked offline');
    await status(page, / · [2-9] scans to upload$/);
    const [second] = await db.select().from(ticket).where(eq(ticket.code, codes[1]!));
    expect(second!.usedAt).toBeNull(); // nothing reached the server yet

    // Back online: the queue is uploaded, the entry counts on the server.
    await context.setOffline(false);
    await status(page, /^Online$/);
    const [uploaded] = await db.select().from(ticket).where(eq(ticket.code, codes[1]!));
    expect(uploaded!.usedByDevice).toBe(scanner!.id);
    const offline = await db
      .select()
      .from(scan)
      .where(and(eq(scan.deviceId, scanner!.id), eq(scan.offline, true)));
    expect(offline.filter((s) => s.ticketId === second!.id).map((s) => s.result)).toEqual(['ok']);
    expect(new Set(offline.filter((s) => s.ticketId === first!.id).map((s) => s.result))).toEqual(new Set(['already_used']));

    // A handheld reader (a keyboard wedge) types the code and Enter, wherever the focus is.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      document.getElementById('scan-result')!.dataset.result = '';
    });
    await page.keyboard.type(codes[2]!);
    await page.keyboard.press('Enter');
    await verdict(page, 'ok');
    const [third] = await db.select().from(ticket).where(eq(ticket.code, codes[2]!));
    expect(third!.usedByDevice).toBe(scanner!.id);

    await page.evaluate(() => document.getElementById('scan-result')!.setAttribute('hidden', ''));
    // The app's own chrome (no site header), and the last scans, newest first, kept across the reload.
    expect(await page.locator('header.site').count()).toBe(0);
    const history = page.locator('#scan-history li');
    await history.filter({ hasText: 'Admitted' }).nth(2).waitFor();
    const words = await history.locator('strong').allTextContents();
    expect(words.slice(0, 2)).toEqual(['Admitted', 'Admitted']); // the handheld reader's, then the typed one
    expect(words.slice(2)).toContain('Already used'); // (the camera may have read the code in view more than once)
    expect(words.at(-1)).toBe('Admitted'); // the first scan of all
    expect(await history.nth(1).textContent()).toContain('checked offline');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: results('scanner-live.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: results('scanner-live-wide.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    expect([...(await accessibilityViolations(page)), ...(await labelProblems(page))]).toEqual([]);
    expect(problems).toEqual([]);

    // The club's report draws the entries per minute over its table.
    await page.goto(`/club/scan-fc/matches/${matchId}/attendance`);
    await page.getByText('3 of 3 tickets admitted').waitFor();
    await page.locator('svg.chart path').waitFor({ state: 'attached' }); // one minute of entries: a single point
    const plotted = await page.locator('svg.chart circle').count();
    expect(plotted).toBe(await page.locator('tr[data-minute]').count());
    expect(plotted).toBeGreaterThan(0);
    expect(browser.foreignRequests()).toEqual([]);
    await context.close();
  });
});
