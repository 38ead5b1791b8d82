import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { match, matchStand, order, orderItem } from '../src/db/schema/index.ts';
import { releaseExpiredOrders } from '../src/domain/sales/release-expired-orders.ts';
import { brusselsIn, clubWithOwner, competitionId, matchOnSale, postOk, refundableTickets } from './support/catalog.ts';
import { createUser, databaseKinds, signIn, startTestApp, type TestApp, textOf } from './support/harness.ts';

describe.each(databaseKinds())('buying tickets with the demo provider on %s', (kind) => {
  let t: TestApp;
  let matchId = '';
  let mainId = '';
  let otherMatchStandId = '';
  let owner: Awaited<ReturnType<typeof clubWithOwner>>;
  const en = { headers: { 'accept-language': 'en' } };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.runtime.deps.db;
    // A club puts a match on sale through its back office, as in production.
    const ctx = await clubWithOwner(t, 'Checkout United');
    owner = ctx;
    await postOk(ctx.owner, `${ctx.base}/venues`, { name: 'Park', street: 'Rue 1', postalCode: '1000', commune: 'Bruxelles' });
    const venueId = (await ctx.owner.get(`${ctx.base}/venues`).then((r) => r.text())).match(/venues\/([0-9a-f-]{36})\/stands/)![1]!;
    await postOk(ctx.owner, `${ctx.base}/venues/${venueId}/stands`, {
      name: 'Main',
      capacity: '20',
      price_adult: '12,50',
      price_child: '0',
    });
    const created = await postOk(ctx.owner, `${ctx.base}/matches/new`, {
      side: 'home',
      opponentName: 'Buyers FC',
      competitionId: await competitionId(t),
      venueId,
      kickoffAt: brusselsIn(10),
      orderLimit: '6',
    });
    matchId = created.split('/matches/')[1]!.split('#')[0]!;
    const standId = (await ctx.owner.get(`${ctx.base}/matches/${matchId}`).then((r) => r.text())).match(/name="open_([0-9a-f-]{36})"/)![1]!;
    await postOk(ctx.owner, `${ctx.base}/matches/${matchId}/stands`, {
      [`open_${standId}`]: 'on',
      [`cap_${standId}`]: '10',
      [`price_${standId}_adult`]: '12,50',
      [`price_${standId}_child`]: '0',
    });
    await postOk(ctx.owner, `${ctx.base}/matches/${matchId}/status`, { status: 'on_sale' });
    mainId = (await db.select().from(matchStand).where(eq(matchStand.matchId, matchId)))[0]!.id;
    otherMatchStandId =
      (await db.select().from(matchStand).where(eq(matchStand.clubId, ctx.club.id))).find((s) => s.matchId !== matchId)?.id ??
      '00000000-0000-4000-8000-000000000000';
    await createUser(t, 'fan@example.be', '=HYPERLINK("http://evil.example")');
    await createUser(t, 'nosy@example.be', 'Nosy');
  });
  afterAll(() => t?.close());
  const seats = async () => (await t.runtime.deps.db.select().from(matchStand).where(eq(matchStand.id, mainId)))[0]!;

  it('holds the seats, shows the fee and total on the clearly marked demo page, and pays once', async () => {
    const fan = await signIn(t, 'fan@example.be');
    const page = await fan.get(`/matches/${matchId}`, en.headers);
    expect(await page.text()).toContain(`name="q_${mainId}_adult"`);
    const checkout = await fan.post(`/matches/${matchId}/checkout`, { [`q_${mainId}_adult`]: '2', [`q_${mainId}_child`]: '1' });
    expect(checkout.status).toBe(303);
    const payUrl = checkout.headers.get('location')!;
    expect(payUrl).toMatch(/^http:\/\/localhost\/demo-pay\/demo_[\w-]+$/);
    expect(await seats()).toMatchObject({ held: 3, sold: 0 });

    const payPage = await textOf(await fan.get(payUrl, en.headers));
    expect(payPage).toContain('DEMO — no money moves.');
    expect(payPage).toContain('2 × Main · Adult €25.00');
    expect(payPage).toContain('FootArena service fee €2.50');
    expect(payPage).toContain('Total €27.50');

    // Someone else cannot see or pay this session, nor the order.
    const nosy = await signIn(t, 'nosy@example.be');
    expect((await nosy.get(payUrl)).status).toBe(404);
    expect((await nosy.post(`${new URL(payUrl).pathname}/pay`, {})).status).toBe(404);

    const paid = await fan.post(`${new URL(payUrl).pathname}/pay`, {}, en);
    expect(paid.status).toBe(303);
    const orderPage = await fan.follow(paid);
    expect(await textOf(orderPage)).toContain('Payment received: your order is paid.');
    expect(await seats()).toMatchObject({ held: 0, sold: 3 });
    const again = await fan.post(`${new URL(payUrl).pathname}/pay`, {});
    expect(again.headers.get('location')).toMatch(/^\/account\/orders\/FA-/);
    expect(await seats()).toMatchObject({ held: 0, sold: 3 });
    const reference = paid.headers.get('location')!.split('/').at(-1)!;
    expect((await nosy.get(`/account/orders/${reference}`)).status).toBe(404);
    expect(await textOf(await fan.get('/account/orders', en.headers))).toContain(reference);
  });

  it('releases the seats when the buyer cancels at the payment page', async () => {
    const fan = await signIn(t, 'fan@example.be');
    const before = await seats();
    const checkout = await fan.post(`/matches/${matchId}/checkout`, { [`q_${mainId}_adult`]: '4' });
    expect((await seats()).held).toBe(before.held + 4);
    const cancelled = await fan.post(`${new URL(checkout.headers.get('location')!).pathname}/cancel`, {}, en);
    expect(cancelled.headers.get('location')).toBe(`/matches/${matchId}`);
    expect(await textOf(await fan.follow(cancelled))).toContain('Your order is cancelled and the seats are released.');
    expect(await seats()).toMatchObject({ held: before.held, sold: before.sold });
  });

  it('explains every bad choice on the match page and holds nothing', async () => {
    const fan = await signIn(t, 'fan@example.be');
    // Someone else holds seats meanwhile: 2 are left for the fan.
    const nosy = await signIn(t, 'nosy@example.be');
    const left = () => seats().then((s) => s.cap - s.sold - s.held);
    await nosy.post(`/matches/${matchId}/checkout`, { [`q_${mainId}_adult`]: String((await left()) - 2) });
    expect(await left()).toBe(2);
    const before = await seats();
    const cases: [Record<string, string>, string][] = [
      [{ [`q_${mainId}_adult`]: 'abc' }, 'Enter a number of tickets (0 or more).'],
      [{ [`q_${mainId}_adult`]: '-1' }, 'Enter a number of tickets (0 or more).'],
      [{ [`q_${mainId}_adult`]: '0' }, 'Choose at least one ticket.'],
      [{}, 'Choose at least one ticket.'],
      [{ [`q_${mainId}_adult`]: '5', [`q_${mainId}_child`]: '2' }, 'At most 6 tickets per order for this match.'],
      [{ [`q_${mainId}_adult`]: '3' }, 'Not enough seats left in Main: 2 left.'],
      [{ [`q_${otherMatchStandId}_adult`]: '1' }, 'We could not find this.'],
    ];
    for (const [form, message] of cases) {
      const response = await fan.post(`/matches/${matchId}/checkout`, form, en);
      expect({ form, status: response.status >= 400 }).toEqual({ form, status: true });
      expect(await textOf(response)).toContain(message);
    }
    expect(await seats()).toMatchObject({ held: before.held, sold: before.sold });
    const orders = await t.runtime.deps.db.select().from(order).where(eq(order.matchId, matchId));
    expect(orders.filter((o) => o.status === 'pending').map((o) => o.email)).toEqual(['nosy@example.be']); // only the other buyer's
  });

  it('sells from the page the seats only lapsed holds keep, and refuses at once when none do', async () => {
    const db = t.runtime.deps.db;
    // A match of its own: this one ends full.
    const { matchId, matchStandId: mainId } = await matchOnSale(t, await clubWithOwner(t, 'Lapse FC'), 'Late Comers');
    const left = async () => {
      const [s] = await db.select().from(matchStand).where(eq(matchStand.id, mainId));
      return s!.cap - s!.sold - s!.held;
    };
    const buyer = async (email: string) => {
      await createUser(t, email);
      return signIn(t, email);
    };
    const take = async (email: string, quantity: number) =>
      (await buyer(email)).post(`/matches/${matchId}/checkout`, { [`q_${mainId}_adult`]: String(quantity) });
    // Every seat held, those of the first buyer by a hold that has lapsed (the job has not run).
    const kept = 3;
    await take('taker@example.be', kept);
    for (let n = 0; (await left()) > 0; n++) await take(`filler${n}@example.be`, Math.min(10, await left()));
    const [lapsed] = await db.select().from(order).where(eq(order.email, 'taker@example.be'));
    await db
      .update(order)
      .set({ holdExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(order.id, lapsed!.id));
    // The page shows no seat left, yet the seats of the lapsed hold are released and sold.
    expect((await take('early@example.be', 1)).status).toBe(303);
    expect((await db.select().from(order).where(eq(order.id, lapsed!.id)))[0]?.status).toBe('expired');
    // No hold has lapsed now: asking one more than is left is refused from the page's own figures.
    const refused = await (await buyer('late@example.be')).post(
      `/matches/${matchId}/checkout`,
      { [`q_${mainId}_adult`]: String(kept) },
      en,
    );
    expect(refused.status).toBe(409);
    expect(await textOf(refused)).toContain(`Not enough seats left in Main: ${kept - 1} left.`);
    expect(await left()).toBe(kept - 1);
  });

  it('issues free tickets at once, without payment', async () => {
    const fan = await signIn(t, 'fan@example.be');
    const before = await seats();
    const free = await fan.post(`/matches/${matchId}/checkout`, { [`q_${mainId}_child`]: '2' }, en);
    expect(free.headers.get('location')).toMatch(/^\/account\/orders\/FA-/);
    expect(await textOf(await fan.follow(free))).toContain('Your free tickets are issued.');
    expect(await seats()).toMatchObject({ held: before.held, sold: before.sold + 2 });
  });

  it('sends a visitor who is not signed in to the checkout step with the basket, which offers sign-in, sign-up and guest', async () => {
    const visitor = t.client();
    const response = await visitor.post(`/matches/${matchId}/checkout`, { [`q_${mainId}_adult`]: '1' });
    const checkout = `/matches/${matchId}/checkout?q_${mainId}_adult=1`;
    expect(response.headers.get('location')).toBe(checkout);
    const html = await (await visitor.get(checkout, en.headers)).text();
    const page = await textOf(new Response(html));
    expect(page).toContain('1 × Main · Adult');
    expect(page).toContain('Pay €13.75'); // 12.50 + the fee
    expect(html).toContain(`/sign-in?next=${encodeURIComponent(checkout)}`);
    expect(html).toContain(`/sign-up?next=${encodeURIComponent(checkout)}`);
    expect(page).toContain('Or without an account');
  });

  it("shows the club its orders, searchable, as a safe CSV, and the match's sales with a chart", async () => {
    const list = await owner.owner.get(`${owner.base}/orders`, en.headers);
    expect(list.status).toBe(200);
    const text = await textOf(list);
    expect(text).toMatch(/FA-[2-9A-HJKMNP-Z]{7}/);
    expect(text).toContain('fan@example.be');
    expect(await textOf(await owner.owner.get(`${owner.base}/orders?q=NOSY`))).toContain('nosy@example.be');
    expect(await textOf(await owner.owner.get(`${owner.base}/orders?q=nobody-at-all`))).not.toContain('fan@example.be');

    // The standard file (RFC 4180: comma, point, no BOM) for programs and LibreOffice…
    const csv = await owner.owner.get(`${owner.base}/orders.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // Read as bytes: Response.text() would drop a BOM silently.
    const bytes = (r: Response) => r.arrayBuffer().then((b) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b));
    const standard = await bytes(csv);
    expect(standard.startsWith('\uFEFF')).toBe(false);
    const lines = standard.trim().split('\r\n');
    expect(lines[0]).toBe(
      'reference,created_at_brussels,paid_at_brussels,status,buyer,email,opponent,kickoff_brussels,tickets,tickets_refunded,tickets_eur,fee_eur,total_eur,refunded_eur',
    );
    const paidLine = lines.find((l) => l.includes(',paid,') && l.includes('fan@example.be') && l.includes(',3,'))!;
    expect(paidLine).toContain(`"'=HYPERLINK(""http://evil.example"")"`); // a name is never a formula
    expect(paidLine).toMatch(/,3,0,25\.00,2\.50,27\.50,0\.00$/);
    // …and the one Excel opens with a double click on a Belgian computer: ";", "25,00", a BOM for accents.
    const excel = await bytes(await owner.owner.get(`${owner.base}/orders.csv?format=excel`));
    expect(excel.startsWith('\uFEFF')).toBe(true);
    const excelLines = excel.slice(1).trim().split('\r\n');
    expect(excelLines[0]).toBe(lines[0]!.replaceAll(',', ';'));
    const excelPaid = excelLines.find((l) => l.includes(';paid;') && l.includes('fan@example.be') && l.includes(';3;'))!;
    expect(excelPaid).toMatch(/;3;0;25,00;2,50;27,50;0,00$/);
    const listHtml = await (await owner.owner.get(`${owner.base}/orders`, en.headers)).text();
    expect(listHtml).toContain(`href="${owner.base}/orders.csv?format=excel"`);

    const matchPage = await owner.owner.get(`${owner.base}/matches/${matchId}`, en.headers);
    const html = await matchPage.text();
    expect(await textOf(new Response(html))).toContain('5 tickets sold, €25.00 for the club.'); // 3 paid + 2 free
    expect(html).toContain('data-line-chart');
    const src = /<script type="module" src="(\/assets\/line-chart\.[0-9a-f]{10}\.js)">/.exec(html)?.[1];
    expect(src).toBeDefined(); // named by its content's hash
    const script = await t.client().get(src!);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('data-line-chart');
  });

  it('tells every holder of a paid order when the match is postponed, once, in their language', async () => {
    const postponedMails = () => t.smtp.to('fan@example.be').filter((m) => /the match is postponed/.test(m.subject ?? '')).length;
    expect(postponedMails()).toBe(0);
    // The form first shows to when and who is told, and moves nothing.
    const kickoff = async () => (await t.runtime.deps.db.select().from(match).where(eq(match.id, matchId)))[0]!.kickoffAt.getTime();
    const before = await kickoff();
    const asked = await owner.owner.post(`${owner.base}/matches/${matchId}/postpone`, { kickoffAt: brusselsIn(17) });
    expect(asked.status).toBe(200);
    expect(await textOf(asked)).toMatch(/Ticket holders told by e-mail: \d+; their tickets stay valid/);
    await new Promise((r) => setTimeout(r, 1000));
    expect(postponedMails()).toBe(0);
    expect(await kickoff()).toBe(before);
    await postOk(owner.owner, `${owner.base}/matches/${matchId}/postpone`, {
      kickoffAt: brusselsIn(17),
      confirm: 'yes',
      message: 'New floodlights!',
    });
    const mail = await t.smtp.waitFor('fan@example.be', /the match is postponed/, { skip: 0 });
    expect(mail.text).toContain('Message from the club:\nNew floodlights!');
    expect(mail.subject).toBe('Checkout United – Buyers FC: the match is postponed'); // named as on every page
    expect(mail.text).toContain('The match Checkout United – Buyers FC is moved to');
    expect(mail.text).toContain('Your tickets stay valid for the new date');
    await new Promise((r) => setTimeout(r, 1500));
    expect(postponedMails()).toBe(1);
    expect(t.smtp.to('nosy@example.be').filter((m) => /postponed/.test(m.subject ?? ''))).toEqual([]); // no paid order
  });

  it('lets the club refund an order: seats back on sale, buyer told', async () => {
    const fan = await signIn(t, 'fan@example.be');
    // The other buyer's hold from an earlier test lapses: its seats come back.
    const later = new Date(Date.now() + 3_600_000);
    await t.runtime.deps.db.transaction((tx) =>
      releaseExpiredOrders(tx, { outbox: t.runtime.deps.outbox, now: later }, { actor: { kind: 'system' }, matchId }),
    );
    const before = await seats();
    const checkout = await fan.post(`/matches/${matchId}/checkout`, { [`q_${mainId}_adult`]: '1' });
    expect(checkout.status).toBe(303);
    await fan.post(`${new URL(checkout.headers.get('location')!).pathname}/pay`, {});
    const [paid] = await t.runtime.deps.db
      .select()
      .from(order)
      .where(eq(order.providerSessionId, new URL(checkout.headers.get('location')!).pathname.split('/').at(-1)!));
    expect(paid?.status).toBe('paid');
    expect((await seats()).sold).toBe(before.sold + 1);

    // The refund button first shows what will happen, and changes nothing.
    const asked = await owner.owner.post(`${owner.base}/orders/${paid!.id}/refund`, {}, en);
    expect(asked.status).toBe(200);
    expect((await textOf(asked)).replace(/\s/g, ' ')).toContain(
      `Tickets refunded: 1 · back to the buyer: €${(paid!.totalCents / 100).toFixed(2)} (fan@example.be)`,
    );
    expect((await t.runtime.deps.db.select().from(order).where(eq(order.id, paid!.id)))[0]?.status).toBe('paid');
    const refunded = await owner.owner.post(
      `${owner.base}/orders/${paid!.id}/refund`,
      { confirm: 'yes', message: 'Sorry for the wrong seat.' },
      en,
    );
    expect(await textOf(await owner.owner.follow(refunded))).toContain(`Order ${paid!.reference} is refunded`);
    expect((await seats()).sold).toBe(before.sold);
    expect((await t.runtime.deps.db.select().from(order).where(eq(order.id, paid!.id)))[0]?.status).toBe('refunded');
    const mail = await t.smtp.waitFor('fan@example.be', new RegExp(`Order ${paid!.reference} refunded`));
    expect(mail.text).toContain('Message from the club:\nSorry for the wrong seat.');
    // Twice is not twice the money: the second refund finds nothing paid.
    expect((await owner.owner.post(`${owner.base}/orders/${paid!.id}/refund`, { confirm: 'yes' })).status).toBe(404);
  });

  it('refunds single tickets, then the rest, and the refunds add up to the total exactly', async () => {
    const fan = await signIn(t, 'fan@example.be');
    await t.runtime.deps.db.transaction((tx) =>
      releaseExpiredOrders(
        tx,
        { outbox: t.runtime.deps.outbox, now: new Date(Date.now() + 3_600_000) },
        { actor: { kind: 'system' }, matchId },
      ),
    );
    const before = await seats();
    const checkout = await fan.post(`/matches/${matchId}/checkout`, { [`q_${mainId}_adult`]: '3' });
    const sessionPath = new URL(checkout.headers.get('location')!).pathname;
    await fan.post(`${sessionPath}/pay`, {});
    const [paid] = await t.runtime.deps.db
      .select()
      .from(order)
      .where(eq(order.providerSessionId, sessionPath.split('/').at(-1)!));
    expect(paid).toMatchObject({ status: 'paid', subtotalCents: 3750, feeCents: 375, totalCents: 4125, refundedCents: 0 });
    const [first, second] = await refundableTickets(owner.owner, owner.base, paid!.id);
    /** The match's sales as its page sums them up: tickets sold, money for the club. */
    const sold = async () => {
      const text = await textOf(await owner.owner.get(`${owner.base}/matches/${matchId}`, en.headers));
      const [, tickets, euros] = /(\d+) tickets? sold, €([\d.,]+) for the club/.exec(text)!;
      return { tickets: Number(tickets), euros: Number(euros!.replace(',', '')) };
    };
    const soldBefore = await sold();

    await postOk(owner.owner, `${owner.base}/orders/${paid!.id}/refund`, { 'ticket[]': first!, confirm: 'yes' });
    const afterOne = (await t.runtime.deps.db.select().from(order).where(eq(order.id, paid!.id)))[0]!;
    expect(afterOne).toMatchObject({ status: 'paid', refundedCents: 1375 }); // 12.50 + its share of the fee
    // A refunded ticket is no longer a sale: the match's figures drop by its price.
    expect(await sold()).toEqual({ tickets: soldBefore.tickets - 1, euros: soldBefore.euros - 12.5 });
    expect((await seats()).sold).toBe(before.sold + 2);
    await t.smtp.waitFor('fan@example.be', new RegExp(`Order ${paid!.reference}: 1 ticket refunded`));

    await postOk(owner.owner, `${owner.base}/orders/${paid!.id}/refund`, { 'ticket[]': second!, confirm: 'yes' });
    await postOk(owner.owner, `${owner.base}/orders/${paid!.id}/refund`, { confirm: 'yes' });
    const done = (await t.runtime.deps.db.select().from(order).where(eq(order.id, paid!.id)))[0]!;
    expect(done).toMatchObject({ status: 'refunded', refundedCents: 4125 });
    expect((await seats()).sold).toBe(before.sold);
    // A ticket refunded already is not found; the page says which ticket is in which state.
    expect((await owner.owner.post(`${owner.base}/orders/${paid!.id}/refund`, { 'ticket[]': first!, confirm: 'yes' })).status).toBe(404);
    const page = await (await owner.owner.get(`${owner.base}/orders/${paid!.id}`)).text();
    expect([...page.matchAll(/data-state="(\w+)"/g)].map((m) => m[1])).toEqual(['refunded', 'refunded', 'refunded']);
  });

  it('ends the hold when the buyer, back from the payment page, gives the order up with its button, and never on a GET', async () => {
    const fan = await signIn(t, 'fan@example.be');
    const before = await seats();
    const checkout = await fan.post(`/matches/${matchId}/checkout`, { [`q_${mainId}_adult`]: '1' });
    const [pending] = await t.runtime.deps.db
      .select()
      .from(order)
      .where(eq(order.providerSessionId, new URL(checkout.headers.get('location')!).pathname.split('/').at(-1)!));
    expect((await seats()).held).toBe(before.held + 1);
    // Following a link (or a cross-site image) changes nothing: the old abandon URL shows the order.
    const oldLink = await fan.get(`/account/orders/${pending!.reference}/abandon`);
    expect(oldLink.headers.get('location')).toBe(`/account/orders/${pending!.reference}`);
    expect((await seats()).held).toBe(before.held + 1);
    const page = await fan.get(`/account/orders/${pending!.reference}`, { 'accept-language': 'en' });
    const html = await page.text();
    expect(html).toContain(`action="/account/orders/${pending!.reference}/abandon"`);
    expect(html).toContain('Cancel and release the seats');
    const forged = await fan.post(`/account/orders/${pending!.reference}/abandon`, {}, { csrf: false });
    expect(forged.status).toBe(403);
    expect((await seats()).held).toBe(before.held + 1);
    const back = await fan.post(`/account/orders/${pending!.reference}/abandon`, {});
    expect(back.headers.get('location')).toBe(`/matches/${matchId}`);
    expect(await seats()).toMatchObject({ held: before.held, sold: before.sold });
    expect((await t.runtime.deps.db.select().from(order).where(eq(order.id, pending!.id)))[0]?.status).toBe('cancelled');
    expect((await t.client().post(`/account/orders/${pending!.reference}/abandon`, {})).headers.get('location')).toMatch(/^\/sign-in/); // nobody else
  });

  it('cancels a match only from its confirmation page, which says what will happen, then refunds every buyer with the club’s words', async () => {
    const paidOrders = (await t.runtime.deps.db.select().from(order).where(eq(order.matchId, matchId))).filter((o) => o.status === 'paid');
    expect(paidOrders.length).toBeGreaterThan(0);
    const statusOf = async () => (await t.runtime.deps.db.select().from(match).where(eq(match.id, matchId)))[0]!.status;
    // One click (the form posted without its confirmation) changes nothing and leads to the confirmation.
    const oneClick = await owner.owner.post(`${owner.base}/matches/${matchId}/status`, { status: 'cancelled' });
    expect(oneClick.status).toBe(303);
    expect(oneClick.headers.get('location')).toBe(`${owner.base}/matches/${matchId}/cancel`);
    expect(await statusOf()).toBe('on_sale');
    const items = await t.runtime.deps.db
      .select()
      .from(orderItem)
      .where(
        inArray(
          orderItem.orderId,
          paidOrders.map((o) => o.id),
        ),
      );
    const tickets = items.reduce((n, i) => n + i.quantity - i.refundedQuantity, 0);
    const cents = paidOrders.reduce((n, o) => n + o.totalCents - o.refundedCents, 0);
    const confirmation = (await textOf(await owner.owner.get(`${owner.base}/matches/${matchId}/cancel`))).replace(/\s/g, ' ');
    expect(confirmation).toContain(
      `Buyers refunded in full: ${paidOrders.length} · tickets: ${tickets} · in all: €${(cents / 100).toFixed(2)}`,
    );
    expect(await statusOf()).toBe('on_sale');
    const words = 'The pitch is flooded.\nWe are sorry & hope to see you soon <3';
    await postOk(owner.owner, `${owner.base}/matches/${matchId}/status`, { status: 'cancelled', confirm: 'yes', message: words });
    expect(await statusOf()).toBe('cancelled');
    const deadline = Date.now() + 15_000;
    let rows = await t.runtime.deps.db.select().from(order).where(eq(order.matchId, matchId));
    while (rows.some((o) => o.status === 'paid' || o.status === 'pending') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      rows = await t.runtime.deps.db.select().from(order).where(eq(order.matchId, matchId));
    }
    expect(rows.filter((o) => o.status === 'paid' || o.status === 'pending')).toEqual([]);
    for (const o of paidOrders) expect(rows.find((r) => r.id === o.id)?.status).toBe('refunded');
    expect(await seats()).toMatchObject({ held: 0, sold: 0 });
    const mail = await t.smtp.waitFor(paidOrders[0]!.email, /Match cancelled: Checkout United – Buyers FC, order/);
    expect(mail.text).toContain(`Message from the club:\n${words}`);
    expect(mail.html).toContain('The pitch is flooded.<br>We are sorry &amp; hope to see you soon &lt;3');
    // A cancelled match has no confirmation page any more.
    expect((await owner.owner.get(`${owner.base}/matches/${matchId}/cancel`)).status).toBe(303);
    // Its public page reads as cancelled: no prices, no seats left, nothing to buy.
    const page = await t.client().get(`/matches/${matchId}`, en.headers);
    const html = await page.text();
    const text = await textOf(new Response(html));
    expect(text).toContain('This match is cancelled: no tickets are sold.');
    expect(text).not.toMatch(/€|Seats left/);
    expect(html).not.toContain(`/matches/${matchId}/checkout`);
    expect(html).not.toContain('"offers":[{');
  });
});
