import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, chromiumAvailable, launchBrowser, type TestBrowser } from './browser.ts';
import { type ServedApp, serveTestApp } from './serve.ts';

const SCREENSHOT = fileURLToPath(new URL('../../test-results/sign-up-nl.png', import.meta.url));
const MAIL_TIMEOUT_MS = 15_000;

/** Waits until the element is visible, or fails. */
const see = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 5_000 });

/** Reloads the dev mailbox until a message with this subject is listed, as a person would. */
async function waitForMail(page: Page, subject: string): Promise<Locator> {
  const deadline = Date.now() + MAIL_TIMEOUT_MS;
  for (;;) {
    await page.goto('/dev/mail');
    const link = page.getByRole('link', { name: subject });
    if ((await link.count()) > 0) return link.first();
    if (Date.now() > deadline) throw new Error(`No mail "${subject}" in /dev/mail after ${MAIL_TIMEOUT_MS} ms`);
    await page.waitForTimeout(250);
  }
}

describe.skipIf(!chromiumAvailable())('sign-up in a browser', () => {
  let served: ServedApp | undefined;
  let browser: TestBrowser | null = null;
  let baseURL: string;

  beforeAll(async () => {
    // An empty SMTP_URL means unset (parseEnv): mail goes to DATA_DIR/mail, readable at /dev/mail.
    served = await serveTestApp({ SMTP_URL: '', TRUST_PROXY: 'false' });
    baseURL = served.baseURL;
    expect(served.t.runtime.deps.config.devMailDir).toBeDefined();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('signs up, confirms the address from the dev mailbox, signs out and in, and switches language', { timeout: 60_000 }, async () => {
    if (!browser) throw new Error('browser not launched');
    // A French-speaking visitor from Brussels: the site's default language too.
    const context = await browser.newContext({ baseURL, locale: 'fr-BE' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => void problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    const email = 'amina.diallo@example.be';
    const password = 'tribune-nord-2026';

    await page.goto('/');
    await see(page.getByRole('heading', { name: 'Prochains matchs' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    const inaccessible: string[] = [];
    const audit = async () =>
      inaccessible.push(...(await accessibilityViolations(page)).map((v) => `${new URL(page.url()).pathname} ${v}`));
    await audit();

    // Sign up.
    await page.getByRole('link', { name: 'Créer un compte' }).click();
    await see(page.getByRole('heading', { name: 'Créez votre compte' }));
    await page.getByRole('button', { name: 'Créer mon compte' }).click(); // empty: the browser's own checks
    await page.getByLabel('Adresse e-mail').fill('pas-une-adresse');
    await audit();
    await page.getByLabel('Nom', { exact: true }).fill('Amina Diallo');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await see(page.getByRole('heading', { name: 'Vérifiez vos e-mails' }));
    expect(new URL(page.url()).pathname).toBe('/check-email');
    expect(await page.locator('main').textContent()).toContain(email);

    // Confirm from the dev mailbox.
    const mail = await waitForMail(page, 'Confirmez votre adresse e-mail');
    await mail.click();
    await see(page.getByRole('heading', { name: 'Confirmez votre adresse e-mail' }));
    expect(await page.locator('main').textContent()).toContain(`To: ${email}`);
    await page.getByRole('link', { name: `${baseURL}/api/auth/verify-email` }).click();
    await see(page.getByText('Votre adresse e-mail est confirmée. Bienvenue sur FootArena !'));
    expect(new URL(page.url()).pathname).toBe('/');
    await see(page.getByRole('button', { name: 'Se déconnecter' }));

    // Sign out.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await see(page.getByText('Vous êtes déconnecté.'));
    expect(await page.getByRole('button', { name: 'Se déconnecter' }).count()).toBe(0);

    // Sign in through the form.
    await page.getByRole('navigation').getByRole('link', { name: 'Se connecter' }).click();
    await see(page.getByRole('heading', { name: 'Connexion' }));
    await audit();
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await see(page.getByRole('button', { name: 'Se déconnecter' }));
    await see(page.getByRole('heading', { name: 'Prochains matchs' }));

    // Dutch.
    await page.getByRole('button', { name: 'NL', exact: true }).click();
    await see(page.getByRole('heading', { name: 'Komende wedstrijden' }));
    await see(page.getByRole('button', { name: 'Afmelden' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.getByRole('button', { name: 'NL', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await audit();
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(0);

    // English.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await see(page.getByRole('heading', { name: 'Upcoming matches' }));
    await see(page.getByRole('button', { name: 'Sign out' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.goto('/account');
    await audit();
    await page.goto('/clubs/new');
    await audit();
    // The audit itself works here: an image without a text alternative is reported.
    await page.evaluate(() =>
      document.querySelector('main')?.append(Object.assign(document.createElement('img'), { src: '/assets/icon.svg' })),
    );
    expect(await accessibilityViolations(page)).toContainEqual(expect.stringMatching(/^image-alt: /));

    await context.close();
    expect(problems).toEqual([]);
    expect(inaccessible).toEqual([]); // WCAG 2.1 AA, serious and critical findings
    // The browser stayed on loopback: every request went to the app on 127.0.0.1.
    expect(browser.requests.length).toBeGreaterThan(10);
    expect(browser.foreignRequests()).toEqual([]);
  });
});
