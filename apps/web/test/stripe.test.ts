import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { and, eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clubPaymentAccount, matchStand, order, stripeEvent } from '../src/db/schema/index.ts';
import { createMatch } from '../src/domain/catalog/create-match.ts';
import { createStand } from '../src/domain/catalog/create-stand.ts';
import { createVenue } from '../src/domain/catalog/create-venue.ts';
import { setMatchStands } from '../src/domain/catalog/set-match-stands.ts';
import { setMatchStatus } from '../src/domain/catalog/set-match-status.ts';
import { fulfilOrder } from '../src/domain/sales/fulfil-order.ts';
import { releaseExpiredOrders } from '../src/domain/sales/release-expired-orders.ts';
import { STRIPE_EVENT_MAX_BYTES } from '../src/http/webhooks/stripe.ts';
import { clubWithOwner, competitionId, refundableTickets } from './support/catalog.ts';
import { FakeStripe, parseStripeForm, signedEvent } from './support/fake-stripe.ts';
import { createUser, databaseKinds, signIn, startTestApp, type TestApp, type TestClient, textOf } from './support/harness.ts';

const SECRET = 'whsec_test123';
const NOT_READY = 'This club cannot take online payments yet: its payout account is not ready.';
const en = { headers: { 'accept-language': 'en' } };

describe('the fake Stripe server', () => {
  const fake = new FakeStripe();
  let stripe: Stripe;
  beforeAll(async () => {
    await fake.start();
    stripe = new Stripe('sk_test_fake', { host: '127.0.0.1', port: fake.port, protocol: 'http', telemetry: false, maxNetworkRetries: 0 });
  });
  afterAll(() => fake.stop());

  it('parses bracketed form keys into nested objects and arrays', () => {
    expect(
      parseStripeForm(
        'mode=payment&line_items[0][price_data][unit_amount]=1250&line_items[0][quantity]=2&line_items[1][quantity]=1' +
          '&payment_intent_data[transfer_data][destination]=acct_1&expand[]=line_items&metadata[a%20b]=x%26y',
      ),
    ).toEqual({
      mode: 'payment',
      line_items: [{ price_data: { unit_amount: '1250' }, quantity: '2' }, { quantity: '1' }],
      payment_intent_data: { transfer_data: { destination: 'acct_1' } },
      expand: ['line_items'],
      metadata: { 'a b': 'x&y' },
    });
  });

  it('answers the real SDK like Stripe: objects, errors, idempotent replays', async () => {
    const account = await stripe.accounts.create({ country: 'BE', controller: { stripe_dashboard: { type: 'express' } } });
    expect(account).toMatchObject({ object: 'account', charges_enabled: false, payouts_enabled: false, details_submitted: false });
    expect(account.id).toMatch(/^acct_/);
    fake.setAccount(account.id, { charges_enabled: true });
    const params: Stripe.Checkout.SessionCreateParams = {
      mode: 'payment',
      line_items: [
        { quantity: 2, price_data: { currency: 'eur', unit_amount: 1250, product_data: { name: 'Ticket' } } },
        { quantity: 1, price_data: { currency: 'eur', unit_amount: 250, product_data: { name: 'Fee' } } },
      ],
      payment_intent_data: { application_fee_amount: 250, transfer_data: { destination: account.id } },
      expires_at: Math.floor(Date.now() / 1000) + 3600,
    };
    const first = await stripe.checkout.sessions.create(params, { idempotencyKey: 'k1' });
    expect(first).toMatchObject({ object: 'checkout.session', amount_total: 2750, status: 'open', payment_status: 'unpaid' });
    expect(first.id).toMatch(/^cs_test_/);
    expect(first.url).toBe(`https://checkout.stripe.test/c/pay/${first.id}`);
    expect((await stripe.checkout.sessions.create(params, { idempotencyKey: 'k1' })).id).toBe(first.id);
    expect(fake.sessions.size).toBe(1);
    await expect(stripe.checkout.sessions.create({ ...params, client_reference_id: 'x' }, { idempotencyKey: 'k1' })).rejects.toBeInstanceOf(
      Stripe.errors.StripeIdempotencyError,
    );
    const refused = (extra: Record<string, unknown>) =>
      stripe.checkout.sessions.create({ ...params, ...extra } as Stripe.Checkout.SessionCreateParams).catch((e: Error) => e);
    expect(await refused({ payment_method_types: ['card'] })).toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'parameter_unknown',
    });
    expect(await refused({ expires_at: Math.floor(Date.now() / 1000) + 600 })).toMatchObject({ param: 'expires_at' });

    const { chargeId } = fake.completeSession(first.id, { paid: true });
    const paid = await stripe.checkout.sessions.retrieve(first.id, { expand: ['line_items'] });
    expect(paid).toMatchObject({ status: 'complete', payment_status: 'paid', url: null });
    expect(paid.line_items?.data.map((l) => l.amount_total)).toEqual([2500, 250]);
    expect(await stripe.checkout.sessions.expire(first.id).catch((e: Error) => e)).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    const refund = await stripe.refunds.create({
      payment_intent: paid.payment_intent as string,
      refund_application_fee: true,
      reverse_transfer: true,
    });
    expect(refund).toMatchObject({ object: 'refund', amount: 2750, charge: chargeId, status: 'succeeded' });
    expect((await stripe.charges.retrieve(chargeId!)).refunded).toBe(true);
    expect(await stripe.refunds.create({ payment_intent: 'pi_nope' }).catch((e: Error) => e)).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
    expect(
      await new Stripe('sk_live_x', { host: '127.0.0.1', port: fake.port, protocol: 'http' }).accounts.retrieve(account.id).catch((e) => e),
    ).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });
});

describe.each(databaseKinds())('Stripe payments on %s', (kind) => {
  /** Sessions are expired by a job after the commit (never under a stand row's lock): wait for the call. */
  async function expireCall(sessionId: string) {
    const deadline = Date.now() + 10_000;
    while (!fake.find('POST', `/v1/checkout/sessions/${sessionId}/expire`) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    return fake.find('POST', `/v1/checkout/sessions/${sessionId}/expire`);
  }

  let t: TestApp;
  const fake = new FakeStripe();
  /** The club of every test but the onboarding one, connected and able to take charges. */
  let seller: Awaited<ReturnType<typeof clubWithOwner>> & { accountId: string };
  let buyers = 0;

  beforeAll(async () => {
    await fake.start();
    t = await startTestApp(kind, {
      env: { STRIPE_SECRET_KEY: 'sk_test_123', STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_API_URL: fake.url },
    });
    const ctx = await clubWithOwner(t, 'Stripe Rovers');
    const accountId = await connect(ctx.owner, ctx.base);
    fake.setAccount(accountId, { charges_enabled: true, payouts_enabled: true, details_submitted: true });
    expect((await deliver('account.updated', fake.account(accountId))).status).toBe(200);
    seller = { ...ctx, accountId };
  });
  afterAll(async () => {
    await t?.close();
    await fake.stop();
  });

  const db = () => t.runtime.deps.db;

  /**
   * Sends a body of 64 KiB chunks with these headers over a real socket until the server answers
   * (a chunked body ends after 32 MiB; a declared one never does); `finished` tells whether it ended.
   */
  function sendUntilAnswered(port: number, headers: Record<string, string>) {
    return new Promise<{ status: number; finished: boolean }>((resolve, reject) => {
      let sent = 0;
      let finished = false;
      let answered = false;
      const req = httpRequest(
        { host: '127.0.0.1', port, method: 'POST', path: '/webhooks/stripe', headers: { 'content-type': 'application/json', ...headers } },
        (res) => {
          answered = true;
          res.resume();
          resolve({ status: res.statusCode ?? 0, finished });
          req.destroy();
        },
      );
      const timer = setTimeout(() => {
        answered = true;
        resolve({ status: 0, finished });
        req.destroy();
      }, 5_000);
      req.on('close', () => clearTimeout(timer));
      req.on('error', (error) => {
        if (!answered) reject(error);
      });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!answered && sent < 32 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!answered && headers['transfer-encoding']) {
          finished = true;
          req.end();
        }
      };
      pump();
    });
  }

  async function connect(owner: TestClient, base: string) {
    const response = await owner.post(`${base}/payouts/connect`, {});
    expect(response.status).toBe(303);
    return fake.find('POST', '/v1/account_links')!.params.account as string;
  }

  /** Posts a raw body to the webhook as Stripe does. */
  function post(payload: string, signature: string | null) {
    return t.client().request('/webhooks/stripe', {
      method: 'POST',
      body: payload,
      headers: { 'content-type': 'application/json; charset=utf-8', ...(signature === null ? {} : { 'stripe-signature': signature }) },
    });
  }

  /** Signs and delivers an event; `id` replays one. */
  async function deliver(type: string, object: unknown, options: { id?: string; secret?: string; timestamp?: number } = {}) {
    const signed = signedEvent(type, object, options.secret ?? SECRET, options);
    const response = await post(signed.payload, signed.signature);
    return Object.assign(response, { eventId: signed.id, payload: signed.payload });
  }

  /** A new home match of the seller on sale: one stand of `cap` seats, adults 12,50 €. */
  async function matchOnSale(cap = 10, clubId = seller.club.id) {
    const venueId = await createVenue(
      db(),
      {},
      { actor: { kind: 'system' }, clubId: clubId, venue: { name: 'Ground', street: 'Rue 1', postalCode: '1000', commune: 'Bruxelles' } },
    );
    const standId = await db().transaction((tx) =>
      createStand(tx, {}, { actor: { kind: 'system' }, clubId, venueId, stand: { name: 'Main', capacity: cap, prices: { adult: 1250 } } }),
    );
    const competition = await competitionId(t);
    const matchId = await db().transaction((tx) =>
      createMatch(
        tx,
        {},
        {
          actor: { kind: 'system' },
          clubId,
          match: {
            isHome: true,
            opponentName: 'Visitors',
            competitionId: competition,
            venueId,
            kickoffAt: new Date(Date.now() + 10 * 86_400_000),
            orderLimit: 10,
          },
        },
      ),
    );
    await db().transaction((tx) =>
      setMatchStands(tx, {}, { actor: { kind: 'system' }, clubId, matchId, stands: [{ standId, open: true, prices: {} }] }),
    );
    await db().transaction((tx) => setMatchStatus(tx, t.runtime.deps, { actor: { kind: 'system' }, clubId, matchId, status: 'on_sale' }));
    const [row] = await db().select().from(matchStand).where(eq(matchStand.matchId, matchId));
    return { matchId, matchStandId: row!.id };
  }

  /** A signed-in supporter with their own address (so their mails are theirs alone). */
  async function buyer() {
    const email = `buyer${++buyers}@example.be`;
    await createUser(t, email, `Buyer ${buyers}`);
    return { email, client: await signIn(t, email) };
  }

  /** Buys adult tickets through the match page; returns the order and its Checkout Session. */
  async function buy(client: TestClient, m: { matchId: string; matchStandId: string }, quantity: number) {
    const response = await client.post(`/matches/${m.matchId}/checkout`, { [`q_${m.matchStandId}_adult`]: String(quantity) }, en);
    if (response.status !== 303) throw new Error(`checkout → ${response.status}: ${(await textOf(response)).slice(0, 600)}`);
    const location = response.headers.get('location')!;
    const sessionId = location.split('/').at(-1)!;
    const placed = await orderOf(sessionId);
    if (!placed) throw new Error(`no order for ${location}`);
    return { response, location, sessionId, order: placed };
  }

  const orderOf = async (sessionId: string) => (await db().select().from(order).where(eq(order.providerSessionId, sessionId)))[0];
  const orderById = async (id: string) => (await db().select().from(order).where(eq(order.id, id)))[0]!;
  const seats = async (matchStandId: string) => {
    const [row] = await db().select().from(matchStand).where(eq(matchStand.id, matchStandId));
    return { held: row!.held, sold: row!.sold, cap: row!.cap };
  };
  const handled = async (eventId: string) => (await db().select().from(stripeEvent).where(eq(stripeEvent.id, eventId))).length > 0;

  it('connects a club to Stripe and lets it sell once Stripe says it can take charges', async () => {
    const ctx = await clubWithOwner(t, 'Onboarding FC');
    const m = await matchOnSale(10, ctx.club.id);
    const fan = await buyer();
    const refused = async () => {
      const response = await fan.client.post(`/matches/${m.matchId}/checkout`, { [`q_${m.matchStandId}_adult`]: '1' }, en);
      expect(response.status).toBe(409);
      expect(await textOf(response)).toContain(NOT_READY);
      expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 0 });
    };
    await refused(); // no payout account at all

    const creations = () => fake.findAll('POST', '/v1/accounts').filter((r) => r.path === '/v1/accounts');
    const before = creations().length;
    const response = await ctx.owner.post(`${ctx.base}/payouts/connect`, {});
    expect(response.status).toBe(303);
    expect(creations()).toHaveLength(before + 1);
    const request = creations().at(-1)!;
    expect(request.params).toEqual({
      country: 'BE',
      email: 'onboarding-fc@example.be',
      business_profile: { name: 'Onboarding FC' },
      controller: { fees: { payer: 'application' }, losses: { payments: 'application' }, stripe_dashboard: { type: 'express' } },
      capabilities: { card_payments: { requested: 'true' }, transfers: { requested: 'true' }, bancontact_payments: { requested: 'true' } },
      metadata: { clubId: ctx.club.id },
    });
    expect(request.idempotencyKey).toBe(`account-${ctx.club.id}`);
    expect(request.authorization).toBe('Bearer sk_test_123');
    expect(request.stripeVersion).toBe(Stripe.API_VERSION);
    expect(request.stripeAccount).toBeUndefined();
    const accountId = (request.response as { id: string }).id;
    const link = fake.find('POST', '/v1/account_links')!;
    expect(link.params).toEqual({
      account: accountId,
      type: 'account_onboarding',
      refresh_url: `http://localhost${ctx.base}/payouts/refresh`,
      return_url: `http://localhost${ctx.base}/payouts/return`,
    });
    expect(response.headers.get('location')).toBe((link.response as { url: string }).url);
    expect(response.headers.get('location')).toMatch(new RegExp(`^https://connect\\.stripe\\.test/onboarding/${accountId}/`));
    const [row] = await db().select().from(clubPaymentAccount).where(eq(clubPaymentAccount.clubId, ctx.club.id));
    expect(row).toMatchObject({ stripeAccountId: accountId, chargesEnabled: false, payoutsEnabled: false, detailsSubmitted: false });

    // Connecting again continues the same account: a fresh link, no second account.
    const again = await ctx.owner.post(`${ctx.base}/payouts/connect`, {});
    expect(again.status).toBe(303);
    expect(creations()).toHaveLength(before + 1);
    expect(fake.find('POST', '/v1/account_links')!.params.account).toBe(accountId);
    await refused(); // an account, but Stripe does not let it take charges yet
    // Back from Stripe with the onboarding unfinished: the page says so, and still offers to continue.
    const back = await ctx.owner.get(`${ctx.base}/payouts/return`, en.headers);
    expect(back.status).toBe(303);
    expect(await textOf(await ctx.owner.follow(back))).toContain('Stripe still needs information before the club can sell paid tickets.');

    // The event says "enabled", Stripe says otherwise: the app believes Stripe.
    const lying = await deliver('account.updated', { ...fake.account(accountId), charges_enabled: true });
    expect(lying.status).toBe(200);
    expect(fake.find('GET', `/v1/accounts/${accountId}`)).toBeDefined();
    await refused();

    fake.setAccount(accountId, { charges_enabled: true, details_submitted: true });
    expect((await deliver('account.updated', fake.account(accountId))).status).toBe(200);
    const [ready] = await db().select().from(clubPaymentAccount).where(eq(clubPaymentAccount.clubId, ctx.club.id));
    expect(ready).toMatchObject({ chargesEnabled: true, detailsSubmitted: true, payoutsEnabled: false });
    const sold = await buy(fan.client, m, 1);
    expect(sold.location).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);
    expect(fake.find('POST', '/v1/checkout/sessions')!.params).toMatchObject({
      payment_intent_data: { transfer_data: { destination: accountId } },
    });
    expect(await textOf(await ctx.owner.get(`${ctx.base}/payouts`, en.headers))).toContain(
      'The club can sell paid tickets; Stripe still needs information before paying out.',
    );
  });

  it('creates the Checkout Session as a destination charge with the fee, and holds the seats', async () => {
    const m = await matchOnSale();
    const fan = await buyer();
    const before = Math.floor(Date.now() / 1000);
    const { location, sessionId, order: placed } = await buy(fan.client, m, 2);
    expect(placed).toMatchObject({ status: 'pending', subtotalCents: 2500, feeCents: 250, totalCents: 2750, provider: 'stripe' });
    const request = fake.find('POST', '/v1/checkout/sessions')!;
    expect(request.path).toBe('/v1/checkout/sessions');
    expect(request.idempotencyKey).toBe(`checkout-${placed.id}`);
    expect(request.stripeAccount).toBeUndefined(); // a destination charge is made on the platform
    const { params } = request;
    expect(params).toMatchObject({
      mode: 'payment',
      customer_email: fan.email,
      client_reference_id: placed.id,
      metadata: { orderId: placed.id, reference: placed.reference },
      payment_intent_data: {
        application_fee_amount: '250',
        transfer_data: { destination: seller.accountId },
        metadata: { orderId: placed.id },
      },
      success_url: `http://localhost/account/orders/${placed.reference}`,
      cancel_url: `http://localhost/account/orders/${placed.reference}`,
    });
    expect(params.line_items).toEqual([
      { quantity: '2', price_data: { currency: 'eur', unit_amount: '1250', product_data: { name: expect.stringContaining('Main') } } },
      { quantity: '1', price_data: { currency: 'eur', unit_amount: '250', product_data: { name: 'FootArena service fee' } } },
    ]);
    expect(params).not.toHaveProperty('payment_method_types');
    const expiresAt = Number(params.expires_at);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 30 * 60);
    expect(expiresAt).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 24 * 3600);
    expect(expiresAt).toBeGreaterThanOrEqual(Math.floor(placed.holdExpiresAt.getTime() / 1000));
    expect(location).toBe(fake.session(sessionId).url);
    expect(fake.session(sessionId)).toMatchObject({ amount_total: 2750, status: 'open', client_reference_id: placed.id });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 2, sold: 0 });

    // The buyer turns back from the payment page (cancel_url) to the order, still held, and gives it
    // up with its button: the hold ends and Stripe's session too.
    const landing = await fan.client.get(new URL(String(params.cancel_url)).pathname);
    expect(landing.status).toBe(200);
    expect(await seats(m.matchStandId)).toMatchObject({ held: 2, sold: 0 });
    const back = await fan.client.post(`/account/orders/${placed.reference}/abandon`, {});
    expect(back.headers.get('location')).toBe(`/matches/${m.matchId}`);
    expect(await expireCall(sessionId)).toMatchObject({ status: 200 });
    expect(fake.session(sessionId).status).toBe('expired');
    expect(await orderById(placed.id)).toMatchObject({ status: 'cancelled' });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 0 });
  });

  it('gives the seats back at once when Stripe cannot create the Checkout Session', async () => {
    const m = await matchOnSale();
    const fan = await buyer();
    fake.failNext('POST', '/v1/checkout/sessions');
    const response = await fan.client.post(`/matches/${m.matchId}/checkout`, { [`q_${m.matchStandId}_adult`]: '2' }, en);
    expect(response.status).toBe(500);
    expect(fake.find('POST', '/v1/checkout/sessions')).toMatchObject({ status: 500 });
    const [left] = await db().select().from(order).where(eq(order.matchId, m.matchId));
    expect(left).toMatchObject({ status: 'cancelled', providerSessionId: null });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 0 });
    // Stripe back: the next try works.
    await buy(fan.client, m, 2);
    expect(await seats(m.matchStandId)).toMatchObject({ held: 2, sold: 0 });
  });

  it('fulfils from a verified event exactly once, re-reading the session, and refuses forged deliveries', async () => {
    const m = await matchOnSale();
    const fan = await buyer();
    const a = await buy(fan.client, m, 2);
    fake.completeSession(a.sessionId, { paid: true });
    const first = await deliver('checkout.session.completed', fake.session(a.sessionId));
    expect(first.status).toBe(200);
    const paid = await orderById(a.order.id);
    expect(paid).toMatchObject({ status: 'paid', providerPaymentId: fake.session(a.sessionId).payment_intent });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 2 });
    expect(await handled(first.eventId)).toBe(true);

    // The same event again (Stripe retries): acknowledged, not even re-read.
    const reads = fake.findAll('GET', `/v1/checkout/sessions/${a.sessionId}`).length;
    const replay = await post(first.payload, Stripe.webhooks.generateTestHeaderString({ payload: first.payload, secret: SECRET }));
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ duplicate: true });
    expect(fake.findAll('GET', `/v1/checkout/sessions/${a.sessionId}`)).toHaveLength(reads);
    // Another event for the same session, and an "expired" one arriving late: nothing changes.
    expect((await deliver('checkout.session.completed', fake.session(a.sessionId))).status).toBe(200);
    expect((await deliver('checkout.session.async_payment_succeeded', fake.session(a.sessionId))).status).toBe(200);
    expect((await deliver('checkout.session.expired', { ...fake.session(a.sessionId), status: 'expired' })).status).toBe(200);
    expect(await orderById(a.order.id)).toEqual(paid);
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 2 });
    expect(fake.find('POST', `/v1/checkout/sessions/${a.sessionId}/expire`)).toBeUndefined();

    // A paid session whose event is forged, tampered with or stale: refused, nothing read or changed.
    const b = await buy(fan.client, m, 3);
    fake.completeSession(b.sessionId, { paid: true });
    const genuine = signedEvent('checkout.session.completed', fake.session(b.sessionId), SECRET);
    const forged = signedEvent('checkout.session.completed', fake.session(b.sessionId), 'whsec_wrong');
    const other = signedEvent('checkout.session.completed', fake.session(a.sessionId), SECRET);
    const stale = signedEvent('checkout.session.completed', fake.session(b.sessionId), SECRET, {
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    const reserialised = JSON.stringify(JSON.parse(genuine.payload), null, 2);
    for (const [payload, signature] of [
      [forged.payload, forged.signature],
      [genuine.payload, other.signature], // tampered: the signature of another payload
      [genuine.payload.replace('"livemode":false', '"livemode":true'), genuine.signature], // tampered body
      [reserialised, genuine.signature], // parsed and re-serialised
      [stale.payload, stale.signature],
      [genuine.payload, null],
      [genuine.payload, 'garbage'],
    ] as const) {
      const response = await post(payload, signature);
      expect(response.status).toBe(400);
    }
    expect(await handled(genuine.id)).toBe(false);
    expect(await handled(stale.id)).toBe(false);
    expect(fake.findAll('GET', `/v1/checkout/sessions/${b.sessionId}`)).toHaveLength(0);
    expect(await orderById(b.order.id)).toMatchObject({ status: 'pending', providerPaymentId: null });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 3, sold: 2 });
    // A signature a little old but within Stripe's 300 s tolerance is fine: the refusals above were for cause.
    const recent = signedEvent('checkout.session.completed', fake.session(b.sessionId), SECRET, {
      timestamp: Math.floor(Date.now() / 1000) - 200,
    });
    expect((await post(recent.payload, recent.signature)).status).toBe(200);
    expect(await orderById(b.order.id)).toMatchObject({ status: 'paid' });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 5 });

    // "Completed" for a session Stripe says is unpaid (and an event claiming otherwise): still pending.
    const c = await buy(fan.client, m, 1);
    const claim = await deliver('checkout.session.completed', { ...fake.session(c.sessionId), status: 'complete', payment_status: 'paid' });
    expect(claim.status).toBe(200);
    expect(fake.find('GET', `/v1/checkout/sessions/${c.sessionId}`)).toBeDefined();
    expect(await orderById(c.order.id)).toMatchObject({ status: 'pending', paidAt: null });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 1, sold: 5 });
  });

  it('cancels the order and releases its seats when an asynchronous payment fails or the session expires', async () => {
    const m = await matchOnSale();
    const fan = await buyer();
    const failing = await buy(fan.client, m, 2);
    fake.completeSession(failing.sessionId, { paid: false }); // e.g. a bank debit, still processing
    expect((await deliver('checkout.session.completed', fake.session(failing.sessionId))).status).toBe(200);
    expect(await orderById(failing.order.id)).toMatchObject({ status: 'pending' });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 2, sold: 0 });
    fake.settleSession(failing.sessionId, { paid: false });
    expect((await deliver('checkout.session.async_payment_failed', fake.session(failing.sessionId))).status).toBe(200);
    expect(await orderById(failing.order.id)).toMatchObject({ status: 'cancelled' });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 0 });

    const lapsing = await buy(fan.client, m, 3);
    fake.expireSession(lapsing.sessionId);
    expect((await deliver('checkout.session.expired', fake.session(lapsing.sessionId))).status).toBe(200);
    expect(await orderById(lapsing.order.id)).toMatchObject({ status: 'cancelled' });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 0 });

    // And the other way: an asynchronous payment that succeeds is fulfilled on its own event.
    const slow = await buy(fan.client, m, 4);
    fake.completeSession(slow.sessionId, { paid: false });
    expect((await deliver('checkout.session.completed', fake.session(slow.sessionId))).status).toBe(200);
    fake.settleSession(slow.sessionId, { paid: true });
    expect((await deliver('checkout.session.async_payment_succeeded', fake.session(slow.sessionId))).status).toBe(200);
    expect(await orderById(slow.order.id)).toMatchObject({ status: 'paid' });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 4 });
  });

  it('expires the Stripe session when the hold lapses', async () => {
    const m = await matchOnSale();
    const fan = await buyer();
    const { sessionId, order: placed } = await buy(fan.client, m, 2);
    const { outbox } = t.runtime.deps;
    expect(await db().transaction((tx) => releaseExpiredOrders(tx, { outbox }, { actor: { kind: 'system' }, matchId: m.matchId }))).toBe(0);
    expect(fake.find('POST', `/v1/checkout/sessions/${sessionId}/expire`)).toBeUndefined();
    const later = new Date(placed.holdExpiresAt.getTime() + 1000);
    expect(
      await db().transaction((tx) => releaseExpiredOrders(tx, { outbox, now: later }, { actor: { kind: 'system' }, matchId: m.matchId })),
    ).toBe(1);
    const expire = await expireCall(sessionId);
    expect(expire).toMatchObject({ status: 200, params: {} });
    expect(fake.session(sessionId)).toMatchObject({ status: 'expired', url: null });
    expect(await orderById(placed.id)).toMatchObject({ status: 'expired' });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 0 });
    // Stripe's own "expired" event afterwards changes nothing.
    expect((await deliver('checkout.session.expired', fake.session(sessionId))).status).toBe(200);
    expect(await orderById(placed.id)).toMatchObject({ status: 'expired' });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 0 });
  });

  it('refunds in full a payment that completes after the hold lapsed when the seats are gone', async () => {
    const m = await matchOnSale(4);
    const late = await buyer();
    const first = await buy(late.client, m, 2);
    // The buyer pays at the very moment the hold lapses: Stripe completes the session, and the
    // release job's "expire" reaches Stripe too late (refused: the session is complete).
    const { chargeId } = fake.completeSession(first.sessionId, { paid: true });
    const later = new Date(first.order.holdExpiresAt.getTime() + 1000);
    expect(
      await db().transaction((tx) =>
        releaseExpiredOrders(tx, { outbox: t.runtime.deps.outbox, now: later }, { actor: { kind: 'system' }, matchId: m.matchId }),
      ),
    ).toBe(1);
    expect(await expireCall(first.sessionId)).toMatchObject({ status: 400 });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 0 });
    const other = await buyer();
    await buy(other.client, m, 4); // every seat taken meanwhile
    expect(await seats(m.matchStandId)).toMatchObject({ held: 4, sold: 0 });

    const event = await deliver('checkout.session.completed', fake.session(first.sessionId));
    expect(event.status).toBe(200);
    const refunds = fake.findAll('POST', '/v1/refunds');
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.params).toEqual({
      payment_intent: fake.session(first.sessionId).payment_intent,
      amount: String(first.order.totalCents),
      refund_application_fee: 'true',
      reverse_transfer: 'true',
    });
    expect(refunds[0]!.idempotencyKey).toBe(`refund-unfulfillable-${first.order.id}`);
    expect(refunds[0]!.status).toBe(200);
    expect(fake.charge(chargeId!)).toMatchObject({ refunded: true, amount_refunded: 2750 });
    expect(await orderById(first.order.id)).toMatchObject({
      status: 'refunded',
      providerPaymentId: fake.session(first.sessionId).payment_intent,
    });
    const after = await seats(m.matchStandId);
    expect(after).toMatchObject({ held: 4, sold: 0 });
    expect(after.sold + after.held).toBeLessThanOrEqual(after.cap);
    const mail = await t.smtp.waitFor(late.email, /refunded/);
    expect(mail.subject).toContain(first.order.reference);

    // Told again (another event id): no second refund, still not oversold.
    expect((await deliver('checkout.session.completed', fake.session(first.sessionId))).status).toBe(200);
    expect(fake.findAll('POST', '/v1/refunds')).toHaveLength(1);
    expect(await seats(m.matchStandId)).toMatchObject({ held: 4, sold: 0 });
  });

  it('records the automatic refund of a late payment as money given back in full', async () => {
    const m = await matchOnSale(2);
    const late = await buyer();
    const first = await buy(late.client, m, 2);
    fake.completeSession(first.sessionId, { paid: true });
    const later = new Date(first.order.holdExpiresAt.getTime() + 1000);
    await db().transaction((tx) =>
      releaseExpiredOrders(tx, { outbox: t.runtime.deps.outbox, now: later }, { actor: { kind: 'system' }, matchId: m.matchId }),
    );
    await buy((await buyer()).client, m, 2);
    expect((await deliver('checkout.session.completed', fake.session(first.sessionId))).status).toBe(200);
    expect(fake.chargeOfSession(first.sessionId)).toMatchObject({ refunded: true, amount_refunded: first.order.totalCents });
    expect(await orderById(first.order.id)).toMatchObject({ status: 'refunded', refundedCents: first.order.totalCents });
  });

  it('never turns an automatically refunded late payment back into a paid order when seats free up again', async () => {
    const m = await matchOnSale(2);
    const late = await buyer();
    const first = await buy(late.client, m, 2);
    fake.completeSession(first.sessionId, { paid: true });
    const later = new Date(first.order.holdExpiresAt.getTime() + 1000);
    await db().transaction((tx) =>
      releaseExpiredOrders(tx, { outbox: t.runtime.deps.outbox, now: later }, { actor: { kind: 'system' }, matchId: m.matchId }),
    );
    const other = await buyer();
    const second = await buy(other.client, m, 2);
    const event = await deliver('checkout.session.completed', fake.session(first.sessionId));
    expect(event.status).toBe(200);
    expect(await orderById(first.order.id)).toMatchObject({ status: 'refunded' });
    // The other buyer's session lapses: the seats are free again…
    fake.expireSession(second.sessionId);
    await deliver('checkout.session.expired', fake.session(second.sessionId));
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 0 });
    // …and Stripe tells about the (refunded) first payment once more.
    expect((await deliver('checkout.session.completed', fake.session(first.sessionId))).status).toBe(200);
    expect(await orderById(first.order.id)).toMatchObject({ status: 'refunded' });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 0 });
  });

  it('refunds a paid order from the back office through Stripe, and the charge.refunded event changes nothing more', async () => {
    const m = await matchOnSale();
    const fan = await buyer();
    const a = await buy(fan.client, m, 2);
    const { chargeId } = fake.completeSession(a.sessionId, { paid: true });
    await deliver('checkout.session.completed', fake.session(a.sessionId));
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 2 });

    const refundsBefore = fake.findAll('POST', '/v1/refunds').length;
    const response = await seller.owner.post(`${seller.base}/orders/${a.order.id}/refund`, { confirm: 'yes' });
    expect(response.status).toBe(303);
    const refunds = fake.findAll('POST', '/v1/refunds').slice(refundsBefore);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({
      status: 200,
      // One key per refund step (order + amount refunded after it): a retried step is never paid twice.
      idempotencyKey: `refund-${a.order.id}-${a.order.totalCents}`,
      params: {
        payment_intent: fake.session(a.sessionId).payment_intent,
        amount: String(a.order.totalCents),
        refund_application_fee: 'true',
        reverse_transfer: 'true',
      },
    });
    expect(fake.charge(chargeId!)).toMatchObject({ refunded: true, amount_refunded: a.order.totalCents });
    expect(await orderById(a.order.id)).toMatchObject({ status: 'refunded' });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 0 });
    await t.smtp.waitFor(fan.email, /refunded/);

    // Stripe then reports the refund: the order is already refunded, the seats already back.
    expect((await deliver('charge.refunded', fake.charge(chargeId!))).status).toBe(200);
    expect(fake.find('GET', `/v1/charges/${chargeId}`)).toBeDefined();
    expect(fake.findAll('POST', '/v1/refunds')).toHaveLength(refundsBefore + 1);
    expect(await orderById(a.order.id)).toMatchObject({ status: 'refunded' });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 0 });
    // Refunding it again from the back office is refused; Stripe is not asked twice.
    expect((await seller.owner.post(`${seller.base}/orders/${a.order.id}/refund`, { confirm: 'yes' })).status).toBe(404);
    expect(fake.findAll('POST', '/v1/refunds')).toHaveLength(refundsBefore + 1);

    // A refund made in the Stripe dashboard: the order and the seats follow, no refund is sent.
    const b = await buy(fan.client, m, 3);
    const paidB = fake.completeSession(b.sessionId, { paid: true });
    await deliver('checkout.session.completed', fake.session(b.sessionId));
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 3 });
    fake.refundCharge(paidB.chargeId!);
    expect((await deliver('charge.refunded', fake.charge(paidB.chargeId!))).status).toBe(200);
    expect(await orderById(b.order.id)).toMatchObject({ status: 'refunded', refundedCents: b.order.totalCents });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 0 });
    expect(fake.findAll('POST', '/v1/refunds')).toHaveLength(refundsBefore + 1);
  });

  it('refunds single tickets through Stripe, the fee in proportion, adding up to the total', async () => {
    const m = await matchOnSale();
    const fan = await buyer();
    const a = await buy(fan.client, m, 2);
    const { chargeId } = fake.completeSession(a.sessionId, { paid: true });
    await deliver('checkout.session.completed', fake.session(a.sessionId));
    const [picked] = await refundableTickets(seller.owner, seller.base, a.order.id);
    const refundsBefore = fake.findAll('POST', '/v1/refunds').length;

    expect((await seller.owner.post(`${seller.base}/orders/${a.order.id}/refund`, { 'ticket[]': picked!, confirm: 'yes' })).status).toBe(
      303,
    );
    const paymentIntent = fake.session(a.sessionId).payment_intent;
    expect(fake.find('POST', '/v1/refunds')).toMatchObject({
      status: 200,
      idempotencyKey: `refund-${a.order.id}-1375`,
      params: { payment_intent: paymentIntent, amount: '1375', refund_application_fee: 'true', reverse_transfer: 'true' },
    });
    expect(await orderById(a.order.id)).toMatchObject({ status: 'paid', refundedCents: 1375 });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 1 });
    // Stripe reports the partial refund: the club already recorded it, nothing more happens.
    expect(fake.charge(chargeId!)).toMatchObject({ refunded: false, amount_refunded: 1375 });
    expect((await deliver('charge.refunded', fake.charge(chargeId!))).status).toBe(200);
    expect(await orderById(a.order.id)).toMatchObject({ status: 'paid', refundedCents: 1375 });

    expect((await seller.owner.post(`${seller.base}/orders/${a.order.id}/refund`, { confirm: 'yes' })).status).toBe(303);
    expect(fake.find('POST', '/v1/refunds')).toMatchObject({
      status: 200,
      idempotencyKey: `refund-${a.order.id}-2750`,
      params: { payment_intent: paymentIntent, amount: '1375' },
    });
    expect(fake.findAll('POST', '/v1/refunds')).toHaveLength(refundsBefore + 2);
    expect(fake.charge(chargeId!)).toMatchObject({ refunded: true, amount_refunded: 2750 });
    expect(await orderById(a.order.id)).toMatchObject({ status: 'refunded', refundedCents: 2750 });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 0 });
    expect((await deliver('charge.refunded', fake.charge(chargeId!))).status).toBe(200);
    expect(await orderById(a.order.id)).toMatchObject({ status: 'refunded', refundedCents: 2750 });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 0 });
  });

  it('does not resurrect an order refunded by the club when a completed event for its session comes again', async () => {
    const m = await matchOnSale();
    const fan = await buyer();
    const a = await buy(fan.client, m, 2);
    fake.completeSession(a.sessionId, { paid: true });
    await deliver('checkout.session.completed', fake.session(a.sessionId));
    expect((await seller.owner.post(`${seller.base}/orders/${a.order.id}/refund`, { confirm: 'yes' })).status).toBe(303);
    expect(await orderById(a.order.id)).toMatchObject({ status: 'refunded' });
    // The Checkout Session stays "paid" at Stripe after a refund; a later event about it must not sell the seats again.
    expect((await deliver('checkout.session.completed', fake.session(a.sessionId))).status).toBe(200);
    expect(await orderById(a.order.id)).toMatchObject({ status: 'refunded' });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 0 });
  });

  it('completes an interrupted fulfilment exactly once on the next delivery', async () => {
    const m = await matchOnSale();
    const fan = await buyer();
    const a = await buy(fan.client, m, 3);
    fake.completeSession(a.sessionId, { paid: true });
    const { payments } = t.runtime.deps;
    // The process dies in the middle of fulfilment: everything rolls back.
    await expect(
      db().transaction(async (tx) => {
        expect(
          (
            await fulfilOrder(
              tx,
              { payments, outbox: t.runtime.deps.outbox, config: t.runtime.deps.config.sales, baseURL: t.runtime.deps.config.baseURL },
              { actor: { kind: 'provider' }, sessionId: a.sessionId },
            )
          ).status,
        ).toBe('fulfilled');
        throw new Error('process killed');
      }),
    ).rejects.toThrow('process killed');
    expect(await orderById(a.order.id)).toMatchObject({ status: 'pending' });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 3, sold: 0 });

    // Stripe is down when the webhook re-reads the session: 500, the event is not marked handled…
    fake.failNext('GET', `/v1/checkout/sessions/${a.sessionId}`);
    const failed = await deliver('checkout.session.completed', fake.session(a.sessionId));
    expect(failed.status).toBe(500);
    expect(await handled(failed.eventId)).toBe(false);
    expect(await orderById(a.order.id)).toMatchObject({ status: 'pending' });

    // …so Stripe's retry of that very event completes it, once, even when deliveries overlap.
    const retry = () => post(failed.payload, Stripe.webhooks.generateTestHeaderString({ payload: failed.payload, secret: SECRET }));
    const responses = await Promise.all([retry(), retry(), deliver('checkout.session.completed', fake.session(a.sessionId))]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await handled(failed.eventId)).toBe(true);
    expect(await orderById(a.order.id)).toMatchObject({ status: 'paid', providerPaymentId: fake.session(a.sessionId).payment_intent });
    expect(await seats(m.matchStandId)).toMatchObject({ held: 0, sold: 3 });
    const paidRows = await db()
      .select()
      .from(order)
      .where(and(eq(order.matchId, m.matchId), eq(order.status, 'paid')));
    expect(paidRows).toHaveLength(1);
  });

  it('gives no tickets for a payment refunded at Stripe before its confirmation arrived', async () => {
    const m = await matchOnSale();
    const fan = await buyer();
    const { sessionId, order: placed } = await buy(fan.client, m, 2);
    fake.completeSession(sessionId, { paid: true });
    fake.refundCharge(fake.chargeOfSession(sessionId).id); // refunded from the dashboard first
    expect((await deliver('charge.refunded', fake.chargeOfSession(sessionId))).status).toBe(200);
    expect((await deliver('checkout.session.completed', fake.session(sessionId))).status).toBe(200);
    expect(await orderById(placed.id)).toMatchObject({ status: 'pending' }); // its hold lapses as usual
    expect(await seats(m.matchStandId)).toMatchObject({ sold: 0 });
  });

  it('never asks Stripe to refund more than it still holds', async () => {
    const m = await matchOnSale();
    const fan = await buyer();
    const { sessionId, order: placed } = await buy(fan.client, m, 2);
    fake.completeSession(sessionId, { paid: true });
    expect((await deliver('checkout.session.completed', fake.session(sessionId))).status).toBe(200);
    fake.refundCharge(fake.chargeOfSession(sessionId).id); // everything back from the dashboard…
    const refundsBefore = fake.findAll('POST', '/v1/refunds').length;
    const response = await seller.owner.post(`${seller.base}/orders/${placed.id}/refund`, { confirm: 'yes' }); // …then the club refunds too
    expect(response.status).toBe(303);
    expect(fake.findAll('POST', '/v1/refunds').length).toBe(refundsBefore); // nothing more to give back
    expect(await orderById(placed.id)).toMatchObject({ status: 'refunded' });
  });

  it('refuses a webhook body over the limit with 413 before reading it, with or without Content-Length, and still takes normal events', async () => {
    const m = await matchOnSale();
    const fan = await buyer();
    const a = await buy(fan.client, m, 1);
    fake.completeSession(a.sessionId, { paid: true });
    // A genuinely signed event, padded past the limit: refused unread, so nothing is fulfilled.
    const padded = signedEvent(
      'checkout.session.completed',
      { ...fake.session(a.sessionId), padding: 'x'.repeat(STRIPE_EVENT_MAX_BYTES) },
      SECRET,
    );
    const withLength = await t.client().request('/webhooks/stripe', {
      method: 'POST',
      body: padded.payload,
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(padded.payload)),
        'stripe-signature': padded.signature,
      },
    });
    expect(withLength.status).toBe(413);
    const streamed = await t.client().request('/webhooks/stripe', {
      method: 'POST',
      body: new Blob([padded.payload]).stream(), // no Content-Length: read in chunks, counted as they come
      duplex: 'half',
      headers: { 'content-type': 'application/json', 'stripe-signature': padded.signature },
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await handled(padded.id)).toBe(false);
    expect(fake.findAll('GET', `/v1/checkout/sessions/${a.sessionId}`)).toHaveLength(0);
    expect(await orderById(a.order.id)).toMatchObject({ status: 'pending' });

    // Over a real socket, an endless body is answered 413 while it is still coming: never buffered whole.
    const server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const declared = await sendUntilAnswered(port, { 'content-length': String(200 * 1024 * 1024) });
      expect(declared).toMatchObject({ status: 413, finished: false });
      const chunked = await sendUntilAnswered(port, { 'transfer-encoding': 'chunked' });
      expect(chunked).toMatchObject({ status: 413, finished: false });
    } finally {
      (server as import('node:http').Server).closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }

    // An ordinary signed event is still taken.
    const ok = await deliver('checkout.session.completed', fake.session(a.sessionId));
    expect(ok.status).toBe(200);
    expect(await orderById(a.order.id)).toMatchObject({ status: 'paid' });
  });

  it('acknowledges and logs signed events about nothing of FootArena, changing nothing', async () => {
    const ignoredLog = (eventId: string) =>
      t.logs
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((l) => l.eventId === eventId && l.msg === 'stripe event ignored');
    const acknowledged = async (response: Response & { eventId: string; payload: string }) => {
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ received: true, ignored: true });
      const line = ignoredLog(response.eventId);
      expect(line).toMatchObject({ level: 40, eventId: response.eventId });
      expect(JSON.stringify(line)).not.toContain(SECRET);
      return line!;
    };
    const paidBefore = (await db().select().from(order).where(eq(order.status, 'paid'))).length;
    const refundsBefore = fake.findAll('POST', '/v1/refunds').length;

    // A Checkout Session Stripe does not know, for each session event.
    for (const type of [
      'checkout.session.completed',
      'checkout.session.async_payment_succeeded',
      'checkout.session.expired',
      'checkout.session.async_payment_failed',
    ]) {
      const line = await acknowledged(await deliver(type, { id: 'cs_test_unknown', object: 'checkout.session' }));
      expect(line).toMatchObject({ eventType: type, objectId: 'cs_test_unknown' });
    }
    // A session Stripe knows but FootArena did not make (another product on the same account): its
    // metadata names no order of ours, or something that is not an order id at all.
    const foreignStripe = new Stripe('sk_test_other', {
      host: '127.0.0.1',
      port: fake.port,
      protocol: 'http',
      telemetry: false,
      maxNetworkRetries: 0,
    });
    for (const orderId of ['not-an-order', '00000000-0000-4000-8000-000000000000']) {
      const foreign = await foreignStripe.checkout.sessions.create({
        mode: 'payment',
        metadata: { orderId },
        line_items: [{ quantity: 1, price_data: { currency: 'eur', unit_amount: 500, product_data: { name: 'Scarf' } } }],
      });
      fake.completeSession(foreign.id, { paid: true });
      await acknowledged(await deliver('checkout.session.completed', fake.session(foreign.id)));
      await acknowledged(await deliver('checkout.session.expired', fake.session(foreign.id)));
    }
    // A refund of a charge Stripe does not know, and of a real charge that paid for nothing of ours.
    await acknowledged(await deliver('charge.refunded', { id: 'ch_unknown', object: 'charge' }));
    const scarf = await foreignStripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ quantity: 1, price_data: { currency: 'eur', unit_amount: 500, product_data: { name: 'Scarf' } } }],
    });
    const { chargeId } = fake.completeSession(scarf.id, { paid: true });
    fake.refundCharge(chargeId!);
    await acknowledged(await deliver('charge.refunded', fake.charge(chargeId!)));
    // A connected account that is no club's.
    await acknowledged(await deliver('account.updated', { id: 'acct_unknown', object: 'account', charges_enabled: true }));
    // Events without data, or whose object has no id.
    for (const type of ['checkout.session.completed', 'checkout.session.expired', 'charge.refunded', 'account.updated']) {
      for (const data of [undefined, {}, { object: null }, { object: {} }, { object: { id: 42 } }]) {
        const id = `evt_nodata_${Math.random().toString(36).slice(2)}`;
        const payload = JSON.stringify({ id, object: 'event', type, created: Math.floor(Date.now() / 1000), ...(data ? { data } : {}) });
        const response = await post(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }));
        await acknowledged(Object.assign(response, { eventId: id, payload }));
      }
    }
    // A type FootArena does not handle.
    await acknowledged(await deliver('customer.created', { id: 'cus_123', object: 'customer' }));

    expect((await db().select().from(order).where(eq(order.status, 'paid'))).length).toBe(paidBefore);
    expect(fake.findAll('POST', '/v1/refunds')).toHaveLength(refundsBefore);
  });
});
