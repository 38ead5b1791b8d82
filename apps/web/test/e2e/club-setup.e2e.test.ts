import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, chromiumAvailable, labelProblems, launchBrowser, type TestBrowser } from './browser.ts';
import { type ServedApp, serveTestApp } from './serve.ts';

const results = (name: string) => fileURLToPath(new URL(`../../test-results/club-setup/${name}`, import.meta.url));
const MAIL_TIMEOUT_MS = 15_000;
/** The most a new volunteer may need, from the home page to a match on sale (issue 17). */
const MOST_ACTIONS = 12;

/** Waits until the element is visible, or fails. */
const see = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 10_000 });

describe.skipIf(!chromiumAvailable())('a new club, from the home page to a match on sale', () => {
  let served: ServedApp | undefined;
  let browser: TestBrowser | null = null;

  beforeAll(async () => {
    // An empty SMTP_URL means unset: mail goes to the dev mailbox at /dev/mail.
    served = await serveTestApp({ SMTP_URL: '', TRUST_PROXY: 'false' });
    browser = await launchBrowser();
    mkdirSync(results(''), { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it(`takes a volunteer at most ${MOST_ACTIONS} clicks and submits, none of them a second try`, { timeout: 240_000 }, async () => {
    if (!browser || !served) throw new Error('browser not launched');
    const context = await browser.newContext({ baseURL: served.baseURL, locale: 'en-BE', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    const refused: string[] = [];
    page.on('pageerror', (error) => void problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      // A form sent back with errors is a second try the volunteer would have to make.
      if (response.status() === 400) refused.push(response.url());
      else if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    const inaccessible: string[] = [];
    const audit = async (p: Page) => {
      const where = new URL(p.url()).pathname;
      inaccessible.push(...[...(await accessibilityViolations(p)), ...(await labelProblems(p))].map((v) => `${where} ${v}`));
    };
    /** What the volunteer does: each click or submit counted; typing and choosing in a list are not. */
    const actions: string[] = [];
    const act = async (what: string, target: Locator) => {
      actions.push(what);
      await target.click();
    };
    let shot = 0;
    const screenshot = async (p: Page, name: string) => {
      await p.screenshot({ path: results(`${String(++shot).padStart(2, '0')}-${name}.png`), fullPage: true });
    };

    await page.goto('/');
    await see(page.getByRole('heading', { name: 'Upcoming matches' }));

    // An account, confirmed from the mailbox (the dev mailbox stands for the volunteer's mail app).
    await act('sign up', page.getByRole('navigation').getByRole('link', { name: 'Create an account' }));
    await page.getByLabel('Name', { exact: true }).fill('Sofie Peeters');
    await page.getByLabel('E-mail address').fill('sofie.peeters@example.be');
    await page.getByLabel('Password').fill('tribune-zuid-2026');
    await act('create the account', page.getByRole('button', { name: 'Create my account' }));
    await see(page.getByRole('heading', { name: 'Check your e-mail' }));
    const deadline = Date.now() + MAIL_TIMEOUT_MS;
    for (;;) {
      await page.goto('/dev/mail');
      if ((await page.getByRole('link', { name: 'Confirm your e-mail address' }).count()) > 0) break;
      if (Date.now() > deadline) throw new Error('no confirmation mail');
      await page.waitForTimeout(250);
    }
    await act('open the mail', page.getByRole('link', { name: 'Confirm your e-mail address' }).first());
    await act('confirm the address', page.getByRole('link', { name: `${served.baseURL}/api/auth/verify-email` }));
    await see(page.getByRole('button', { name: 'Sign out' }));

    // The club.
    await act('my clubs', page.getByRole('navigation').getByRole('link', { name: 'My clubs' }));
    await act('register a club', page.getByRole('link', { name: 'Register a club' }));
    await page.getByLabel('Club name').fill('KFC Zuidpark');
    await page.getByLabel('Commune').fill('Anderlecht');
    await audit(page);
    await screenshot(page, 'register-club');
    await act('register the club', page.getByRole('button', { name: 'Register the club' }));
    await see(page.getByText('KFC Zuidpark is registered. You are its owner.'));

    // Lands on the first setup step: the ground, with the club menu marking where it is.
    await see(page.getByRole('heading', { name: 'Venues and stands · KFC Zuidpark' }));
    const menu = page.getByRole('navigation', { name: 'Club menu of KFC Zuidpark' });
    expect(await menu.locator('[aria-current="page"]').textContent()).toBe('Venues and stands');
    const clubPath = new URL(page.url()).pathname.replace(/\/venues$/, '');
    const venue = page.locator('#add-venue');
    await venue.getByLabel('Venue name').fill('Stade du Parc');
    await venue.getByLabel('Street and number').fill('Rue du Parc 12');
    await venue.getByLabel('Postal code').fill('1070');
    await venue.getByLabel('Commune').fill('Anderlecht');
    await audit(page);
    await screenshot(page, 'venue');
    await act('add the venue', venue.getByRole('button', { name: 'Add a venue' }));
    await see(page.getByText('The venue is added. Now add its stands.'));

    // Its stand: the form is open already.
    const standForm = page.locator('details[open] form').filter({ has: page.getByRole('button', { name: 'Add a stand' }) });
    await standForm.getByLabel('Stand', { exact: true }).fill('Tribune principale');
    await standForm.getByLabel('Capacity').fill('400');
    await standForm.getByRole('group', { name: 'Prices' }).getByLabel('Adult (€)').fill('10');
    await audit(page);
    await screenshot(page, 'stand');
    await act('add the stand', standForm.getByRole('button', { name: 'Add a stand' }));
    await see(page.getByText('The stand is added.'));

    // Meanwhile the dashboard's checklist (looked at in another tab, not counted): three steps done, the match next.
    const peek = await context.newPage();
    await peek.goto(clubPath);
    const checklist = peek.getByRole('region', { name: 'Ready to sell in five steps' });
    expect(await checklist.locator('li.done').count()).toBe(3); // venue, stands, and payouts (demo payments)
    expect(await checklist.locator('li.next').textContent()).toContain('A first match');
    await see(checklist.getByRole('link', { name: 'Schedule a match' }));
    await audit(peek);
    await screenshot(peek, 'dashboard-checklist');
    await peek.setViewportSize({ width: 390, height: 844 });
    expect(await peek.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(peek, 'phone-dashboard-checklist');
    await peek.close();

    // Payouts need no step with the demo payment provider: the next step is the match.
    const next = page.locator('.setup-next');
    await see(next.getByText('Next step: A first match.'));
    await audit(page);
    await act('schedule a match', next.getByRole('link', { name: 'Schedule a match' }));
    await see(page.getByRole('heading', { name: 'New match' }));
    // At home, at the club's only venue, a kick-off proposed, its stand ticked to sell.
    expect(await page.getByLabel('Home', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Venue').locator('option:checked').textContent()).toBe('Stade du Parc (Anderlecht)');
    expect(await page.getByLabel('Kick-off').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T15:00$/);
    expect(await page.getByLabel('Tribune principale (400 seats)').isChecked()).toBe(true);
    await page.getByLabel('Opponent').fill('Sporting Noord');
    await page.getByLabel('Competition').selectOption({ label: 'Division 3 ACFF' });
    await audit(page);
    await screenshot(page, 'new-match');
    await act('create the match', page.getByRole('button', { name: 'Create the match' }));
    await see(page.getByRole('heading', { name: 'KFC Zuidpark – Sporting Noord', level: 1 }));
    await see(page.getByText('The match is created with its stands open.', { exact: false }));

    // On sale from the overview.
    const overview = page.locator('#overview');
    await act('put on sale', overview.getByRole('button', { name: 'Put on sale' }));
    await see(page.getByText('The match is on sale. Followers of the club are told by e-mail.'));
    await see(overview.getByRole('button', { name: 'Pause the sale' }));
    await audit(page);
    await screenshot(page, 'match-on-sale');

    expect(actions.length, actions.join(' → ')).toBeLessThanOrEqual(MOST_ACTIONS);
    expect(refused).toEqual([]);
    console.info(`club setup: ${actions.length} actions: ${actions.join(' → ')}`);

    // Everything done: the dashboard's checklist is gone, the match listed.
    await page.goto(clubPath);
    await see(page.getByRole('heading', { name: 'KFC Zuidpark', level: 1 }));
    expect(await page.locator('.setup').count()).toBe(0);
    await see(page.getByRole('link', { name: 'KFC Zuidpark – Sporting Noord' }));
    expect(await menu.locator('[aria-current="page"]').textContent()).toBe('Dashboard');
    await audit(page);
    await screenshot(page, 'dashboard');

    // The same pages on a phone: nothing wider than the screen.
    const phone = await browser.newContext({
      baseURL: served.baseURL,
      locale: 'en-BE',
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      storageState: await context.storageState(),
    });
    const small = await phone.newPage();
    const matchPath = new URL(page.url()).pathname;
    const matchLink = await page.getByRole('link', { name: 'KFC Zuidpark – Sporting Noord' }).getAttribute('href');
    expect(matchPath).toBe(clubPath);
    // A gate and a phone, so that the devices read as cards on the phone.
    await small.goto(`${clubPath}/devices`);
    for (const [name, kind] of [
      ['South gate', 'Gate'],
      ['Steward Jan', 'Steward’s phone'],
    ] as const) {
      await small.getByLabel('Name').fill(name);
      await small.getByLabel('Kind').selectOption({ label: kind });
      await small.getByRole('button', { name: 'Add a device' }).click();
      await see(small.getByRole('heading', { name: `Pairing code for ${name}` }));
    }
    for (const [name, path] of [
      ['dashboard', clubPath],
      ['venues', `${clubPath}/venues`],
      ['new-match', `${clubPath}/matches/new`],
      ['match', matchLink!],
      ['devices', `${clubPath}/devices`],
      ['matches', `${clubPath}/matches`],
    ] as const) {
      await small.goto(path);
      await see(small.getByRole('navigation', { name: 'Club menu of KFC Zuidpark' }));
      expect(await small.evaluate(() => document.documentElement.scrollWidth), `${path} scrolls sideways`).toBeLessThanOrEqual(390);
      await audit(small);
      await screenshot(small, `phone-${name}`);
    }

    // A cancelled match: its forms read-only, no way to sell or cancel again.
    await small.goto(matchLink!);
    await small.getByRole('link', { name: 'Cancel the match…' }).click();
    await small.getByRole('button', { name: 'Cancel the match and refund everyone' }).click();
    await see(small.getByText('This match is cancelled', { exact: false }));
    expect(await small.locator('#stands fieldset[disabled], #details fieldset[disabled]').count()).toBe(2);
    expect(await small.getByRole('button', { name: /Save|Put on sale|Postpone/ }).count()).toBe(0);
    expect(await small.getByRole('link', { name: 'Cancel the match…' }).count()).toBe(0);
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await audit(small);
    await screenshot(small, 'phone-cancelled-match');

    await phone.close();
    await context.close();
    expect(problems).toEqual([]);
    expect([...new Set(inaccessible)]).toEqual([]);
    expect(browser.foreignRequests()).toEqual([]);
  });
});
