import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clubMember, supporterCredit, ticket } from '../../src/db/schema/index.ts';
import { buyAndPay, clubWithOwner, matchOnSale } from '../support/catalog.ts';
import { createUser, signIn, type TestClient } from '../support/harness.ts';
import { accessibilityViolations, chromiumAvailable, labelProblems, launchBrowser, type TestBrowser } from './browser.ts';
import { type ServedApp, serveTestApp } from './serve.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/members-transfer/', import.meta.url));

describe.skipIf(!chromiumAvailable())('members, passing a ticket on and credit in a browser', () => {
  let served: ServedApp | undefined;
  let browser: TestBrowser | null = null;
  const problems: string[] = [];
  const inaccessible: string[] = [];

  beforeAll(async () => {
    served = await serveTestApp({ TRUST_PROXY: 'false' });
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  /** A page of a browser signed in as `client`, at a phone's or a desk's width; errors and refused 400s watched. */
  async function pageAs(client: TestClient, width: 390 | 1366): Promise<{ context: BrowserContext; page: Page }> {
    const { baseURL } = served!;
    const context = await browser!.newContext({ baseURL, locale: 'en-BE', viewport: { width, height: width === 390 ? 844 : 900 } });
    await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: baseURL })));
    const page = await context.newPage();
    page.on('pageerror', (error) => void problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('status of 400')) problems.push(`console error: ${message.text()}`);
    });
    return { context, page };
  }
  const audit = async (page: Page, where: string) => {
    for (const v of [...(await accessibilityViolations(page)), ...(await labelProblems(page))]) inaccessible.push(`${where}: ${v}`);
  };

  it('a club imports its members, a supporter passes a ticket on, another spends credit at checkout', { timeout: 240_000 }, async () => {
    if (!browser || !served) throw new Error('browser not launched');
    const { t } = served;
    const db = t.runtime.deps.db;
    const ctx = await clubWithOwner(t, 'Abonnés FC');
    const { matchId, matchStandId } = await matchOnSale(t, ctx, 'Visitors FC');

    // The owner at a desk: Members from the club menu; a bad CSV first (nothing imported), then a good one.
    const desk = await pageAs(ctx.owner, 1366);
    await desk.page.goto(ctx.base);
    await desk.page.getByRole('link', { name: 'Members' }).first().click();
    await desk.page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
    const csv = `${SHOTS}/members.csv`;
    writeFileSync(csv, '\uFEFFname;email;member number\r\nMarie Dupont;marie@example.be;A-001\r\nJan;jan@;A-002\r\n');
    await desk.page.getByLabel('CSV file').setInputFiles(csv);
    await desk.page.getByRole('button', { name: 'Import', exact: true }).click();
    await desk.page.getByText('Line 3: the e-mail address is not valid').waitFor();
    await desk.page.screenshot({ path: `${SHOTS}/members-import-refused-1366.png`, fullPage: true });
    expect(await db.select().from(clubMember).where(eq(clubMember.clubId, ctx.club.id))).toHaveLength(0);
    writeFileSync(csv, '\uFEFFname;email;member number\r\nMarie Dupont;marie@example.be;A-001\r\nJan Peeters;jan@example.be;A-002\r\n');
    await desk.page.getByLabel('CSV file').setInputFiles(csv);
    await desk.page.getByRole('button', { name: 'Import', exact: true }).click();
    await desk.page.getByText('2 members imported.').waitFor();
    await audit(desk.page, 'members');
    await desk.page.screenshot({ path: `${SHOTS}/members-1366.png`, fullPage: true });
    const phoneOwner = await pageAs(ctx.owner, 390);
    await phoneOwner.page.goto(`${ctx.base}/members`);
    await phoneOwner.page.screenshot({ path: `${SHOTS}/members-390.png`, fullPage: true });

    // A supporter on a phone passes one of their two tickets on: Pass on → who → confirm (3 clicks).
    await createUser(t, 'giver@example.be', 'Gina Giver');
    const giver = await signIn(t, 'giver@example.be');
    const paid = await buyAndPay(t, giver, matchId, matchStandId, 2);
    const [first] = await db.select().from(ticket).where(eq(ticket.orderId, paid.id));
    const phone = await pageAs(giver, 390);
    await phone.page.goto(`/account/tickets/${first!.id}`);
    await phone.page.getByRole('link', { name: 'Pass on to someone else' }).click();
    await phone.page.getByLabel('Their name').fill('Fred Friend');
    await phone.page.getByLabel('Their e-mail address').fill('fred@example.be');
    await audit(phone.page, 'pass on');
    await phone.page.screenshot({ path: `${SHOTS}/pass-on-390.png`, fullPage: true });
    await phone.page.getByRole('button', { name: 'Continue' }).click();
    await phone.page.getByText('Fred Friend (fred@example.be) will get a new code').waitFor();
    await phone.page.screenshot({ path: `${SHOTS}/pass-on-confirm-390.png`, fullPage: true });
    await phone.page.getByRole('button', { name: 'Pass it on' }).click();
    await phone.page.getByText('Passed on to Fred Friend').waitFor();
    await phone.page.screenshot({ path: `${SHOTS}/tickets-passed-on-390.png`, fullPage: true });
    const deskGiver = await pageAs(giver, 1366);
    await deskGiver.page.goto(
      `/account/tickets/${(await db.select().from(ticket).where(eq(ticket.orderId, paid.id))).find((x) => x.id !== first!.id && x.seatId !== first!.id)!.id}/pass-on`,
    );
    await deskGiver.page.screenshot({ path: `${SHOTS}/pass-on-1366.png`, fullPage: true });
    await t.smtp.waitFor('fred@example.be', /Your tickets/);

    // A supporter with €15 of credit: the checkout takes it off what they pay.
    const { id: fanId } = await createUser(t, 'fan@example.be', 'Fay Fan');
    await db.insert(supporterCredit).values({ clubId: ctx.club.id, userId: fanId, amountCents: 1500, reason: 'give_back' });
    const fan = await signIn(t, 'fan@example.be');
    for (const width of [1366, 390] as const) {
      const { page } = await pageAs(fan, width);
      await page.goto(`/matches/${matchId}/checkout?q_${matchStandId}_adult=2`);
      await page.getByText('To pay').waitFor();
      await audit(page, `checkout ${width}`);
      await page.screenshot({ path: `${SHOTS}/checkout-credit-${width}.png`, fullPage: true });
      if (width === 390) {
        await page.getByRole('button', { name: 'Pay €7.00' }).click();
        await page.getByText('DEMO — no money moves').first().waitFor();
        expect(await page.getByRole('row', { name: /To pay/ }).textContent()).toContain('€7.00');
        await page.screenshot({ path: `${SHOTS}/demo-pay-credit-390.png`, fullPage: true });
      }
    }

    expect(problems).toEqual([]);
    expect(inaccessible).toEqual([]);
  });
});
