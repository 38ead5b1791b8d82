import { randomUUID } from 'node:crypto';
import type {
  GateCatalogResponse,
  GateSaleResponse,
  OfflineSalesResponse,
  QuotaResponse,
  ShiftCloseResponse,
} from '@footarena/gate-protocol';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activity,
  boxOfficeQuota,
  boxOfficeShift,
  device,
  matchStand,
  member,
  order,
  orderItem,
  scan,
  ticket,
} from '../src/db/schema/index.ts';
import { releaseLapsedQuotas } from '../src/domain/boxoffice/release-quotas.ts';
import { startStaffScanner } from '../src/domain/devices/start-staff-scanner.ts';
import { fulfilOrder } from '../src/domain/sales/fulfil-order.ts';
import { placeOrder } from '../src/domain/sales/place-order.ts';
import { releaseExpiredOrders } from '../src/domain/sales/release-expired-orders.ts';
import { clubWithOwner, matchOnSale, postOk } from './support/catalog.ts';
import { createUser, databaseKinds, startTestApp, type TestApp, textOf } from './support/harness.ts';

describe.each(databaseKinds())('the box office at the gate on %s', (kind) => {
  let t: TestApp;
  const db = () => t.runtime.deps.db;
  let club: Awaited<ReturnType<typeof clubWithOwner>>;
  let sale: Awaited<ReturnType<typeof matchOnSale>>;

  /** JSON to the device API, as the scanner sends it. */
  const api = (path: string, token: string | null, body?: unknown) =>
    t.app.request(`http://localhost/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function pairedPhone(name: string) {
    const page = await club.owner.post(`${club.base}/devices`, { name, kind: 'phone' });
    const code = /<p class="pairing-code">([2-9A-HJKMNP-Z]{8})<\/p>/.exec(await page.text())![1]!;
    const paired = (await (await api('/pair', null, { code })).json()) as { token: string; deviceId: string };
    return paired;
  }

  const seats = async (matchStandId = sale.matchStandId) => {
    const [row] = await db().select().from(matchStand).where(eq(matchStand.id, matchStandId));
    return { sold: row!.sold, held: row!.held, cap: row!.cap };
  };

  const cash = (matchId: string, quantity: number, clientSaleId = randomUUID(), category = 'adult', matchStandId = sale.matchStandId) => ({
    matchId,
    clientSaleId,
    method: 'cash',
    lines: [{ matchStandId, category, quantity }],
  });

  beforeAll(async () => {
    t = await startTestApp(kind);
    club = await clubWithOwner(t, 'Gate Sales FC');
    sale = await matchOnSale(t, club, 'Cashiers United');
  });
  afterAll(() => t?.close());

  it('refuses a device the club has not let sell, then sells two tickets for cash that are admitted at once, a retry recorded once', async () => {
    const phone = await pairedPhone('Cash desk');
    // Not allowed: no Sell mode, and the API refuses every box office call.
    const matches = (await (await api('/matches', phone.token)).json()) as { canSell: boolean };
    expect(matches.canSell).toBe(false);
    for (const response of [
      await api(`/box-office/matches/${sale.matchId}`, phone.token),
      await api('/box-office/sales', phone.token, cash(sale.matchId, 2)),
    ]) {
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: string }).error).toBe('forbidden');
    }
    expect(await seats()).toMatchObject({ sold: 0, held: 0 });

    await postOk(club.owner, `${club.base}/box-office/devices/${phone.deviceId}`, { canSell: 'on' });
    expect(((await (await api('/matches', phone.token)).json()) as { canSell: boolean }).canSell).toBe(true);
    const catalog = (await (await api(`/box-office/matches/${sale.matchId}`, phone.token)).json()) as GateCatalogResponse;
    expect(catalog.stands).toEqual([
      expect.objectContaining({
        matchStandId: sale.matchStandId,
        name: 'Main',
        seatsLeft: 50,
        quotaLeft: 0,
        prices: expect.arrayContaining([{ category: 'adult', priceCents: 1000 }]),
      }),
    ]);

    // A price in the request is not a field of the contract: refused, nothing sold.
    const priced = await api('/box-office/sales', phone.token, {
      ...cash(sale.matchId, 2),
      lines: [{ matchStandId: sale.matchStandId, category: 'adult', quantity: 2, unitPriceCents: 1 }],
    });
    expect(priced.status).toBe(400);

    const body = cash(sale.matchId, 2);
    const sold = (await (await api('/box-office/sales', phone.token, body)).json()) as GateSaleResponse;
    expect(sold).toMatchObject({
      status: 'paid',
      method: 'cash',
      totalCents: 2000,
      tickets: 2,
      admitted: 2,
      payUrl: null,
      replayed: false,
    });
    const [o] = await db().select().from(order).where(eq(order.id, sold.orderId));
    expect(o).toMatchObject({
      channel: 'box_office',
      provider: 'cash',
      status: 'paid',
      feeCents: 0,
      subtotalCents: 2000,
      clubId: club.club.id,
    });
    const admitted = await db().select().from(ticket).where(eq(ticket.orderId, sold.orderId));
    expect(admitted.map((tk) => tk.usedByDevice)).toEqual([phone.deviceId, phone.deviceId]);
    const logged = await db().select().from(scan).where(eq(scan.deviceId, phone.deviceId));
    expect(logged.map((s) => s.result)).toEqual(['ok', 'ok']);
    expect(await seats()).toMatchObject({ sold: 2, held: 0 });

    // The same sale sent again (the answer was lost): that sale, not a second one.
    const again = (await (await api('/box-office/sales', phone.token, body)).json()) as GateSaleResponse;
    expect(again).toMatchObject({ orderId: sold.orderId, replayed: true, admitted: 2 });
    expect(await seats()).toMatchObject({ sold: 2, held: 0 });

    // Another club's device never sees this sale.
    const other = await clubWithOwner(t, 'Other Gate FC');
    const otherPage = await other.owner.post(`${other.base}/devices`, { name: 'Their desk', kind: 'phone' });
    const code = /<p class="pairing-code">([2-9A-HJKMNP-Z]{8})<\/p>/.exec(await otherPage.text())![1]!;
    const theirs = (await (await api('/pair', null, { code })).json()) as { token: string; deviceId: string };
    await postOk(other.owner, `${other.base}/box-office/devices/${theirs.deviceId}`, { canSell: 'on' });
    // (Nor may that owner change this club's device.)
    expect((await other.owner.post(`${other.base}/box-office/devices/${phone.deviceId}`, { canSell: 'off' })).status).toBe(404);
    expect((await api(`/box-office/sales/${sold.orderId}`, theirs.token)).status).toBe(404);
    expect((await api('/box-office/sales', theirs.token, cash(sale.matchId, 1))).status).toBe(404);
  });

  it('lets a staff member sell from their own browser scanner only once an owner allowed them', async () => {
    const { id: userId } = await createUser(t, 'steward-sells@example.be', 'Sam Steward');
    const [row] = await db()
      .insert(member)
      .values({
        id: randomUUID().replaceAll('-', ''),
        organizationId: club.club.id,
        userId: String(userId),
        role: 'steward',
        createdAt: new Date(),
      })
      .returning();
    const scanner = await startStaffScanner(db(), {}, { actor: { userId: String(userId), name: 'Sam Steward' }, clubId: club.club.id });
    expect((await api(`/box-office/matches/${sale.matchId}`, scanner.token)).status).toBe(403);
    await postOk(club.owner, `${club.base}/box-office/members/${row!.id}`, { canSell: 'on' });
    expect((await api(`/box-office/matches/${sale.matchId}`, scanner.token)).status).toBe(200);
    const page = await textOf(await club.owner.get(`${club.base}/box-office`));
    expect(page).toContain('Sam Steward');
    await postOk(club.owner, `${club.base}/box-office/members/${row!.id}`, { canSell: 'off' });
    expect((await api(`/box-office/matches/${sale.matchId}`, scanner.token)).status).toBe(403);
  });
});
