import { randomUUID } from 'node:crypto';
import type { GateSaleResponse } from '@footarena/gate-protocol';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchStand, order, scan, ticket } from '../src/db/schema/index.ts';
import { clubWithOwner, matchOnSale, postOk } from './support/catalog.ts';
import { FakeStripe, signedEvent } from './support/fake-stripe.ts';
import { databaseKinds, startTestApp, type TestApp } from './support/harness.ts';

const SECRET = 'whsec_gate123';

describe.each(databaseKinds())('a gate basket paid on the buyer’s phone through Stripe on %s', (kind) => {
  let t: TestApp;
  const fake = new FakeStripe();
  const db = () => t.runtime.deps.db;

  const api = async (path: string, token: string, body?: unknown): Promise<Response> =>
    t.app.request(`http://localhost/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const deliver = (type: string, object: unknown, id?: string) => {
    const signed = signedEvent(type, object, SECRET, id ? { id } : {});
    return t
      .client()
      .request('/webhooks/stripe', {
        method: 'POST',
        body: signed.payload,
        headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signed.signature },
      })
      .then((r) => Object.assign(r, { eventId: signed.id }));
  };

  beforeAll(async () => {
    await fake.start();
    t = await startTestApp(kind, { env: { STRIPE_SECRET_KEY: 'sk_test_123', STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_API_URL: fake.url } });
  });
  afterAll(async () => {
    await t?.close();
    await fake.stop();
  });

  it('charges exactly the basket on the club’s account without FootArena’s fee, then issues and admits once, however often the webhook comes', async () => {
    const club = await clubWithOwner(t, 'Stripe Gate FC');
    expect((await club.owner.post(`${club.base}/payouts/connect`, {})).status).toBe(303);
    const accountId = fake.find('POST', '/v1/account_links')!.params.account as string;
    fake.setAccount(accountId, { charges_enabled: true, payouts_enabled: true, details_submitted: true });
    expect((await deliver('account.updated', fake.account(accountId))).status).toBe(200);
    const m = await matchOnSale(t, club, 'Card Payers');
    const page = await club.owner.post(`${club.base}/devices`, { name: 'Card desk', kind: 'phone' });
    const code = /<p class="pairing-code">([2-9A-HJKMNP-Z]{8})<\/p>/.exec(await page.text())![1]!;
    const phone = (await (
      await t.app.request('http://localhost/api/v1/pair', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      })
    ).json()) as { token: string; deviceId: string };
    await postOk(club.owner, `${club.base}/box-office/devices/${phone.deviceId}`, { canSell: 'on' });

    const placed = (await (
      await api('/box-office/sales', phone.token, {
        matchId: m.matchId,
        clientSaleId: randomUUID(),
        method: 'phone',
        lines: [{ matchStandId: m.matchStandId, category: 'adult', quantity: 2 }],
      })
    ).json()) as GateSaleResponse;
    expect(placed).toMatchObject({ status: 'pending', totalCents: 2000 });

    // The buyer gives no address: Stripe's page asks for one itself.
    const buyer = t.client();
    const toPay = await buyer.post(new URL(placed.payUrl!).pathname, { email: '' });
    expect(toPay.status).toBe(303);
    const sessionId = /\/c\/pay\/(cs_test_\w+)$/.exec(toPay.headers.get('location')!)![1]!;
    const created = fake.find('POST', '/v1/checkout/sessions')!.params as Record<string, unknown> & {
      payment_intent_data: Record<string, unknown>;
      line_items: { quantity: string; price_data: { unit_amount: string } }[];
    };
    expect(created.payment_intent_data.application_fee_amount).toBeUndefined();
    expect(created.payment_intent_data.transfer_data).toEqual({ destination: accountId });
    expect(created.customer_email).toBeUndefined();
    expect(created.line_items).toEqual([
      expect.objectContaining({ quantity: '2', price_data: expect.objectContaining({ unit_amount: '1000' }) }),
    ]);

    // Not paid yet: the steward's screen still waits.
    expect(((await (await api(`/box-office/sales/${placed.orderId}`, phone.token)).json()) as GateSaleResponse).status).toBe('pending');
    fake.completeSession(sessionId, { paid: true });
    const first = await deliver('checkout.session.completed', fake.session(sessionId));
    expect(first.status).toBe(200);
    // Replayed, and another event for the same session: nothing more.
    expect((await deliver('checkout.session.completed', fake.session(sessionId), first.eventId)).status).toBe(200);
    expect((await deliver('checkout.session.async_payment_succeeded', fake.session(sessionId))).status).toBe(200);

    const polled = (await (await api(`/box-office/sales/${placed.orderId}`, phone.token)).json()) as GateSaleResponse;
    expect(polled).toMatchObject({ status: 'paid', tickets: 2, admitted: 2 });
    expect(await db().select().from(ticket).where(eq(ticket.orderId, placed.orderId))).toHaveLength(2);
    expect((await db().select().from(scan).where(eq(scan.deviceId, phone.deviceId))).map((s) => s.result)).toEqual(['ok', 'ok']);
    const [o] = await db().select().from(order).where(eq(order.id, placed.orderId));
    expect(o).toMatchObject({ status: 'paid', provider: 'stripe', channel: 'box_office', feeCents: 0, totalCents: 2000 });
    const [seats] = await db().select().from(matchStand).where(eq(matchStand.id, m.matchStandId));
    expect(seats).toMatchObject({ sold: 2, held: 0 });
  });
});
