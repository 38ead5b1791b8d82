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
import { activity, boxOfficeQuota, boxOfficeShift, matchStand, member, order, orderItem, scan, ticket } from '../src/db/schema/index.ts';
import { releaseLapsedQuotas } from '../src/domain/boxoffice/release-quotas.ts';
import { startStaffScanner } from '../src/domain/devices/start-staff-scanner.ts';
import { createGuestList } from '../src/domain/guests/create-guest-list.ts';
import { fulfilOrder } from '../src/domain/sales/fulfil-order.ts';
import { placeOrder } from '../src/domain/sales/place-order.ts';
import { releaseExpiredOrders } from '../src/domain/sales/release-expired-orders.ts';
import { clubWithOwner, matchOnSale, postOk } from './support/catalog.ts';
import { createUser, databaseKinds, startTestApp, type TestApp, textOf } from './support/harness.ts';
import { openApiOf } from './support/openapi.ts';

describe.each(databaseKinds())('the box office at the gate on %s', (kind) => {
  let t: TestApp;
  const db = () => t.runtime.deps.db;
  let club: Awaited<ReturnType<typeof clubWithOwner>>;
  let sale: Awaited<ReturnType<typeof matchOnSale>>;

  /** JSON to the device API, as the scanner sends it. */
  const api = async (path: string, token: string | null, body?: unknown): Promise<Response> =>
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

  /** A paired phone the club lets sell, and a fresh match on sale (its own stand, cap 50, adult €10). */
  async function sellingPhone(name: string, opponent: string) {
    const phone = await pairedPhone(name);
    await postOk(club.owner, `${club.base}/box-office/devices/${phone.deviceId}`, { canSell: 'on' });
    const m = await matchOnSale(t, club, opponent);
    return { ...phone, m };
  }

  it('reserves a quota while online, sells from it offline, records a replayed upload once, refuses beyond it and gives back the rest at the end of the shift', async () => {
    await postOk(club.owner, `${club.base}/box-office/settings`, { quotaSeats: '5' });
    const phone = await sellingPhone('Offline desk', 'Quota Rovers');
    const { m } = phone;
    const reserved = (await (await api('/box-office/quota', phone.token, { matchId: m.matchId })).json()) as QuotaResponse;
    expect(reserved).toEqual({ quotaSeats: 5, quotas: [{ matchStandId: m.matchStandId, standId: m.standId, left: 5 }] });
    expect(await seats(m.matchStandId)).toMatchObject({ sold: 0, held: 5 });
    // Asking again tops up to the setting, never past it.
    await api('/box-office/quota', phone.token, { matchId: m.matchId });
    expect(await seats(m.matchStandId)).toMatchObject({ sold: 0, held: 5 });

    const soldAt = new Date(Date.now() - 60_000).toISOString();
    const first = { clientSaleId: 'offline-0001', soldAt, lines: [{ matchStandId: m.matchStandId, category: 'adult', quantity: 3 }] };
    const beyond = { clientSaleId: 'offline-0002', soldAt, lines: [{ matchStandId: m.matchStandId, category: 'adult', quantity: 3 }] };
    const up = (sales: unknown[]) => api('/box-office/offline-sales', phone.token, { matchId: m.matchId, sales });
    const answer = (await (await up([first, beyond])).json()) as OfflineSalesResponse;
    expect(answer.sales[0]).toMatchObject({ clientSaleId: 'offline-0001', replayed: false });
    expect(answer.sales[1]).toMatchObject({ clientSaleId: 'offline-0002', error: 'quota_exceeded' });
    expect(await seats(m.matchStandId)).toMatchObject({ sold: 3, held: 2 });
    // The same upload again (the answer was lost): recorded once.
    const replay = (await (await up([first])).json()) as OfflineSalesResponse;
    expect(replay.sales[0]).toMatchObject({ clientSaleId: 'offline-0001', replayed: true });
    expect(await seats(m.matchStandId)).toMatchObject({ sold: 3, held: 2 });
    const offlineOrders = await db()
      .select()
      .from(order)
      .where(and(eq(order.matchId, m.matchId), eq(order.channel, 'box_office')));
    expect(offlineOrders).toHaveLength(1);
    const scans = await db().select().from(scan).where(eq(scan.matchId, m.matchId));
    expect(scans.map((s) => [s.result, s.offline, s.scannedAt.toISOString()])).toEqual([
      ['ok', true, soldAt],
      ['ok', true, soldAt],
      ['ok', true, soldAt],
    ]);

    // An online cash sale of a child (free) and one adult, then the cash count.
    await api('/box-office/sales', phone.token, cash(m.matchId, 1, randomUUID(), 'adult', m.matchStandId));
    await api('/box-office/sales', phone.token, cash(m.matchId, 1, randomUUID(), 'child', m.matchStandId));
    const catalog = (await (await api(`/box-office/matches/${m.matchId}`, phone.token)).json()) as GateCatalogResponse;
    expect(catalog.shift?.expectedCents).toBe(4000);
    const closed = (await (
      await api('/box-office/shift/close', phone.token, { matchId: m.matchId, countedCents: 3950, stewardName: 'Nora Till' })
    ).json()) as ShiftCloseResponse;
    expect(closed).toEqual({
      categories: [
        { category: 'adult', tickets: 4, cents: 4000 },
        { category: 'child', tickets: 1, cents: 0 },
      ],
      expectedCents: 4000,
      countedCents: 3950,
      differenceCents: -50,
      seatsReturned: 0,
    });
    // The quota's last seats went to the online sales first; none is left held.
    expect(await seats(m.matchStandId)).toMatchObject({ sold: 5, held: 0 });
    // The same close sent again (the answer was lost): the same count, no second line.
    const resent = await api('/box-office/shift/close', phone.token, { matchId: m.matchId, countedCents: 3950, stewardName: 'Nora Till' });
    expect(((await resent.json()) as ShiftCloseResponse).differenceCents).toBe(-50);
    const lines = await db()
      .select()
      .from(activity)
      .where(and(eq(activity.matchId, m.matchId), eq(activity.action, 'box_office.shift_closed')));
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line!.details).toMatchObject({ steward: 'Nora Till', expectedCents: 4000, countedCents: 3950, differenceCents: -50 });
    const history = await textOf(await club.owner.get(`${club.base}/activity`));
    expect(history).toContain('Nora Till closed the box office shift on Offline desk');
    // Owners see the shift on the match's report.
    const report = await textOf(await club.owner.get(`${club.base}/matches/${m.matchId}/match-day`));
    expect(report).toMatch(/Offline desk Nora Till 4 €\s?40\.00 €\s?39\.50 -€\s?0\.50|Offline desk/);
    const [shift] = await db().select().from(boxOfficeShift).where(eq(boxOfficeShift.matchId, m.matchId));
    expect(shift).toMatchObject({ closedByName: 'Nora Till', expectedCents: 4000, countedCents: 3950 });
  });

  it('gives back the quota of a device that never came back, once the match is played', async () => {
    const phone = await sellingPhone('Lost desk', 'Vanished FC');
    await api('/box-office/quota', phone.token, { matchId: phone.m.matchId });
    expect((await seats(phone.m.matchStandId)).held).toBe(5);
    // Not before the match is played.
    expect(await db().transaction((tx) => releaseLapsedQuotas(tx, {}, { actor: { kind: 'system' } }))).toBe(0);
    const later = new Date(Date.now() + 9 * 86_400_000);
    expect(await db().transaction((tx) => releaseLapsedQuotas(tx, { now: later }, { actor: { kind: 'system' } }))).toBeGreaterThanOrEqual(
      5,
    );
    expect((await seats(phone.m.matchStandId)).held).toBe(0);
    const [q] = await db().select().from(boxOfficeQuota).where(eq(boxOfficeQuota.deviceId, phone.deviceId));
    expect(q!.releasedAt).not.toBeNull();
    // A late upload beyond a released quota is refused, never sold past the seats reserved.
    const late = await api('/box-office/offline-sales', phone.token, {
      matchId: phone.m.matchId,
      sales: [
        {
          clientSaleId: 'late-00001',
          soldAt: new Date().toISOString(),
          lines: [{ matchStandId: phone.m.matchStandId, category: 'adult', quantity: 1 }],
        },
      ],
    });
    expect(((await late.json()) as OfflineSalesResponse).sales[0]).toMatchObject({ error: 'quota_exceeded' });
  });

  it('takes payment on the buyer’s own phone: seats held, the QR’s page pays exactly that basket, tickets issued and admitted once even when fulfilment repeats', async () => {
    const phone = await sellingPhone('Phone desk', 'Phone Payers');
    const { m } = phone;
    const body = {
      matchId: m.matchId,
      clientSaleId: randomUUID(),
      method: 'phone',
      lines: [{ matchStandId: m.matchStandId, category: 'adult', quantity: 2 }],
    };
    const placed = (await (await api('/box-office/sales', phone.token, body)).json()) as GateSaleResponse;
    expect(placed).toMatchObject({ status: 'pending', method: 'phone', totalCents: 2000, tickets: 0, admitted: 0 });
    expect(placed.payUrl).toMatch(/^http:\/\/localhost\/gate-pay\/[\w-]{43}$/);
    expect(placed.payQrSvg).toContain('<svg');
    expect(await seats(m.matchStandId)).toMatchObject({ sold: 0, held: 2 });

    // The buyer's phone: the basket, no service fee, an address for the tickets.
    const buyer = t.client();
    const path = new URL(placed.payUrl!).pathname;
    const page = await textOf(await buyer.get(path, { 'accept-language': 'en' }));
    expect(page).toContain('2 tickets Main');
    expect(page).toMatch(/Total: €\s?20\.00/);
    const bad = await buyer.post(path, { email: 'not-an-address' });
    expect(bad.status).toBe(400);
    const toPay = await buyer.post(path, { email: 'Walk.In@example.be' });
    expect(toPay.status).toBe(303);
    const demo = new URL(toPay.headers.get('location')!).pathname;
    expect(demo).toMatch(/^\/demo-pay\/demo_/);
    const paid = await buyer.post(`${demo}/pay`, {});
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toMatch(/^\/guest-orders\//);

    // The steward's screen asks, and turns green: paid, both admitted by this device.
    const polled = (await (await api(`/box-office/sales/${placed.orderId}`, phone.token)).json()) as GateSaleResponse;
    expect(polled).toMatchObject({ status: 'paid', tickets: 2, admitted: 2, payQrSvg: null });
    const [o] = await db().select().from(order).where(eq(order.id, placed.orderId));
    expect(o).toMatchObject({ channel: 'box_office', provider: 'demo', feeCents: 0, email: 'walk.in@example.be' });
    expect(await seats(m.matchStandId)).toMatchObject({ sold: 2, held: 0 });
    // Fulfilment again (a replayed webhook): nothing more issued, admitted or logged.
    const again = await db().transaction((tx) =>
      fulfilOrder(
        tx,
        { ...t.runtime.deps, config: t.runtime.deps.config.sales, baseURL: t.runtime.deps.config.baseURL },
        { actor: { kind: 'provider' }, sessionId: o!.providerSessionId! },
      ),
    );
    expect(again.status).toBe('already');
    expect(await db().select().from(ticket).where(eq(ticket.orderId, placed.orderId))).toHaveLength(2);
    expect((await db().select().from(scan).where(eq(scan.deviceId, phone.deviceId))).map((s) => s.result)).toEqual(['ok', 'ok']);
    // The tickets reach the address given on the phone.
    const mail = await t.smtp.waitFor('walk.in@example.be', undefined, { timeout: 20_000 });
    expect(mail.attachments.length).toBeGreaterThan(0);
    // Free children only: nothing to pay on a phone, recorded and admitted at once.
    const free = (await (
      await api('/box-office/sales', phone.token, {
        ...body,
        clientSaleId: randomUUID(),
        lines: [{ matchStandId: m.matchStandId, category: 'child', quantity: 1 }],
      })
    ).json()) as GateSaleResponse;
    expect(free).toMatchObject({ status: 'paid', method: 'cash', totalCents: 0, admitted: 1, payUrl: null });
    // A gate basket's page is the buyer's only: the same path with another token is unknown.
    expect((await buyer.get(`/gate-pay/${'x'.repeat(43)}`)).status).toBe(404);
  });

  it('gives the seats back when the buyer never pays on their phone', async () => {
    const phone = await sellingPhone('Abandoned desk', 'Walkaways');
    const { m } = phone;
    const body = {
      matchId: m.matchId,
      clientSaleId: randomUUID(),
      method: 'phone',
      lines: [{ matchStandId: m.matchStandId, category: 'adult', quantity: 3 }],
    };
    const placed = (await (await api('/box-office/sales', phone.token, body)).json()) as GateSaleResponse;
    expect(await seats(m.matchStandId)).toMatchObject({ held: 3 });
    const later = new Date(Date.now() + 60 * 60_000);
    await db().transaction((tx) =>
      releaseExpiredOrders(tx, { outbox: t.runtime.deps.outbox, now: later }, { actor: { kind: 'system' }, matchId: m.matchId }),
    );
    expect(await seats(m.matchStandId)).toMatchObject({ sold: 0, held: 0 });
    const polled = (await (await api(`/box-office/sales/${placed.orderId}`, phone.token)).json()) as GateSaleResponse;
    expect(polled).toMatchObject({ status: 'expired', admitted: 0, payQrSvg: null });
    expect(await textOf(await t.client().get(new URL(placed.payUrl!).pathname, { 'accept-language': 'en' }))).toContain(
      'no longer waiting for payment',
    );
  });

  it('reports a scripted match day per channel: online with its fee and refunds netted, gate cash, gate by phone, guests, free entries; on screen, CSV and PDF, for this club only', async () => {
    const phone = await sellingPhone('Report desk', 'Report Athletic');
    const { m } = phone;
    const clubId = club.club.id;
    /** An order of a channel as the other parts of FootArena record it (online checkout, guest lists, free entries). */
    const recorded = async (
      channel: 'online' | 'guest' | 'free_entry',
      status: 'paid' | 'pending' | 'refunded',
      item: { quantity: number; unitPriceCents: number; refundedQuantity?: number },
      money: { feeCents?: number; refundedCents?: number } = {},
    ) => {
      const subtotalCents = item.quantity * item.unitPriceCents;
      const feeCents = money.feeCents ?? 0;
      const [o] = await db()
        .insert(order)
        .values({
          clubId,
          matchId: m.matchId,
          email: 'fan@example.be',
          reference: `FA-R${randomUUID().slice(0, 6).toUpperCase()}`,
          status,
          subtotalCents,
          feeCents,
          totalCents: subtotalCents + feeCents,
          refundedCents: money.refundedCents ?? 0,
          channel,
          provider: channel === 'online' ? 'demo' : 'free',
          holdExpiresAt: new Date(),
          paidAt: status === 'pending' ? null : new Date(),
        })
        .returning({ id: order.id });
      await db()
        .insert(orderItem)
        .values({ clubId, orderId: o!.id, matchStandId: m.matchStandId, category: 'adult', ...item });
    };
    // Online: 3 tickets with €1.20 fee, one refunded with its share of the fee (€10 + €0.40); 1 ticket with €0.40 fee;
    // a pending and a refunded order, which are not sales.
    await recorded('online', 'paid', { quantity: 3, unitPriceCents: 1000, refundedQuantity: 1 }, { feeCents: 120, refundedCents: 1040 });
    await recorded('online', 'paid', { quantity: 1, unitPriceCents: 1000 }, { feeCents: 40 });
    await recorded('online', 'pending', { quantity: 2, unitPriceCents: 1000 }, { feeCents: 80 });
    await recorded('online', 'refunded', { quantity: 1, unitPriceCents: 1000 }, { feeCents: 40, refundedCents: 1040 });
    await recorded('guest', 'paid', { quantity: 4, unitPriceCents: 0 });
    await recorded('free_entry', 'paid', { quantity: 2, unitPriceCents: 0 });
    // The gate: two cash sales (2 adults, 1 child), one basket paid on a phone.
    await api('/box-office/sales', phone.token, cash(m.matchId, 2, randomUUID(), 'adult', m.matchStandId));
    await api('/box-office/sales', phone.token, cash(m.matchId, 1, randomUUID(), 'child', m.matchStandId));
    const onPhone = (await (
      await api('/box-office/sales', phone.token, { ...cash(m.matchId, 1, randomUUID(), 'adult', m.matchStandId), method: 'phone' })
    ).json()) as GateSaleResponse;
    const buyer = t.client();
    const toPay = await buyer.post(new URL(onPhone.payUrl!).pathname, { email: '' });
    const paidPage = await buyer.post(`${new URL(toPay.headers.get('location')!).pathname}/pay`, {});
    // No address given: the tickets are on the private page, mailed to nobody.
    const tickets = await textOf(await buyer.get(paidPage.headers.get('location')!, { 'accept-language': 'en' }));
    expect(tickets).toContain('Ticket 1 of 1');
    expect(tickets).not.toContain('were sent to');
    await api('/box-office/shift/close', phone.token, { matchId: m.matchId, countedCents: 2000, stewardName: 'Rita Report' });

    const en = { 'accept-language': 'en' };
    const page = await textOf(await club.owner.get(`${club.base}/matches/${m.matchId}/match-day`, en));
    const row = (label: string) => new RegExp(`${label} ([^€]*€\\s?[\\d.,]+ €\\s?[\\d.,]+)`).exec(page)?.[1];
    expect(row('Online')).toMatch(/^2 3 €\s?30\.00 €\s?1\.20$/);
    expect(row('Gate, cash')).toMatch(/^2 3 €\s?20\.00 €\s?0\.00$/);
    expect(row('Gate, paid by phone')).toMatch(/^1 1 €\s?10\.00 €\s?0\.00$/);
    expect(row('Guests')).toMatch(/^1 4 €\s?0\.00 €\s?0\.00$/);
    expect(row('Free entries')).toMatch(/^1 2 €\s?0\.00 €\s?0\.00$/);
    expect(row('Total')).toMatch(/^7 13 €\s?60\.00 €\s?1\.20$/);
    expect(page).toContain('Report desk Rita Report 3');

    const csv = await (await club.owner.get(`${club.base}/matches/${m.matchId}/match-day.csv`, en)).text();
    expect(csv).toContain('Online,2,3,30.00,1.20\r\n');
    expect(csv).toContain('"Gate, cash",2,3,20.00,0.00\r\n');
    expect(csv).toContain('"Gate, paid by phone",1,1,10.00,0.00\r\n');
    expect(csv).toContain('Total,7,13,60.00,1.20\r\n');
    expect(csv).toContain('Report desk,Rita Report,3,20.00,20.00,0.00\r\n');
    const pdf = await club.owner.get(`${club.base}/matches/${m.matchId}/match-day.pdf`, en);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // Another club's owner: no such match.
    const other = await clubWithOwner(t, 'Nosy Reports FC');
    for (const suffix of ['', '.csv', '.pdf'])
      expect((await other.owner.get(`${other.base}/matches/${m.matchId}/match-day${suffix}`)).status).toBe(404);
  });

  it.runIf(kind === 'postgres')(
    'never oversells a stand when online buyers, two box offices with their offline quotas and guest lists take its seats at the same moment',
    async () => {
      const a = await sellingPhone('Race desk A', 'Rush Rovers');
      const b = await pairedPhone('Race desk B');
      await postOk(club.owner, `${club.base}/box-office/devices/${b.deviceId}`, { canSell: 'on' });
      await postOk(club.owner, `${club.base}/box-office/settings`, { quotaSeats: '5' });
      const { m } = a;
      const ctx = { ...t.runtime.deps, config: t.runtime.deps.config.sales };
      const online = Array.from({ length: 40 }, (_, i) =>
        db()
          .transaction((tx) =>
            placeOrder(tx, ctx, {
              actor: { kind: 'guest', name: `Fan ${i}`, email: `fan${i}@example.be`, locale: 'en' },
              matchId: m.matchId,
              lines: [{ matchStandId: m.matchStandId, category: 'adult', quantity: 1 }],
            }),
          )
          .then(
            () => 'ok',
            (error: { code?: string }) => error.code ?? String(error),
          ),
      );
      const gate = Array.from({ length: 40 }, (_, i) =>
        api('/box-office/sales', (i % 2 ? a : b).token, cash(m.matchId, 1, randomUUID(), 'adult', m.matchStandId)).then(async (r) =>
          r.status === 200 ? 'ok' : ((await r.json()) as { error: string }).error,
        ),
      );
      // Both devices reserve their offline seats in the middle of the rush, and the club gives seats to guest lists.
      const quotas = [a, b].map((d) => api('/box-office/quota', d.token, { matchId: m.matchId }).then((r) => r.status));
      const lists = Array.from({ length: 3 }, (_, i) =>
        db()
          .transaction((tx) =>
            createGuestList(
              tx,
              {},
              {
                actor: { kind: 'system' },
                clubId: club.club.id,
                matchId: m.matchId,
                name: `Rush list ${i}`,
                kind: 'sponsors',
                allowances: { [m.matchStandId]: 3 },
              },
            ),
          )
          .then(
            () => 'ok',
            (error: { code?: string }) => error.code ?? String(error),
          ),
      );
      const [onlineResults, gateResults, quotaStatuses, listResults] = await Promise.all([
        Promise.all(online),
        Promise.all(gate),
        Promise.all(quotas),
        Promise.all(lists),
      ]);
      expect(quotaStatuses).toEqual([200, 200]);
      expect([...onlineResults, ...gateResults, ...listResults].filter((r) => r !== 'ok' && r !== 'not_enough_seats')).toEqual([]);
      const during = await seats(m.matchStandId);
      expect(during.sold + during.held).toBe(50); // full, never past it
      // The shifts close: the quotas' unsold seats go back; what was sold and what online buyers hold remain.
      let returned = 0;
      for (const d of [a, b]) {
        const response = await api('/box-office/shift/close', d.token, { matchId: m.matchId, countedCents: 0, stewardName: 'Racer' });
        returned += ((await response.json()) as ShiftCloseResponse).seatsReturned;
      }
      const onlineOk = onlineResults.filter((r) => r === 'ok').length;
      const gateOk = gateResults.filter((r) => r === 'ok').length;
      const listed = listResults.filter((r) => r === 'ok').length * 3;
      expect(onlineOk + gateOk + listed + returned).toBe(50);
      expect(await seats(m.matchStandId)).toMatchObject({ sold: gateOk, held: onlineOk + listed });
      const [tickets] = await db().select({ n: sql<number>`count(*)::int` }).from(ticket).where(eq(ticket.matchId, m.matchId));
      expect(tickets!.n).toBe(gateOk);
    },
  );

  it('answers every box office call as the published OpenAPI document says', async () => {
    const { conforms } = await openApiOf(t);
    const phone = await sellingPhone('Documented desk', 'Schema City');
    const { m } = phone;
    await conforms('/box-office/quota', await api('/box-office/quota', phone.token, { matchId: m.matchId }));
    await conforms('/box-office/matches/{matchId}', await api(`/box-office/matches/${m.matchId}`, phone.token), 'get');
    const sold = await conforms(
      '/box-office/sales',
      await api('/box-office/sales', phone.token, cash(m.matchId, 1, randomUUID(), 'adult', m.matchStandId)),
    );
    await conforms(
      '/box-office/sales',
      await api('/box-office/sales', phone.token, { ...cash(m.matchId, 1, randomUUID(), 'adult', m.matchStandId), method: 'phone' }),
    );
    await conforms('/box-office/sales', await api('/box-office/sales', phone.token, cash(m.matchId, 99)));
    await conforms(
      '/box-office/sales',
      await api('/box-office/sales', phone.token, cash(m.matchId, 49, randomUUID(), 'adult', m.matchStandId)),
    );
    await conforms('/box-office/sales/{orderId}', await api(`/box-office/sales/${(sold as GateSaleResponse).orderId}`, phone.token), 'get');
    await conforms('/box-office/sales/{orderId}', await api(`/box-office/sales/${randomUUID()}`, phone.token), 'get');
    const offline = {
      clientSaleId: 'schema-0001',
      soldAt: new Date().toISOString(),
      lines: [{ matchStandId: m.matchStandId, category: 'adult', quantity: 1 }],
    };
    await conforms(
      '/box-office/offline-sales',
      await api('/box-office/offline-sales', phone.token, { matchId: m.matchId, sales: [offline] }),
    );
    await conforms(
      '/box-office/shift/close',
      await api('/box-office/shift/close', phone.token, { matchId: m.matchId, countedCents: 1000, stewardName: 'Doc' }),
    );
    await conforms(
      '/box-office/shift/close',
      await api('/box-office/shift/close', phone.token, { matchId: m.matchId, countedCents: -1, stewardName: 'Doc' }),
    );
  });
});
