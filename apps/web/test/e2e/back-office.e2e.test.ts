import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsIn } from '../support/catalog.ts';
import { createUser, PASSWORD } from '../support/harness.ts';
import { accessibilityViolations, chromiumAvailable, labelProblems, launchBrowser, type TestBrowser } from './browser.ts';
import { type ServedApp, serveTestApp } from './serve.ts';

const results = (name: string) => fileURLToPath(new URL(`../../test-results/${name}`, import.meta.url));
const MATCH_PAGE = results('match-page.png');
const MATCH_EDITOR = results('match-editor.png');
const CATALOG_MOBILE = results('catalog-mobile.png');

/** Waits until the element is visible, or fails. */
const see = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 10_000 });

/** A card of the page (a <section class="card">) by its heading. */
const card = (page: Page, heading: string) =>
  page.locator('section.card').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });

/** Saves a full-page screenshot and checks that a file was written. */
async function screenshot(page: Page, file: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  expect(statSync(file).size).toBeGreaterThan(0);
}

describe.skipIf(!chromiumAvailable())('club back office in a browser', () => {
  let served: ServedApp | undefined;
  let browser: TestBrowser | null = null;
  let baseURL: string;

  beforeAll(async () => {
    served = await serveTestApp({ TRUST_PROXY: 'false' });
    baseURL = served.baseURL;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('sets up a venue, its stands and a match, puts it on sale, and a supporter finds it in the catalog', { timeout: 90_000 }, async () => {
    if (!browser || !served) throw new Error('browser not launched');
    const email = 'karim.benali@example.be';
    await createUser(served.t, email, 'Karim Benali');

    const problems: string[] = [];
    const inaccessible: string[] = [];
    /** Records what went wrong in a page: errors in its scripts or console, and failed requests. */
    const watch = (page: Page) => {
      page.on('pageerror', (error) => void problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
      });
      return page;
    };
    /** axe's WCAG 2.1 AA audit, and whether the browser finds the label of every form field. */
    const audit = async (page: Page) => {
      const where = new URL(page.url()).pathname;
      inaccessible.push(...[...(await accessibilityViolations(page)), ...(await labelProblems(page))].map((v) => `${where} ${v}`));
    };
    const contexts: BrowserContext[] = [];
    const newPage = async (options: Parameters<TestBrowser['newContext']>[0] = {}) => {
      const context = await browser!.newContext({ baseURL, locale: 'en-BE', ...options });
      contexts.push(context);
      return watch(await context.newPage());
    };

    // The club admin signs in through the form, in English (Accept-Language from the en-BE locale).
    const admin = await newPage();
    await admin.goto('/');
    await see(admin.getByRole('heading', { name: 'Upcoming matches' }));
    expect(await admin.locator('html').getAttribute('lang')).toBe('en');
    await admin.getByRole('navigation').getByRole('link', { name: 'Sign in' }).click();
    await see(admin.getByRole('heading', { name: 'Sign in' }));
    await admin.getByLabel('E-mail address').fill(email);
    await admin.getByLabel('Password').fill(PASSWORD);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await see(admin.getByRole('button', { name: 'Sign out' }));

    // Registers a club.
    await admin.getByRole('navigation').getByRole('link', { name: 'My clubs' }).click();
    await see(admin.getByRole('heading', { name: 'My clubs' }));
    await admin.getByRole('link', { name: 'Register a club' }).click();
    await see(admin.getByRole('heading', { name: 'Register a club' }));
    await admin.getByLabel('Club name').fill('Royal Forest FC');
    await admin.getByLabel('Commune').fill('Forest');
    await admin.getByRole('button', { name: 'Register the club' }).click();
    await see(admin.getByText('Royal Forest FC is registered. You are its owner.'));
    // 1. A venue with two stands: the new club lands on that first setup step.
    await see(admin.getByRole('heading', { name: 'Venues and stands · Royal Forest FC' }));
    const clubPath = new URL(admin.url()).pathname.replace(/\/venues$/, '');
    expect(clubPath).toMatch(/^\/club\/[a-z0-9-]+$/);
    const clubMenu = admin.getByRole('navigation', { name: 'Club menu of Royal Forest FC' });
    await see(admin.getByText('No venue yet: add the ground where your club plays at home.'));
    const newVenue = card(admin, 'Add a venue');
    await newVenue.getByLabel('Venue name').fill('Stade Communal de Forest');
    await newVenue.getByLabel('Street and number').fill('Avenue du Globe 36');
    await newVenue.getByLabel('Postal code').fill('1190');
    await newVenue.getByLabel('Commune').fill('Forest');
    await newVenue.getByRole('button', { name: 'Add a venue' }).click();
    await see(admin.getByText('The venue is added. Now add its stands.'));
    const venueCard = card(admin, 'Stade Communal de Forest');
    await see(venueCard.getByText('Avenue du Globe 36, 1190 Forest'));

    const addStand = async (name: string, capacity: string, prices: Record<string, string>) => {
      const venue = card(admin, 'Stade Communal de Forest');
      const details = venue.locator('details').filter({ has: admin.locator('summary', { hasText: 'Add a stand' }) });
      // The form of a venue without a stand is open already; else it opens.
      if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
      expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      const form = details.locator('form');
      await form.getByLabel('Stand', { exact: true }).fill(name);
      await form.getByLabel('Capacity').fill(capacity);
      const priceGroup = form.getByRole('group', { name: 'Prices' });
      for (const [label, price] of Object.entries(prices)) await priceGroup.getByLabel(label).fill(price);
      await form.getByRole('button', { name: 'Add a stand' }).click();
      await see(admin.getByText('The stand is added.'));
    };
    await addStand('Main stand', '300', { 'Adult (€)': '12,50', 'Child (under 12) (€)': '0' });
    await addStand('North stand', '150', { 'Adult (€)': '8' });
    const standRows = card(admin, 'Stade Communal de Forest').locator('tbody tr');
    expect(await standRows.count()).toBe(2);
    const main = standRows.filter({ hasText: 'Main stand' });
    const north = standRows.filter({ hasText: 'North stand' });
    expect(await main.locator('td').nth(1).textContent()).toBe('300');
    expect(await main.locator('td').nth(2).textContent()).toBe('Adult €12.50 · Child (under 12) Free');
    expect(await north.locator('td').nth(1).textContent()).toBe('150');
    expect(await north.locator('td').nth(2).textContent()).toBe('Adult €8.00');
    await audit(admin); // a venue, its stands, the forms to add and edit

    // 2. A home match in ten days, 15:00 Brussels time.
    await admin.goto(clubPath);
    await clubMenu.getByRole('link', { name: 'Matches', exact: true }).click();
    await see(admin.getByRole('heading', { name: 'Matches · Royal Forest FC' }));
    await admin.getByRole('link', { name: 'New match' }).click();
    await see(admin.getByRole('heading', { name: 'New match' }));
    await audit(admin);
    const kickoff = brusselsIn(10, '15:00');
    await admin.getByLabel('Home', { exact: true }).check();
    await admin.getByLabel('Opponent').fill('Sporting Test');
    await admin.getByLabel('Competition').selectOption({ label: 'Division 3 ACFF' });
    await admin.getByLabel('Venue').selectOption({ label: 'Stade Communal de Forest (Forest)' });
    await admin.getByLabel('Kick-off').fill(kickoff);
    await admin.getByLabel('Tickets per order, at most').fill('10');
    await admin.getByRole('button', { name: 'Create the match' }).click();
    await see(admin.getByText('The match is created with its stands open.', { exact: false }));
    await see(admin.getByRole('heading', { name: 'Royal Forest FC – Sporting Test', level: 1 }));
    const editorPath = new URL(admin.url()).pathname;
    expect(editorPath).toMatch(new RegExp(`^${clubPath}/matches/[0-9a-f-]{36}$`));
    const matchId = editorPath.split('/').at(-1)!;
    const header = admin.locator('main > p.meta');
    expect(await header.textContent()).toContain('15:00');
    expect(await header.textContent()).toContain('Announced');

    // 3. Both stands open with a cap, saved, then the sale opens.
    const stands = card(admin, 'Stands for this match');
    const openStand = async (name: string, capacity: number, cap: string) => {
      const group = stands.getByRole('group', { name });
      await group.getByLabel('Sell this stand for this match').check();
      await group.getByLabel(`Seats for sale (capacity ${capacity})`).fill(cap);
    };
    await openStand('Main stand', 300, '120');
    await openStand('North stand', 150, '60');
    // The prices of the stands are proposed for the match.
    expect(await stands.getByRole('group', { name: 'Main stand' }).getByLabel('Adult (€)').inputValue()).toBe('12.50');
    expect(await stands.getByRole('group', { name: 'North stand' }).getByLabel('Adult (€)').inputValue()).toBe('8.00');
    await stands.getByRole('button', { name: 'Save the stands' }).click();
    await see(admin.getByText('The stands of this match are saved.'));
    expect(await stands.getByRole('group', { name: 'Main stand' }).getByLabel('Sell this stand for this match').isChecked()).toBe(true);
    expect(await stands.getByRole('group', { name: 'North stand' }).getByLabel('Sell this stand for this match').isChecked()).toBe(true);
    expect(await stands.getByRole('group', { name: 'Main stand' }).getByLabel('Seats for sale (capacity 300)').inputValue()).toBe('120');
    expect(await stands.getByRole('group', { name: 'North stand' }).getByLabel('Seats for sale (capacity 150)').inputValue()).toBe('60');
    await card(admin, 'Overview').getByRole('button', { name: 'Put on sale' }).click();
    await see(admin.getByText('The match is on sale. Followers of the club are told by e-mail.'));
    expect(await header.textContent()).toContain('On sale');
    await see(card(admin, 'Overview').getByRole('button', { name: 'Pause the sale' }));
    await audit(admin);
    await screenshot(admin, MATCH_EDITOR);

    // 3b. A gate is paired from the back office; the attendance page follows its scans without a reload.
    await admin.goto(clubPath);
    await admin.getByRole('link', { name: 'Scanners and gates' }).click();
    await see(admin.getByRole('heading', { name: 'Scanners and gates · Royal Forest FC', level: 1 }));
    await see(admin.getByText('No device yet: add a steward’s phone or a gate below.'));
    await admin.getByLabel('Name').fill('North gate');
    await admin.getByLabel('Kind').selectOption({ label: 'Gate' });
    await admin.getByRole('button', { name: 'Add a device' }).click();
    const pairingCode = ((await admin.locator('p.pairing-code').textContent()) ?? '').trim();
    await see(admin.getByRole('row', { name: 'North gate Gate Every match, every stand Waiting for pairing' }));
    expect(pairingCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    await audit(admin);
    const api = (path: string, body: object, token?: string) =>
      fetch(`${baseURL}/api/v1${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const paired = await api('/pair', { code: pairingCode });
    expect(paired.status).toBe(200);
    const { token } = (await paired.json()) as { token: string };
    await admin.goto(editorPath);
    await admin.getByRole('link', { name: 'Attendance' }).click();
    await see(admin.getByRole('heading', { name: 'Attendance · Royal Forest FC – Sporting Test', level: 1 }));
    await see(admin.getByText('0 of 0 tickets admitted'));
    await see(admin.getByText('No scan refused so far.'));
    await audit(admin);
    const scanned = await api('/redeem', { code: 'NOT-A-TICKET', nonce: 'e2e-scan-0001', matchId }, token);
    expect(await scanned.json()).toEqual({ result: 'unknown', ticket: null });
    await see(card(admin, 'Refused scans').getByRole('row', { name: 'Not a ticket of ours 1' }));
    await audit(admin);

    // 4. A supporter, not signed in, filters the catalog.
    const fan = await newPage();
    await fan.goto('/');
    await see(fan.getByRole('heading', { name: 'Upcoming matches' }));
    // On the home page the filters are folded behind one button.
    await fan.locator('details.filters > summary').click();
    const filters = fan.getByRole('form', { name: 'Filter the matches' });
    await filters.getByLabel('Competition').selectOption({ label: 'Division 3 ACFF' });
    await filters.getByLabel('Search').fill('Sporting');
    await filters.getByRole('button', { name: 'Show' }).click();
    await fan.waitForURL((url) => url.searchParams.has('q'));
    const query = new URL(fan.url()).searchParams;
    expect(query.get('competition')).toBe('d3-acff');
    expect(query.get('q')).toBe('Sporting');
    // The filters stay filled in (folded again, their button counting them).
    await fan.locator('details.filters > summary', { hasText: 'Filters (2)' }).click();
    expect(await filters.getByLabel('Search').inputValue()).toBe('Sporting');
    expect(await filters.getByLabel('Competition').locator('option:checked').textContent()).toBe('Division 3 ACFF');
    await see(fan.getByRole('link', { name: 'Clear the filters' }).first());
    const cards = fan.locator('ul.matches > li');
    expect(await cards.count()).toBe(1);
    const matchCard = cards.filter({ has: fan.getByRole('link', { name: 'Royal Forest FC – Sporting Test' }) });
    await see(matchCard);
    const cardText = (await matchCard.textContent()) ?? '';
    expect(cardText).toContain('Division 3 ACFF');
    expect(cardText).toContain('Stade Communal de Forest, Forest');
    expect(cardText).toContain('15:00');
    await see(matchCard.getByText('Seats left: 180', { exact: true }));
    await see(matchCard.getByText('From €8.00', { exact: true }));
    await audit(fan);

    // The public page of the match.
    await matchCard.getByRole('link', { name: 'Royal Forest FC – Sporting Test' }).click();
    await see(fan.getByRole('heading', { name: 'Royal Forest FC – Sporting Test', level: 1 }));
    expect(new URL(fan.url()).pathname).toBe(`/matches/${matchId}`);
    // Each open stand, with its seats left and its prices (a list, or the ticket form while on sale).
    const tickets = fan.locator('#tickets');
    const standBlock = (name: string) => tickets.locator('fieldset, ul.stands > li').filter({ hasText: name });
    const textOf = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(await standBlock('Main stand').count()).toBe(1);
    expect(await standBlock('North stand').count()).toBe(1);
    await see(standBlock('Main stand').getByText('Seats left: 120', { exact: true }));
    await see(standBlock('North stand').getByText('Seats left: 60', { exact: true }));
    const mainText = await textOf(standBlock('Main stand'));
    expect(mainText).toMatch(/Adult\W*€12\.50/);
    expect(mainText).toMatch(/Child \(under 12\)\W*Free/);
    const northText = await textOf(standBlock('North stand'));
    expect(northText).toMatch(/Adult\W*€8\.00/);
    expect(northText).not.toContain('Child');
    await see(fan.getByText('On sale', { exact: true }));
    expect(await fan.locator('address').textContent()).toContain('Avenue du Globe 36, 1190 Forest');
    expect(await fan.locator('header.card time').textContent()).toContain('15:00');
    await audit(fan);
    await screenshot(fan, MATCH_PAGE);

    // The catalog on a phone: nothing wider than the screen.
    const phone = await newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await phone.goto('/?competition=d3-acff&q=Sporting');
    await see(phone.getByRole('link', { name: 'Royal Forest FC – Sporting Test' }));
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone, CATALOG_MOBILE);

    // The label check itself works here: a second field with the id of the search field has no label.
    await phone.evaluate(() => document.querySelector('main')?.append(document.querySelector('#q')!.cloneNode() as Element));
    expect(await labelProblems(phone)).toEqual(['duplicate id: #q × 2', 'no label: input[name=q]']);

    for (const context of contexts) await context.close();
    expect(problems).toEqual([]);
    // The browser stayed on loopback: every request went to the app on 127.0.0.1.
    expect(browser.requests.length).toBeGreaterThan(20);
    expect(browser.foreignRequests()).toEqual([]);
    expect([...new Set(inaccessible)]).toEqual([]); // WCAG 2.1 AA, serious and critical findings; fields without a label
  });
});
