import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clubWithOwner, matchOnSale } from '../support/catalog.ts';
import { accessibilityViolations, chromiumAvailable, launchBrowser, type TestBrowser } from './browser.ts';
import { type ServedApp, serveTestApp } from './serve.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/buy/', import.meta.url));
const MAIL_TIMEOUT_MS = 20_000;
const PHONE = { width: 390, height: 844 };

/** Waits until the element is visible, or fails. */
const see = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 10_000 });

/**
 * A person using the site: every click and submit they make is counted (what the issue measures),
 * every page they reach is checked — no horizontal scroll at the phone's width, axe — and kept as
 * a screenshot.
 */
class Person {
  actions = 0;
  readonly problems: string[] = [];
  readonly page: Promise<Page>;
  private shot = 0;

  constructor(
    private readonly context: BrowserContext,
    private readonly name: string,
    /** Without JavaScript the page cannot be measured from inside (same markup as with it): screenshots only. */
    private readonly javaScript = true,
  ) {
    this.page = context.newPage().then((page) => {
      page.on('pageerror', (error) => void this.problems.push(`page error: ${error.message}`));
      page.on('response', (response) => {
        if (response.status() >= 400) this.problems.push(`${response.status()} ${response.url()}`);
      });
      return page;
    });
  }

  async click(locator: Locator) {
    this.actions++;
    await locator.click();
  }

  /** The page as it stands: no horizontal scroll, no serious accessibility finding; a screenshot kept. */
  async check(label: string) {
    const page = await this.page;
    await page.waitForLoadState();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${this.name}-${String(++this.shot).padStart(2, '0')}-${label}.png`), fullPage: true });
    if (!this.javaScript) return;
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) this.problems.push(`${label}: scrolls ${overflow} px sideways`);
    for (const violation of await accessibilityViolations(page)) this.problems.push(`${label}: ${violation}`);
  }

  close() {
    return this.context.close();
  }
}

describe.skipIf(!chromiumAvailable())('buying tickets in a browser, at a phone’s width', () => {
  let served: ServedApp | undefined;
  let browser: TestBrowser | null = null;
  let baseURL: string;
  let matchTitle: string;

  beforeAll(async () => {
    // Mail goes to DATA_DIR/mail, readable at /dev/mail, as a person reads their inbox.
    served = await serveTestApp({ SMTP_URL: '', TRUST_PROXY: 'false' });
    baseURL = served.baseURL;
    const club = await clubWithOwner(served.t, 'Phone United');
    await matchOnSale(served.t, club, 'Pocket FC');
    matchTitle = 'Phone United – Pocket FC';
    browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  async function person(name: string, javaScriptEnabled = true) {
    if (!browser) throw new Error('browser not launched');
    return new Person(await browser.newContext({ baseURL, locale: 'en-BE', viewport: PHONE, javaScriptEnabled }), name, javaScriptEnabled);
  }

  /** Reloads the dev mailbox until a message with this subject to this address is listed, then opens it. */
  async function openMail(p: Person, subject: string, to: string) {
    const page = await p.page;
    const deadline = Date.now() + MAIL_TIMEOUT_MS;
    for (;;) {
      await page.goto('/dev/mail');
      const link = page.getByRole('listitem').filter({ hasText: to }).getByRole('link', { name: subject });
      if ((await link.count()) > 0) return p.click(link.first());
      if (Date.now() > deadline) throw new Error(`No mail "${subject}" to ${to} in /dev/mail`);
      await page.waitForTimeout(250);
    }
  }

  /** From the home page to the match, two adult tickets chosen with +, on to the checkout step. */
  async function chooseTwoTickets(p: Person) {
    const page = await p.page;
    await page.goto('/');
    await p.check('home');
    // The first match is visible without scrolling on a 390×844 phone.
    const first = page.locator('ul.matches > li').first();
    const box = await first.boundingBox();
    expect(box && box.y + Math.min(box.height, 80) <= PHONE.height).toBe(true);
    await p.click(first.getByRole('link', { name: matchTitle }));
    await see(page.getByRole('heading', { name: matchTitle }));
    const plus = page.getByRole('button', { name: 'One ticket more: Adult, Main' });
    await p.click(plus);
    await p.click(plus);
    // 2 × €10.00 and the 10 % fee, before paying.
    expect(await page.locator('[data-total="total"]').textContent()).toBe('€22.00');
    await p.check('match');
    await p.click(page.getByRole('button', { name: 'Continue to payment' }).last());
    await see(page.getByRole('heading', { name: 'Your tickets' }));
    await see(page.getByText('2 × Main · Adult'));
    await p.check('checkout');
  }

  /** Pays at the demo provider's page and lands on the order page, which leads to the tickets. */
  async function payAtDemo(p: Person, email: string) {
    const page = await p.page;
    await see(page.getByText('DEMO — no money moves.'));
    await p.check('demo-pay');
    await p.click(page.getByRole('button', { name: 'Pay (demo)' }));
    await see(page.getByText('Payment received: your order is paid.'));
    await see(page.getByText(`Your tickets were sent to ${email}.`));
    await see(page.getByRole('link', { name: 'Download the PDF' }));
    await p.check('order');
  }

  it('a signed-out buyer keeps the basket through sign-up and the e-mail confirmation, then pays in one click', {
    timeout: 180_000,
  }, async () => {
    const p = await person('sign-up');
    const page = await p.page;
    const email = 'nora.buyer@example.be';
    await chooseTwoTickets(p);

    await p.click(page.getByRole('link', { name: 'Create an account' }).last());
    await see(page.getByRole('heading', { name: 'Create your account' }));
    await p.check('sign-up');
    await page.getByLabel('Name', { exact: true }).fill('Nora Buyer');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill('tribune-nord-2026');
    await p.click(page.getByRole('button', { name: 'Create my account' }));
    await see(page.getByRole('heading', { name: 'Check your e-mail' }));

    await openMail(p, 'Confirm your e-mail address', email);
    await p.click(page.getByRole('link', { name: `${baseURL}/api/auth/verify-email` }));
    // Back at the checkout, signed in, the basket still there.
    await see(page.getByText('Your e-mail address is confirmed.'));
    await see(page.getByRole('heading', { name: 'Your tickets' }));
    await see(page.getByText('2 × Main · Adult'));
    await see(page.getByText('Signed in as Nora Buyer'));
    await p.check('checkout-signed-in');
    await p.click(page.getByRole('button', { name: 'Pay €22.00' }));
    await payAtDemo(p, email);
    await p.click(page.getByRole('link', { name: 'See my tickets' }));
    await see(page.getByRole('heading', { name: 'My tickets' }));
    console.log(`sign-up buyer: ${p.actions} clicks and submits, 3 fields typed, from the home page to the tickets`);
    expect(p.actions).toBeLessThanOrEqual(12);
    await p.close();
    expect(p.problems).toEqual([]);
  });

  it('a guest buys with a name and an address, sees the QR codes by the private link, and finds the order after signing up', {
    timeout: 180_000,
  }, async () => {
    const p = await person('guest');
    const page = await p.page;
    const email = 'sam.guest@example.be';
    await chooseTwoTickets(p);
    await page.getByLabel('Name', { exact: true }).fill('Sam Guest');
    await page.getByLabel('E-mail address').fill(email);
    await p.click(page.getByRole('button', { name: 'Pay €22.00' }));
    await payAtDemo(p, email);
    expect(new URL(page.url()).pathname).toMatch(/^\/guest-orders\/[\w-]{43}$/);
    expect(await page.locator('#tickets svg').count()).toBe(2);
    await see(page.getByText('Ticket 2 of 2 · Main · Adult'));
    console.log(`guest: ${p.actions} clicks and submits, 2 fields typed, from the home page to the QR codes`);
    expect(p.actions).toBeLessThanOrEqual(8);
    const privateLink = page.url();

    // The tickets mail carries the same private link.
    await openMail(p, `Your tickets: ${matchTitle}`, email);
    expect(await page.locator(`a[href="${privateLink}"]`).count()).toBeGreaterThan(0);

    // Later, signing up with that address and confirming it attaches the order to the account.
    const actionsBefore = p.actions;
    await page.goto('/sign-up');
    await page.getByLabel('Name', { exact: true }).fill('Sam Guest');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill('tribune-sud-2026');
    await p.click(page.getByRole('button', { name: 'Create my account' }));
    await openMail(p, 'Confirm your e-mail address', email);
    await p.click(page.getByRole('link', { name: `${baseURL}/api/auth/verify-email` }));
    await see(page.getByText('Your e-mail address is confirmed.'));
    await page.goto('/account/tickets');
    expect(await page.locator('main').textContent()).toContain(matchTitle);
    await p.check('tickets-after-sign-up');
    console.log(`guest → account: ${p.actions - actionsBefore} clicks and submits, 3 fields typed`);
    await p.close();
    expect(p.problems).toEqual([]);
  });

  it('chooses tickets without JavaScript: + and − answer from the server, Enter continues, the total follows', {
    timeout: 120_000,
  }, async () => {
    const p = await person('no-js', false);
    const page = await p.page;
    await page.goto('/');
    await p.click(page.getByRole('link', { name: matchTitle }).first());
    const field = page.getByRole('spinbutton', { name: /Adult/ });
    await p.click(page.getByRole('button', { name: 'One ticket more: Adult, Main' }));
    await see(page.getByRole('heading', { name: matchTitle }));
    expect(await field.inputValue()).toBe('1');
    await p.click(page.getByRole('button', { name: 'One ticket more: Adult, Main' }));
    await p.click(page.getByRole('button', { name: 'One ticket more: Adult, Main' }));
    await p.click(page.getByRole('button', { name: 'One ticket less: Adult, Main' }));
    expect(await field.inputValue()).toBe('2');
    expect(await page.locator('[data-total="total"]').textContent()).toBe('€22.00');
    await p.check('match-no-js');
    // Enter in the field continues to the checkout, never presses a − or a +.
    await field.press('Enter');
    await see(page.getByRole('heading', { name: 'Your tickets' }));
    await see(page.getByText('2 × Main · Adult'));
    await p.close();
    expect(p.problems).toEqual([]);
  });
});
