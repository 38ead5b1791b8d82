import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import jsQRModule from 'jsqr';
import type { BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { match, order, ticket } from '../../src/db/schema/index.ts';
import { clubWithOwner, matchOnSale } from '../support/catalog.ts';
import { createUser, PASSWORD, signIn, type TestApp } from '../support/harness.ts';
import { accessibilityViolations, chromiumAvailable, launchBrowser, type TestBrowser } from './browser.ts';
import { type ServedApp, serveTestApp } from './serve.ts';

// jsqr is CommonJS: its default export arrives wrapped or not depending on the loader.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

const results = (name: string) => fileURLToPath(new URL(`../../test-results/${name}`, import.meta.url));
const FAN = 'fan.tickets@example.be';
const OTHER = 'second.fan@example.be';
const MATCH = 'Ticket Town – Scanners FC';
const PLAYED = 'Old Stadium FC – Long Ago United';

/** Buys through the real checkout and the demo payment, as the tickets tests do. */
async function buy(t: TestApp, email: string, matchId: string, form: Record<string, string>) {
  const fan = await signIn(t, email);
  const checkout = await fan.post(`/matches/${matchId}/checkout`, form);
  const location = checkout.headers.get('location')!;
  if (location.includes('/demo-pay/')) await fan.post(`${new URL(location, 'http://x').pathname}/pay`, {});
}

async function signInPage(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Opens "My tickets" online and waits until the service worker says its offline copy is rebuilt. */
async function refreshCopy(page: Page) {
  await page.goto('/account/tickets');
  await page.waitForFunction(() => document.documentElement.dataset.ticketsCopy === 'saved', undefined, { timeout: 20_000 });
}

/** What a phone's screen shows of the page: no scrolling either way, and the QR's box on the screen. */
async function shownOnScreen(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector('.qr svg')!;
    const box = svg.getBoundingClientRect();
    const [, , size] = svg.getAttribute('viewBox')!.split(' ').map(Number);
    const dark = (svg.querySelector('path[stroke]') as SVGGraphicsElement).getBBox();
    return {
      scrolls: document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth,
      onScreen: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
      side: box.width,
      // Modules of white around the dark ones (the lines' y sits half a module down).
      quiet: Math.min(dark.x, dark.y - 0.5, size! - (dark.x + dark.width), size! - (dark.y - 0.5 + dark.height + 1)),
    };
  });
}

/** Reads the QR code back from a screenshot of the screen, as a gate's camera would. */
async function decodeScreen(page: Page): Promise<string | undefined> {
  const image = PNG.sync.read(await page.screenshot());
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe.skipIf(!chromiumAvailable())('"My tickets" in a browser', () => {
  let served: ServedApp;
  let browser: TestBrowser | null = null;
  let matchId = '';
  const contexts: BrowserContext[] = [];
  const db = () => served.t.runtime.deps.db;
  const newContext = async (options: Parameters<TestBrowser['newContext']>[0] = {}) => {
    const context = await browser!.newContext({ baseURL: served.baseURL, viewport: { width: 390, height: 844 }, ...options });
    contexts.push(context);
    return context;
  };
  /** The fan's valid tickets of the upcoming match, in the order "My tickets" numbers them. */
  const validTickets = async () =>
    (await db().select().from(ticket).innerJoin(order, eq(order.id, ticket.orderId)).where(eq(ticket.matchId, matchId)))
      .filter((row) => row.ticket.status === 'valid' && row.order.email === FAN)
      .sort((a, b) => a.order.createdAt.getTime() - b.order.createdAt.getTime() || a.ticket.id.localeCompare(b.ticket.id))
      .map((row) => row.ticket);

  beforeAll(async () => {
    served = await serveTestApp();
    const t = served.t;
    await createUser(t, FAN, 'Fan');
    await createUser(t, OTHER, 'Second Fan');
    const home = await clubWithOwner(t, 'Ticket Town');
    const sale = await matchOnSale(t, home);
    matchId = sale.matchId;
    // Gates open at 13:45 for the 15:00 kick-off (brusselsIn's default): the time a supporter plans by.
    const [row] = await db().select().from(match).where(eq(match.id, matchId));
    await db()
      .update(match)
      .set({ gatesOpenAt: new Date(row!.kickoffAt.getTime() - 75 * 60_000) })
      .where(eq(match.id, matchId));
    // Two orders for the same match (2 adults, then a free child): three tickets, "1 of 3" to "3 of 3".
    await buy(t, FAN, matchId, { [`q_${sale.matchStandId}_adult`]: '2' });
    await buy(t, FAN, matchId, { [`q_${sale.matchStandId}_child`]: '1' });
    await buy(t, OTHER, matchId, { [`q_${sale.matchStandId}_adult`]: '1' });
    // A match already played, whose ticket folds away.
    const old = await clubWithOwner(t, 'Old Stadium FC');
    const played = await matchOnSale(t, old, 'Long Ago United');
    await buy(t, FAN, played.matchId, { [`q_${played.matchStandId}_child`]: '1' });
    await db()
      .update(match)
      .set({ kickoffAt: new Date(Date.now() - 10 * 24 * 3600_000), gatesOpenAt: null })
      .where(eq(match.id, played.matchId));
    mkdirSync(results(''), { recursive: true });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await served?.close();
  });

  it('groups the tickets by match and order, says "Ticket 1 of 3", and walks a match\'s tickets by next / previous and a swipe', {
    timeout: 90_000,
  }, async () => {
    const context = await newContext({ hasTouch: true });
    const page = await context.newPage();
    await signInPage(page, FAN);
    let actions = 0;
    await page.getByRole('link', { name: 'My tickets' }).click();
    actions++;
    const block = page.getByRole('region', { name: MATCH });
    await block.waitFor();
    expect(await block.getByRole('heading', { level: 3 }).allTextContents()).toHaveLength(2); // two orders
    expect(await block.getByRole('link', { name: /^Ticket \d of 3/ }).allTextContents()).toEqual([
      expect.stringMatching(/^Ticket 1 of 3 · Main · Adult/),
      expect.stringMatching(/^Ticket 2 of 3 · Main · Adult/),
      expect.stringMatching(/^Ticket 3 of 3 · Main · Child/),
    ]);
    // The played match is folded away, below the one to come.
    const played = page.getByRole('region', { name: PLAYED });
    expect(await played.isVisible()).toBe(false);
    await page.getByText('Past matches').click();
    await played.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: results('tickets-list-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: results('tickets-list-1366.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });

    await block.getByRole('link', { name: 'Show the QR code at the gate' }).click();
    actions++;
    await page.getByText('Ticket 1 of 3').waitFor();
    expect(actions).toBe(2); // from any page to the QR at the gate
    expect(await page.locator('header.site').count()).toBe(0); // full screen, without the site's frame
    expect(await page.getByRole('link', { name: 'Previous ticket' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Next ticket' }).click();
    await page.getByText('Ticket 2 of 3').waitFor();
    await page.getByRole('link', { name: 'Next ticket' }).click();
    await page.getByText('Ticket 3 of 3').waitFor();
    expect(await page.getByRole('link', { name: 'Next ticket' }).count()).toBe(0);
    // A thumb swiping right goes back one ticket.
    await page.evaluate(() => {
      const area = document.querySelector('.ticket-full')!;
      const touch = (x: number) => new Touch({ identifier: 1, target: area, clientX: x, clientY: 400 });
      area.dispatchEvent(new TouchEvent('touchstart', { touches: [touch(60)], changedTouches: [touch(60)], bubbles: true }));
      area.dispatchEvent(new TouchEvent('touchend', { touches: [], changedTouches: [touch(300)], bubbles: true }));
    });
    await page.getByText('Ticket 2 of 3').waitFor();
    await page.getByRole('link', { name: 'All my tickets' }).click();
    await block.waitFor();
    expect(browser!.foreignRequests()).toEqual([]);
  });

  it('shows the QR full screen with its quiet zone, readable from the screen, without scrolling on a phone or a laptop', {
    timeout: 90_000,
  }, async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signInPage(page, FAN);
    const [first] = await validTickets();
    await page.goto(`/account/tickets/${first!.id}`);
    await page.getByText('Turn the screen brightness up').waitFor();
    await page.getByText('Gates open at 13:45').waitFor();
    expect(await page.getByText('Main · Adult').count()).toBe(1);
    for (const [width, height] of [
      [390, 844],
      [1366, 768],
    ] as const) {
      await page.setViewportSize({ width, height });
      const shown = await shownOnScreen(page);
      expect(shown.scrolls).toBe(false);
      expect(shown.onScreen).toBe(true);
      expect(shown.quiet).toBeGreaterThanOrEqual(4);
      expect(shown.side).toBeGreaterThan(Math.min(width, height) * 0.7);
      expect(await decodeScreen(page)).toBe(first!.code);
      await page.screenshot({ path: results(`ticket-qr-${width}.png`) });
    }
    // The leaked-code action sits below everything else, behind its own confirmation.
    const leaked = page.getByText('My code leaked…');
    const qrBottom = (await page.locator('.qr svg').boundingBox())!;
    const leakedBox = (await leaked.boundingBox())!;
    expect(leakedBox.y).toBeGreaterThan(qrBottom.y + qrBottom.height / 2);
    expect(await page.getByRole('button', { name: 'My code leaked: give me a new one' }).isVisible()).toBe(false);
  });

  it('keeps the upcoming tickets offline after one visit, and drops a revoked or re-issued one at the next refresh', {
    timeout: 90_000,
  }, async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signInPage(page, FAN);
    await refreshCopy(page);
    await page.getByText('Saved on this phone').waitFor();
    // Installable: Chromium finds nothing missing (manifest, icon, a worker with a fetch handler),
    // except that a test context is, like a private window, never offered the install.
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    await cdp.detach();
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    const [first, second, third] = await validTickets();

    await context.setOffline(true);
    await page.goto('/account/tickets');
    await page.getByText('No network: these are your tickets').waitFor();
    expect(await page.getByRole('link', { name: /^Ticket \d of 3/ }).count()).toBe(3);
    await page.goto(`/account/tickets/${second!.id}`);
    await page.getByText('Ticket 2 of 3').waitFor();
    expect(await decodeScreen(page)).toBe(second!.code);
    await page.screenshot({ path: results('ticket-offline-390.png') });

    // Meanwhile the club refunds the third ticket: the copy still has it until the next refresh...
    await db().update(ticket).set({ status: 'revoked' }).where(eq(ticket.id, third!.id));
    await page.goto(`/account/tickets/${third!.id}`);
    await page.getByText('Ticket 3 of 3').waitFor(); // proof that this page comes from the copy, not the server

    // ...and the holder re-issues the first one online.
    await context.setOffline(false);
    await page.goto(`/account/tickets/${first!.id}`);
    await page.getByText('My code leaked…').click();
    await page.getByRole('button', { name: 'My code leaked: give me a new one' }).click();
    await page.getByText('Here is your new code').waitFor();
    const reissuedId = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(reissuedId).not.toBe(first!.id);
    await refreshCopy(page);

    await context.setOffline(true);
    await page.goto('/account/tickets');
    await page.getByText('No network: these are your tickets').waitFor();
    expect(await page.getByRole('link', { name: /^Ticket \d of 2/ }).count()).toBe(2);
    for (const gone of [first!, third!]) {
      await page.goto(`/account/tickets/${gone.id}`); // not kept: the list opens instead
      await page.getByRole('heading', { name: 'My tickets', level: 1 }).waitFor();
      expect(await page.locator('.qr svg').count()).toBe(0);
    }
    await page.goto(`/account/tickets/${reissuedId}`);
    const [reissued] = await db().select().from(ticket).where(eq(ticket.id, reissuedId));
    expect(await decodeScreen(page)).toBe(reissued!.code);
    await context.setOffline(false);
    await db().update(ticket).set({ status: 'valid' }).where(eq(ticket.id, third!.id));
  });

  it("keeps nothing of a person on the device after sign-out, and never shows one person's copy to the next", {
    timeout: 90_000,
  }, async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signInPage(page, FAN);
    await refreshCopy(page);
    const fanTicket = (await validTickets())[0]!;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.evaluate(() => caches.keys())).toEqual([]);

    await context.setOffline(true);
    for (const path of ['/account/tickets', `/account/tickets/${fanTicket.id}`]) {
      const shown = await page
        .goto(path)
        .then(() => page.content())
        .catch(() => '');
      expect(shown).not.toContain(MATCH);
      expect(shown).not.toContain('<svg');
    }
    await context.setOffline(false);

    // The next person on this phone gets their own copy, never the previous one's.
    await signInPage(page, OTHER);
    await refreshCopy(page);
    await context.setOffline(true);
    await page.goto('/account/tickets');
    expect(await page.getByRole('link', { name: /^Ticket \d of \d/ }).count()).toBe(1);
    expect(await page.content()).not.toContain(fanTicket.id);
    await context.setOffline(false);
  });
});
