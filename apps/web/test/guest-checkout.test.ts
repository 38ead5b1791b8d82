import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, matchStand, order } from '../src/db/schema/index.ts';
import { ATTEMPT_POLICY } from '../src/domain/accounts/sign-in-policy.ts';
import { clubWithOwner, matchOnSale } from './support/catalog.ts';
import { createUser, databaseKinds, linkIn, signIn, startTestApp, type TestApp, type TestClient, textOf } from './support/harness.ts';

describe.each(databaseKinds())('buying without an account, and keeping the basket through sign-up, on %s', (kind) => {
  let t: TestApp;
  let matchId = '';
  let matchStandId = '';
  let club: Awaited<ReturnType<typeof clubWithOwner>>;
  const en = { 'accept-language': 'en' };

  beforeAll(async () => {
    t = await startTestApp(kind);
    club = await clubWithOwner(t, 'Guest United');
    ({ matchId, matchStandId } = await matchOnSale(t, club));
  });
  afterAll(() => t?.close());

  const basket = (quantity: number) => ({ [`q_${matchStandId}_adult`]: String(quantity) });
  const seats = async () => (await t.runtime.deps.db.select().from(matchStand).where(eq(matchStand.id, matchStandId)))[0]!;
  const ordersOf = (email: string) => t.runtime.deps.db.select().from(order).where(eq(order.email, email));

  /** A guest's checkout from the checkout step: the redirect to the demo payment page. */
  async function guestCheckout(client: TestClient, email: string, quantity = 2, name = 'Ana Guest') {
    return client.post(`/matches/${matchId}/checkout`, { ...basket(quantity), as: 'guest', name, email }, { headers: en });
  }

  /** Pays at the demo provider's page and returns the order page it leads to. */
  async function pay(client: TestClient, payUrl: string) {
    const paid = await client.post(`${new URL(payUrl).pathname}/pay`, {}, { headers: en });
    expect(paid.status).toBe(303);
    return paid.headers.get('location')!;
  }

  it('sells to a guest by name and e-mail: paid at the demo page, tickets mailed with a private link, the page private', async () => {
    const guest = t.client();
    const before = await seats();
    const checkout = await guestCheckout(guest, 'Ana@Example.be');
    expect(checkout.status).toBe(303);
    const payUrl = checkout.headers.get('location')!;
    expect(payUrl).toMatch(/^http:\/\/localhost\/demo-pay\/demo_[\w-]+$/);
    expect(guest.signedIn).toBe(false);
    expect(await seats()).toMatchObject({ held: before.held + 2 });
    expect(await textOf(await guest.get(payUrl, en))).toContain('Total €22.00');

    const orderPath = await pay(guest, payUrl);
    expect(orderPath).toMatch(/^\/guest-orders\/[\w-]{43}$/);
    const page = await guest.get(orderPath, en);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    const html = await page.text();
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"');
    expect(html).toContain('Your tickets were sent to ana@example.be.');
    expect(html).toContain(`href="${orderPath}/tickets.pdf"`);
    expect(html.match(/<svg/g)).toHaveLength(2); // both QR codes, on the page itself
    expect(html).toContain('Ticket 2 of 2');

    const [placed] = await ordersOf('ana@example.be');
    expect(placed).toMatchObject({ userId: null, buyerName: 'Ana Guest', buyerLocale: 'en', status: 'paid' });
    // Only the token's hash is stored, never the token.
    expect(placed!.accessTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(placed)).not.toContain(orderPath.split('/').at(-1)!);

    const mail = await t.smtp.waitFor('ana@example.be', /Your tickets/, { timeout: 60_000 });
    expect(linkIn(mail, 'http://localhost/guest-orders/')).toBe(`http://localhost${orderPath}`);
    const pdf = await guest.get(`${orderPath}/tickets.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('cache-control')).toBe('no-store');
    // The club sees the guest's order by name and address.
    const list = await textOf(await club.owner.get(`${club.base}/orders?q=Ana`, en));
    expect(list).toContain(placed!.reference);
    expect(list).toContain('ana@example.be');
  });

  it('answers 404 to a wrong or altered token, and a guest link reaches only its own order', async () => {
    const first = t.client();
    const second = t.client();
    const a = await pay(first, (await guestCheckout(first, 'first@example.be', 1)).headers.get('location')!);
    const b = await pay(second, (await guestCheckout(second, 'second@example.be', 1)).headers.get('location')!);
    const token = a.split('/').at(-1)!;
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const path of [
      `/guest-orders/${altered}`,
      '/guest-orders/short',
      `/guest-orders/${'A'.repeat(43)}`,
      `/guest-orders/${altered}/tickets.pdf`,
    ]) {
      expect({ path, status: (await t.client().get(path)).status }).toEqual({ path, status: 404 });
    }
    const textA = await textOf(await t.client().get(a, en));
    const textB = await textOf(await t.client().get(b, en));
    const [orderA] = await ordersOf('first@example.be');
    const [orderB] = await ordersOf('second@example.be');
    expect(textA).toContain(orderA!.reference);
    expect(textA).not.toContain(orderB!.reference);
    expect(textB).toContain(orderB!.reference);
    // A signed-in stranger sees neither in an account, nor a signed-in buyer's payment page by its session.
    await createUser(t, 'stranger@example.be', 'Stranger');
    const stranger = await signIn(t, 'stranger@example.be');
    expect((await stranger.get(`/account/orders/${orderA!.reference}`)).status).toBe(404);
    await createUser(t, 'fan@example.be', 'Fan');
    const fan = await signIn(t, 'fan@example.be');
    const fanPayUrl = (await fan.post(`/matches/${matchId}/checkout`, basket(1))).headers.get('location')!;
    expect((await t.client().get(fanPayUrl)).status).toBe(404);
    expect((await t.client().post(`${new URL(fanPayUrl).pathname}/pay`, {})).status).toBe(404);
  });

  it('asks a guest for a name and a valid address, and holds nothing until given', async () => {
    const guest = t.client();
    const before = await seats();
    const cases: [Record<string, string>, string][] = [
      [{ name: '', email: 'x@example.be' }, 'This field is required.'],
      [{ name: 'X', email: 'not-an-address' }, 'Enter a valid e-mail address'],
    ];
    for (const [fields, message] of cases) {
      const response = await guest.post(`/matches/${matchId}/checkout`, { ...basket(1), as: 'guest', ...fields }, { headers: en });
      expect(response.status).toBe(400);
      const text = await textOf(response);
      expect(text).toContain(message);
      expect(text).toContain('1 × Main · Adult'); // the basket is still there
    }
    expect(await seats()).toMatchObject({ held: before.held, sold: before.sold });
  });

  it('keeps one pending order per guest address and match: ordering again replaces the previous hold', async () => {
    const guest = t.client();
    const before = await seats();
    await guestCheckout(guest, 'twice@example.be', 3);
    await guestCheckout(guest, 'twice@example.be', 2);
    const orders = await ordersOf('twice@example.be');
    expect(orders.map((o) => o.status).sort()).toEqual(['cancelled', 'pending']);
    expect((await seats()).held).toBe(before.held + 2);
  });

  it('limits the guest orders one address can send mail for, like every request that sends mail', async () => {
    const ip = '198.51.100.77';
    const statuses: number[] = [];
    for (let i = 0; i <= ATTEMPT_POLICY.maxAttempts.mail; i++)
      statuses.push((await guestCheckout(t.client(ip), `flood${i}@example.be`, 1)).status);
    expect(statuses.slice(0, -1).every((s) => s === 303)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(await ordersOf(`flood${ATTEMPT_POLICY.maxAttempts.mail}@example.be`)).toEqual([]);
  });

  it('keeps the basket through sign-up and the e-mail confirmation, back to the checkout, and attaches the guest orders of that address', async () => {
    const visitor = t.client();
    // First a guest order with this address, paid.
    const guestOrderPath = await pay(visitor, (await guestCheckout(visitor, 'lea@example.be', 1, 'Léa')).headers.get('location')!);
    // Then, signed out, a new choice: the match page sends the visitor to the checkout step with it.
    const chosen = await visitor.post(`/matches/${matchId}/checkout`, basket(3));
    const checkout = chosen.headers.get('location')!;
    expect(checkout).toBe(`/matches/${matchId}/checkout?q_${matchStandId}_adult=3`);
    const signUpPage = await visitor.get(`/sign-up?next=${encodeURIComponent(checkout)}`);
    expect(await signUpPage.text()).toContain(`name="next" value="${checkout.replace(/&/g, '&amp;')}"`);
    const signedUp = await visitor.post('/sign-up', {
      name: 'Léa',
      email: 'lea@example.be',
      password: 'tribune-nord-2026',
      next: checkout,
    });
    expect(signedUp.status).toBe(303);
    const mail = await t.smtp.waitFor('lea@example.be', /Confirm/, { timeout: 60_000 });
    const verified = await visitor.get(linkIn(mail, 'http://localhost/api/auth/verify-email'));
    expect(visitor.signedIn).toBe(true);
    const back = await visitor.follow(verified); // /verified?next=…
    expect(back.headers.get('location')).toBe(checkout);
    const page = await textOf(await visitor.get(back.headers.get('location')!, en));
    // (In the account's language, French: the sign-up form was.)
    expect(page).toContain('3 × Main · Adulte');
    expect(page).toContain('Connecté en tant que Léa');
    // The guest order now belongs to the account, and its private link still works.
    const [attached] = (await ordersOf('lea@example.be')).filter((o) => o.status === 'paid');
    expect(attached!.userId).not.toBeNull();
    expect(await textOf(await visitor.get('/account/orders', en))).toContain(attached!.reference);
    expect((await t.client().get(guestOrderPath)).status).toBe(200);
    const lines = await t.runtime.deps.db.select().from(activity).where(eq(activity.orderId, attached!.id));
    expect(lines.map((l) => l.action)).toContain('order.attached');
    // One click to pay.
    const paying = await visitor.post(`/matches/${matchId}/checkout`, basket(3));
    expect(paying.headers.get('location')).toMatch(/^http:\/\/localhost\/demo-pay\/demo_/);
  });

  it('keeps the basket through sign-in too, and attaches guest orders of a confirmed address at sign-in', async () => {
    await createUser(t, 'known@example.be', 'Known');
    const visitor = t.client();
    await pay(visitor, (await guestCheckout(visitor, 'known@example.be', 1, 'Known')).headers.get('location')!);
    const checkout = `/matches/${matchId}/checkout?q_${matchStandId}_adult=1`;
    const signedIn = await visitor.post('/sign-in', { email: 'known@example.be', password: 'correct horse battery', next: checkout });
    expect(signedIn.headers.get('location')).toBe(checkout);
    expect(await textOf(await visitor.follow(signedIn))).toContain('Pay');
    const orders = await ordersOf('known@example.be');
    expect(orders.every((o) => o.userId !== null)).toBe(true);
  });
});
