import type { BrowserContext, Page } from 'playwright-core';

/**
 * The scanner installed, then opened and started with no network at all: once its service worker
 * controls the page, the page is reloaded offline and scanning starts from what the phone kept.
 */
export async function startScannerOffline(page: Page, context: BrowserContext) {
  await page.waitForFunction(
    async () => (await navigator.serviceWorker.getRegistration('/scan'))?.active?.state === 'activated',
    undefined,
    {
      timeout: 20_000,
    },
  );
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: 'Start scanning' }).click();
}
