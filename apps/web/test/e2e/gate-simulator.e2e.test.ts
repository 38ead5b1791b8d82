import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '@footarena/gate/config';
import { pair } from '@footarena/gate/device-api';
import { startSimulator } from '@footarena/gate/simulator';
import { GateStore } from '@footarena/gate/store';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticket } from '../../src/db/schema/index.ts';
import { activeSigningKey } from '../../src/domain/tickets/signing-key.ts';
import { clubWithOwner, matchOnSale } from '../support/catalog.ts';
import { insertPaidOrder, insertSignedTickets } from '../support/gate.ts';
import { PASSWORD } from '../support/harness.ts';
import { accessibilityViolations, chromiumAvailable, launchBrowser, type TestBrowser } from './browser.ts';
import { type ServedApp, serveTestApp } from './serve.ts';

const results = (name: string) => fileURLToPath(new URL(`../../test-results/${name}`, import.meta.url));

describe.skipIf(!chromiumAvailable())('the gate simulator in a browser', () => {
  let served: ServedApp;
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let browser: TestBrowser | null = null;
  let dataDir = '';
  let orderId = '';
  let orderItemId = '';
  let tk: { id: string; code: string };
  let clubBase = '';
  let matchId = '';

  beforeAll(async () => {
    served = await serveTestApp();
    const { t } = served;
    const ctx = await clubWithOwner(t, 'Simulated FC');
    const sale = await matchOnSale(t, ctx);
    clubBase = ctx.base;
    matchId = sale.matchId;
    const paid = await insertPaidOrder(t.runtime.deps.db, {
      clubId: ctx.club.id,
      matchId: sale.matchId,
      reference: 'FA-SIMGATE',
      lines: [{ matchStandId: sale.matchStandId, category: 'adult', unitPriceCents: 1000, quantity: 2 }],
    });
    [orderId, orderItemId] = [paid.orderId, paid.itemIds[0]!];
    const key = await t.runtime.deps.db.transaction((tx) =>
      activeSigningKey(tx, ctx.club.id, t.runtime.deps.config.sales.ticketSealingKey),
    );
    const [made] = await insertSignedTickets(
      t.runtime.deps.db,
      key,
      { clubId: ctx.club.id, matchId: sale.matchId, orderId: paid.orderId, orderItemId: paid.itemIds[0]! },
      1,
    );
    tk = made!;
    const page = await ctx.owner.post(`${ctx.base}/devices`, { name: 'Main gate', kind: 'gate' });
    const code = /<p class="pairing-code">([2-9A-HJKMNP-Z]{8})<\/p>/.exec(await page.text())![1]!;
    dataDir = mkdtempSync(path.join(tmpdir(), 'footarena-sim-'));
    await new GateStore(dataDir).saveDevice(await pair(served.baseURL, code));
    sim = await startSimulator(parseConfig(JSON.stringify({ server: { url: served.baseURL }, dataDir, hardware: 'simulated' })));
    mkdirSync(results(''), { recursive: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await sim?.stop();
    await served?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('scans a ticket, opens, lets a person walk through and closes again; the ticket is used on the server', async () => {
    const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(sim.url);
    await page.waitForFunction(() => document.getElementById('state')?.textContent === 'closed', undefined, { timeout: 15_000 });
    await page.getByLabel('Ticket code').fill(tk.code);
    await page.getByRole('button', { name: 'Scan' }).click();
    await page.waitForFunction(() => document.getElementById('armpos')?.textContent === 'open', undefined, { timeout: 10_000 });
    await expect.poll(() => page.locator('#events li').first().textContent()).toContain('scan: admitted');
    await page.screenshot({ path: results('gate-sim-open.png') });
    await page.getByRole('button', { name: 'A person walks through' }).click();
    await page.waitForFunction(() => document.getElementById('state')?.textContent === 'passing', undefined, { timeout: 10_000 });
    await page.waitForFunction(() => document.getElementById('state')?.textContent === 'closed', undefined, { timeout: 10_000 });
    expect(await page.locator('#armpos').textContent()).toBe('closed');
    await expect.poll(() => page.locator('#events').textContent()).toContain('person passed');
    const [row] = await served.t.runtime.deps.db.select().from(ticket).where(eq(ticket.id, tk.id));
    expect(row!.usedAt).not.toBeNull();

    // The same ticket again: the gate stays shut and says why.
    await page.getByLabel('Ticket code').fill(tk.code);
    await page.getByRole('button', { name: 'Scan' }).click();
    await expect.poll(() => page.locator('#events li').first().textContent()).toContain('scan: refused, already used');
    expect(await page.locator('#armpos').textContent()).toBe('closed');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: results('gate-sim-refused.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: results('gate-sim-wide.png') });
    expect(browser!.foreignRequests()).toEqual([]);
    await context.close();
  });

  it("shows the club its gate's health and passages, readable on a phone and on a laptop", async () => {
    // Nobody walks through after an admission: "admitted, nobody passed" reaches the club.
    const [other] = await insertSignedTickets(
      served.t.runtime.deps.db,
      await served.t.runtime.deps.db.transaction((tx) =>
        activeSigningKey(tx, sim.gate.store.device!.clubId, served.t.runtime.deps.config.sales.ticketSealingKey),
      ),
      { clubId: sim.gate.store.device!.clubId, matchId, orderId: orderId, orderItemId: orderItemId },
      1,
    );
    sim.hardware.reader.read(other!.code);
    await expect.poll(() => sim.gate.store.events.length, { timeout: 15_000 }).toBe(1);
    await sim.gate.report();
    const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${served.baseURL}/sign-in`);
    await page.getByLabel('E-mail address').fill('simulated-fc@example.be');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`${served.baseURL}${clubBase}/devices`);
    await expect
      .poll(() => page.locator('td[data-health]').first().textContent())
      .toMatch(/^All well Last report \d\d:\d\d:\d\d · online · 0 queued$/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: results('gate-health-devices-390.png'), fullPage: true });
    await page.goto(`${served.baseURL}${clubBase}/matches/${matchId}/attendance`);
    await expect.poll(() => page.locator('#passages').textContent()).toContain('Admitted, nobody passed');
    expect(await page.locator('#passages').textContent()).toContain('Main gate');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: results('gate-passages-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: results('gate-passages-1366.png'), fullPage: true });
    expect(browser!.foreignRequests()).toEqual([]);
    await context.close();
  });
});
