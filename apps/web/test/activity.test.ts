import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, device, member, order, stand, ticket, user, venue } from '../src/db/schema/index.ts';
import { recordActivity } from '../src/domain/activity/record-activity.ts';
import type { PaymentProvider } from '../src/domain/sales/payment-provider.ts';
import { recordProviderRefund } from '../src/domain/sales/record-provider-refund.ts';
import { refundOrder } from '../src/domain/sales/refund-order.ts';
import { formatDate, formatMoney, formatTime } from '../src/i18n/index.ts';
import { plainSpaces } from './support/calendar.ts';
import { brusselsIn, clubWithOwner, competitionId, matchOnSale, postOk, refundableTickets } from './support/catalog.ts';
import { createUser, databaseKinds, signIn, startTestApp, type TestApp, type TestClient, textOf } from './support/harness.ts';

describe.each(databaseKinds())('activity log on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t?.close());
  const db = () => t.runtime.deps.db;
  const en = { 'accept-language': 'en' };

  /** The club's log, oldest first: what, by whom (a name, or "system" / "provider"), about what. */
  async function log(clubId: string) {
    const rows = await db().select().from(activity).where(eq(activity.clubId, clubId)).orderBy(asc(activity.id));
    return rows.map((r) => ({
      action: r.action,
      who: r.actorKind === 'user' ? r.actorName : r.actorKind,
      userId: r.actorUserId,
      matchId: r.matchId,
      orderId: r.orderId,
      deviceId: r.deviceId,
      memberId: r.memberId,
      details: r.details,
    }));
  }

  /** The lines `act` added to the club's log. */
  async function linesOf(clubId: string, act: () => Promise<unknown>) {
    const before = (await log(clubId)).length;
    await act();
    return (await log(clubId)).slice(before);
  }
  const line = (expected: Record<string, unknown>) => [expect.objectContaining(expected)];

  /** A person put on the club's staff with `role`, signed in. */
  async function staff(clubId: string, email: string, name: string, role: 'admin' | 'steward') {
    const person = await createUser(t, email, name);
    const memberId = randomBytes(16).toString('hex');
    await db().insert(member).values({ id: memberId, organizationId: clubId, userId: person.id, role, createdAt: new Date() });
    return { client: await signIn(t, email), memberId, userId: person.id };
  }

  /** A supporter's paid order of `quantity` adult tickets, through the demo payment page. */
  async function buy(fan: TestClient, matchId: string, matchStandId: string, quantity: number) {
    const checkout = await fan.post(`/matches/${matchId}/checkout`, { [`q_${matchStandId}_adult`]: String(quantity) });
    const sessionPath = new URL(checkout.headers.get('location')!).pathname;
    const [placed] = await db()
      .select()
      .from(order)
      .where(eq(order.providerSessionId, sessionPath.split('/').at(-1)!));
    return { order: placed!, sessionPath, pay: () => fan.post(`${sessionPath}/pay`, {}) };
  }

  it('writes one line for each staff action on stands, matches, devices, staff and the club, naming who did it', async () => {
    const ctx = await clubWithOwner(t, 'Ledger FC');
    const clubId = ctx.club.id;
    const owner = { who: 'Ledger FC owner' };
    const { owner: client, base } = ctx;
    await postOk(client, `${base}/venues`, { name: 'Park', street: 'Rue 1', postalCode: '1000', commune: 'Bruxelles' });
    const [place] = await db().select().from(venue).where(eq(venue.clubId, clubId));

    expect(
      await linesOf(clubId, () =>
        postOk(client, `${base}/venues/${place!.id}/stands`, { name: 'Main', capacity: '300', price_adult: '10' }),
      ),
    ).toEqual(line({ action: 'stand.created', ...owner, details: { stand: 'Main', capacity: 300, prices: { adult: 1000 } } }));
    const [main] = await db().select().from(stand).where(eq(stand.clubId, clubId));
    expect(
      await linesOf(clubId, () => postOk(client, `${base}/stands/${main!.id}`, { name: 'Main', capacity: '320', price_adult: '11' })),
    ).toEqual(line({ action: 'stand.updated', ...owner, details: expect.objectContaining({ capacity: 320 }) }));
    await postOk(client, `${base}/venues/${place!.id}/stands`, { name: 'Spare', capacity: '10', price_adult: '5' });
    const [spare] = await db().select().from(stand).where(eq(stand.name, 'Spare'));
    expect(await linesOf(clubId, () => postOk(client, `${base}/stands/${spare!.id}/archive`, { archived: 'true' }))).toEqual(
      line({ action: 'stand.archived', details: { stand: 'Spare' } }),
    );
    expect(await linesOf(clubId, () => postOk(client, `${base}/stands/${spare!.id}/archive`, { archived: 'false' }))).toEqual(
      line({ action: 'stand.restored' }),
    );
    expect(await linesOf(clubId, () => postOk(client, `${base}/stands/${spare!.id}/delete`, {}))).toEqual(
      line({ action: 'stand.deleted', details: { stand: 'Spare' } }),
    );

    const matchForm = {
      side: 'home',
      opponentName: 'Visitors FC',
      competitionId: await competitionId(t),
      venueId: place!.id,
      kickoffAt: brusselsIn(12),
      orderLimit: '10',
    };
    let matchId = '';
    expect(
      await linesOf(clubId, async () => {
        matchId = (await postOk(client, `${base}/matches/new`, matchForm)).split('/matches/')[1]!.split('#')[0]!;
      }),
    ).toEqual(line({ action: 'match.created', ...owner }));
    expect((await log(clubId)).at(-1)!.matchId).toBe(matchId);
    expect(await linesOf(clubId, () => postOk(client, `${base}/matches/${matchId}`, { ...matchForm, orderLimit: '6' }))).toEqual(
      line({ action: 'match.updated', matchId, details: { fields: ['orderLimit'] } }),
    );
    expect(await linesOf(clubId, () => postOk(client, `${base}/matches/${matchId}`, { ...matchForm, orderLimit: '6' }))).toEqual([]); // nothing changed
    const standsForm = { [`open_${main!.id}`]: 'on', [`cap_${main!.id}`]: '250', [`price_${main!.id}_adult`]: '12' };
    expect(await linesOf(clubId, () => postOk(client, `${base}/matches/${matchId}/stands`, standsForm))).toEqual(
      line({
        action: 'match.stands_changed',
        matchId,
        details: { stands: [{ stand: 'Main', change: 'opened', cap: 250, prices: { adult: 1200 } }] },
      }),
    );
    expect(
      await linesOf(clubId, () => postOk(client, `${base}/matches/${matchId}/stands`, { ...standsForm, [`cap_${main!.id}`]: '200' })),
    ).toEqual(line({ action: 'match.stands_changed', details: { stands: [expect.objectContaining({ change: 'updated', cap: 200 })] } }));
    expect(await linesOf(clubId, () => postOk(client, `${base}/matches/${matchId}/status`, { status: 'on_sale' }))).toEqual(
      line({ action: 'match.put_on_sale', matchId, ...owner }),
    );
    expect(await linesOf(clubId, () => postOk(client, `${base}/matches/${matchId}/status`, { status: 'scheduled' }))).toEqual(
      line({ action: 'match.sale_paused', matchId }),
    );
    expect(
      await linesOf(clubId, () => postOk(client, `${base}/matches/${matchId}/postpone`, { kickoffAt: brusselsIn(20), confirm: 'yes' })),
    ).toEqual(line({ action: 'match.postponed', matchId, details: expect.objectContaining({ to: expect.any(String) }) }));
    expect(
      await linesOf(clubId, () => postOk(client, `${base}/matches/${matchId}/status`, { status: 'cancelled', confirm: 'yes' })),
    ).toEqual(line({ action: 'match.cancelled', matchId, details: { seatsTaken: 0 } }));

    const created = await linesOf(clubId, () => client.post(`${base}/devices`, { name: 'North gate', kind: 'gate' }));
    expect(created).toEqual(line({ action: 'device.created', ...owner, details: expect.objectContaining({ device: 'North gate' }) }));
    const [gate] = await db().select().from(device).where(eq(device.clubId, clubId));
    expect(created[0]!.deviceId).toBe(gate!.id);
    expect(await linesOf(clubId, () => client.post(`${base}/devices/${gate!.id}/pairing`, {}))).toEqual(
      line({ action: 'device.pairing_renewed', deviceId: gate!.id }),
    );
    expect(await linesOf(clubId, () => postOk(client, `${base}/devices/${gate!.id}/revoke`, {}))).toEqual(
      line({ action: 'device.revoked', deviceId: gate!.id, details: { device: 'North gate' } }),
    );

    const helper = await staff(clubId, 'ledger-helper@example.be', 'Hana Helper', 'steward');
    expect(
      await linesOf(clubId, () => postOk(client, `${base}/staff/invite`, { email: 'new.steward@example.be', role: 'steward' })),
    ).toEqual(line({ action: 'staff.invited', ...owner, details: { email: 'new.steward@example.be', role: 'steward' } }));
    expect(await linesOf(clubId, () => postOk(client, `${base}/staff/${helper.memberId}/role`, { role: 'admin' }))).toEqual(
      line({ action: 'staff.role_changed', memberId: helper.memberId, details: { name: 'Hana Helper', from: 'steward', to: 'admin' } }),
    );
    // An admin acts under their own name.
    expect(await linesOf(clubId, () => postOk(helper.client, `${base}/settings/rotate-key`, {}))).toEqual(
      line({ action: 'club.key_rotated', who: 'Hana Helper', userId: helper.userId }),
    );
    expect(await linesOf(clubId, () => postOk(client, `${base}/settings`, { name: 'Ledger FC', commune: 'Ixelles' }))).toEqual(
      line({ action: 'club.profile_updated', details: {} }),
    );
    expect(await linesOf(clubId, () => postOk(client, `${base}/staff/${helper.memberId}/remove`, {}))).toEqual(
      line({ action: 'staff.removed', memberId: helper.memberId, details: { name: 'Hana Helper', role: 'admin' } }),
    );
    // A refused staff change (the owner cannot be removed) leaves no line.
    const [ownerRow] = await db().select().from(member).where(eq(member.organizationId, clubId));
    expect(await linesOf(clubId, () => client.post(`${base}/staff/${ownerRow!.id}/remove`, {}))).toEqual([]);

    // The platform's own actions on the club, under the admin's name.
    const platform = await createUser(t, 'ledger-platform@example.be', 'Pat Platform');
    await db().update(user).set({ platformRole: 'admin' }).where(eq(user.id, platform.id));
    const admin = await signIn(t, 'ledger-platform@example.be');
    const adminRow = { name: 'Pat Platform' };
    expect(await linesOf(clubId, () => postOk(admin, `/admin/clubs/${clubId}/verification`, { verified: 'yes' }))).toEqual(
      line({ action: 'club.verified', who: adminRow!.name }),
    );
    expect(await linesOf(clubId, () => postOk(admin, `/admin/clubs/${clubId}/status`, { status: 'suspended' }))).toEqual(
      line({ action: 'club.suspended', who: adminRow!.name }),
    );
    expect(await linesOf(clubId, () => postOk(admin, `/admin/clubs/${clubId}/status`, { status: 'active' }))).toEqual(
      line({ action: 'club.reinstated' }),
    );
  });

  it('logs refunds and resends by the club, the supporter’s own actions, and refunds by Stripe or a cancelled match', async () => {
    const ctx = await clubWithOwner(t, 'Refund Row');
    const clubId = ctx.club.id;
    const { matchId, matchStandId } = await matchOnSale(t, ctx);
    const fan = await createUser(t, 'refund-row-fan@example.be', 'Fay Fan');
    const fanClient = await signIn(t, 'refund-row-fan@example.be');
    const supporter = { who: 'Fay Fan', userId: fan.id };

    const abandoned = await buy(fanClient, matchId, matchStandId, 1);
    expect(await linesOf(clubId, () => postOk(fanClient, `/account/orders/${abandoned.order.reference}/abandon`, {}))).toEqual(
      line({ action: 'order.abandoned', ...supporter, orderId: abandoned.order.id, matchId }),
    );

    const paid = await buy(fanClient, matchId, matchStandId, 3);
    await paid.pay();
    const [picked] = await refundableTickets(ctx.owner, ctx.base, paid.order.id);
    const orderPage = `${ctx.base}/orders/${paid.order.id}`;
    expect(await linesOf(clubId, () => postOk(ctx.owner, `${orderPage}/refund`, { 'ticket[]': picked!, confirm: 'yes' }))).toEqual(
      line({
        action: 'order.tickets_refunded',
        who: 'Refund Row owner',
        orderId: paid.order.id,
        matchId,
        details: { tickets: 1, amountCents: expect.any(Number) },
      }),
    );
    expect(await linesOf(clubId, () => postOk(ctx.owner, `${orderPage}/resend`, {}))).toEqual(
      line({ action: 'order.tickets_resent', who: 'Refund Row owner', orderId: paid.order.id }),
    );
    expect(await linesOf(clubId, () => postOk(fanClient, `/account/tickets/orders/${paid.order.reference}/resend`, {}))).toEqual(
      line({ action: 'order.tickets_resent', ...supporter, orderId: paid.order.id }),
    );
    const [valid] = await db()
      .select()
      .from(ticket)
      .where(and(eq(ticket.orderId, paid.order.id), eq(ticket.status, 'valid')));
    expect(await linesOf(clubId, () => postOk(fanClient, `/account/tickets/${valid!.id}/reissue`, {}))).toEqual(
      line({ action: 'ticket.reissued', ...supporter, orderId: paid.order.id, matchId }),
    );
    expect(await linesOf(clubId, () => postOk(ctx.owner, `${orderPage}/refund`, { confirm: 'yes' }))).toEqual(
      line({
        action: 'order.refunded',
        who: 'Refund Row owner',
        orderId: paid.order.id,
        details: { tickets: 2, amountCents: expect.any(Number) },
      }),
    );

    // Money given back at Stripe: the provider is the actor (a part only records it, the whole refunds the order).
    const atStripe = await buy(fanClient, matchId, matchStandId, 2);
    await atStripe.pay();
    await db().update(order).set({ providerPaymentId: 'pi_ledger' }).where(eq(order.id, atStripe.order.id));
    const stripeCtx = { payments: t.runtime.deps.payments, outbox: t.runtime.deps.outbox, baseURL: 'http://localhost' };
    expect(
      await linesOf(clubId, () =>
        recordProviderRefund(db(), stripeCtx, { actor: { kind: 'provider' }, paymentId: 'pi_ledger', amountRefundedCents: 500 }),
      ),
    ).toEqual(
      line({
        action: 'order.refunded_at_provider',
        who: 'provider',
        userId: null,
        orderId: atStripe.order.id,
        details: { amountCents: 500 },
      }),
    );
    expect(
      await linesOf(clubId, () =>
        recordProviderRefund(db(), stripeCtx, {
          actor: { kind: 'provider' },
          paymentId: 'pi_ledger',
          amountRefundedCents: atStripe.order.totalCents,
        }),
      ),
    ).toEqual(line({ action: 'order.refunded', who: 'provider', orderId: atStripe.order.id }));

    // A cancelled match: the club's line, then FootArena's refund of each paid order, by the job.
    const last = await buy(fanClient, matchId, matchStandId, 1);
    await last.pay();
    const lines = await linesOf(clubId, async () => {
      await postOk(ctx.owner, `${ctx.base}/matches/${matchId}/status`, { status: 'cancelled', confirm: 'yes' });
      for (let i = 0; i < 100; i++) {
        const [now] = await db().select({ status: order.status }).from(order).where(eq(order.id, last.order.id));
        if (now?.status === 'refunded') break;
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    expect(lines).toEqual([
      expect.objectContaining({ action: 'match.cancelled', who: 'Refund Row owner', matchId }),
      expect.objectContaining({
        action: 'order.refunded',
        who: 'system',
        orderId: last.order.id,
        details: expect.objectContaining({ reason: 'match_cancelled' }),
      }),
    ]);
  });

  it('leaves no line when the change does not happen: a refund the provider refuses, a cap above the stand', async () => {
    const ctx = await clubWithOwner(t, 'Rollback Rovers');
    const clubId = ctx.club.id;
    const { matchId, matchStandId, standId } = await matchOnSale(t, ctx);
    await createUser(t, 'rollback-fan@example.be', 'Rolf');
    const bought = await buy(await signIn(t, 'rollback-fan@example.be'), matchId, matchStandId, 2);
    const [owner] = await db().select().from(user).where(eq(user.email, 'rollback-rovers@example.be'));
    await bought.pay();

    const demo = t.runtime.deps.payments;
    const refusing: PaymentProvider = Object.assign(Object.create(demo) as PaymentProvider, {
      refund: async () => {
        throw new Error('refund refused by the provider');
      },
    });
    let outcome = '';
    const lines = await linesOf(clubId, async () => {
      outcome = await db()
        .transaction((tx) =>
          refundOrder(
            tx,
            { payments: refusing, outbox: t.runtime.deps.outbox, baseURL: '' },
            { actor: { userId: owner!.id, name: 'Sarah Steward' }, clubId, orderId: bought.order.id },
          ),
        )
        .then(
          () => 'refunded',
          (error: Error) => error.message,
        );
    });
    expect(outcome).toBe('refund refused by the provider');
    expect(lines).toEqual([]);
    const [still] = await db().select().from(order).where(eq(order.id, bought.order.id));
    expect(still).toMatchObject({ status: 'paid', refundedCents: 0 });

    const tooMany = await linesOf(clubId, async () => {
      const response = await ctx.owner.post(`${ctx.base}/matches/${matchId}/stands`, {
        [`open_${standId}`]: 'on',
        [`cap_${standId}`]: '99999',
      });
      expect(response.status).toBe(400);
    });
    expect(tooMany).toEqual([]);
  });

  it('shows the history on the match and the order pages in the reader’s language, in Brussels time', async () => {
    const ctx = await clubWithOwner(t, 'History Hall');
    const { matchId, matchStandId } = await matchOnSale(t, ctx);
    await createUser(t, 'history-fan@example.be', 'Hugo');
    const hugo = await signIn(t, 'history-fan@example.be');
    const bought = await buy(hugo, matchId, matchStandId, 2);
    await bought.pay();
    await postOk(hugo, `/account/tickets/orders/${bought.order.reference}/resend`, {});
    const [picked] = await refundableTickets(ctx.owner, ctx.base, bought.order.id);
    await postOk(ctx.owner, `${ctx.base}/orders/${bought.order.id}/refund`, { 'ticket[]': picked!, confirm: 'yes' });
    const [refund] = await db()
      .select()
      .from(activity)
      .where(and(eq(activity.orderId, bought.order.id), eq(activity.action, 'order.tickets_refunded')));
    const amount = (locale: 'fr' | 'nl' | 'en') => plainSpaces(formatMoney(Number(refund!.details.amountCents), locale));
    // Under the day's heading, the time: both on the Brussels clock.
    const at = (locale: 'fr' | 'nl' | 'en') => plainSpaces(formatTime(refund!.createdAt, locale));
    const day = (locale: 'fr' | 'nl' | 'en') => plainSpaces(formatDate(refund!.createdAt, locale));

    const matchPage = await textOf(await ctx.owner.get(`${ctx.base}/matches/${matchId}`));
    expect(matchPage).toContain('History');
    expect(matchPage).toContain(`Refunded 1 ticket (${amount('en')})`);
    expect(matchPage).toContain(`History Hall owner, ${at('en')}`);
    expect(matchPage).toContain(`History ${day('en')} `);
    expect(matchPage).toContain('Put the match on sale');
    expect(matchPage).toContain(`Order ${bought.order.reference}`);

    const [owner] = await db().select().from(user).where(eq(user.email, 'history-hall@example.be'));
    await db().update(user).set({ locale: 'fr' }).where(eq(user.id, owner!.id));
    const orderPage = await textOf(await ctx.owner.get(`${ctx.base}/orders/${bought.order.id}`));
    expect(orderPage).toContain('Historique');
    expect(orderPage).toContain(`A remboursé 1 billet (${amount('fr')})`);
    expect(orderPage).toContain(`History Hall owner, ${at('fr')}`);
    expect(orderPage).toContain(`Historique ${day('fr')} `);
    expect(orderPage).toContain('A renvoyé les billets par e-mail Hugo (acheteur)'); // the buyer, not the staff
    expect(orderPage).not.toContain('A mis le match en vente'); // the order's own lines only
    await db().update(user).set({ locale: 'nl' }).where(eq(user.id, owner!.id));
    expect(await textOf(await ctx.owner.get(`${ctx.base}/matches/${matchId}`))).toContain('Heeft 1 ticket terugbetaald');
  });

  it('is for owners and admins only: a steward gets 403, another club’s owner 404', async () => {
    const ctx = await clubWithOwner(t, 'Private Log');
    const { matchId, matchStandId } = await matchOnSale(t, ctx);
    await createUser(t, 'private-fan@example.be', 'Pia');
    const bought = await buy(await signIn(t, 'private-fan@example.be'), matchId, matchStandId, 1);
    await bought.pay();
    const pages = [`${ctx.base}/activity`, `${ctx.base}/matches/${matchId}`, `${ctx.base}/orders/${bought.order.id}`];

    for (const page of pages) expect((await ctx.owner.get(page)).status).toBe(200);
    const admin = await staff(ctx.club.id, 'private-admin@example.be', 'Ada Admin', 'admin');
    for (const page of pages) expect((await admin.client.get(page)).status).toBe(200);
    const steward = await staff(ctx.club.id, 'private-steward@example.be', 'Stan Steward', 'steward');
    for (const page of pages) expect((await steward.client.get(page)).status).toBe(403);
    const rival = await clubWithOwner(t, 'Nosy Neighbours');
    for (const page of pages) expect((await rival.owner.get(page)).status).toBe(404);
    // Their own activity page does not take another club's match either.
    const theirs = await textOf(await rival.owner.get(`${rival.base}/activity?match=${matchId}`, en));
    expect(theirs).toContain('Nothing recorded yet.');
    expect(await (await ctx.owner.get(ctx.base)).text()).toContain(`href="${ctx.base}/activity"`);
    expect(await (await steward.client.get(ctx.base)).text()).not.toContain(`href="${ctx.base}/activity"`);
  });

  it('shows the latest 200 lines of the club, newest first, and one match’s when asked', async () => {
    const ctx = await clubWithOwner(t, 'Busy Club');
    const { matchId } = await matchOnSale(t, ctx);
    const [owner] = await db().select().from(user).where(eq(user.email, 'busy-club@example.be'));
    await db().transaction(async (tx) => {
      for (let i = 1; i <= 205; i++) {
        await recordActivity(tx, {
          clubId: ctx.club.id,
          actor: { userId: owner!.id, name: `Clerk ${i}` },
          action: 'stand.updated',
          details: { stand: `Stand ${i}`, capacity: i },
        });
      }
    });
    const html = await (await ctx.owner.get(`${ctx.base}/activity`, en)).text();
    expect(html.match(/class="activity-entry"/g)).toHaveLength(200);
    expect(html).toContain('The latest 200 entries are shown.');
    const text = await textOf(new Response(html));
    expect(text).toContain('Edited the stand Stand 205 (205 seats)');
    expect(text).not.toContain('Stand 5 (5 seats)');
    expect(text.indexOf('Stand 205 ')).toBeLessThan(text.indexOf('Stand 204 '));

    const forMatch = await textOf(await ctx.owner.get(`${ctx.base}/activity?match=${matchId}`, en));
    expect(forMatch).toContain('Put the match on sale');
    expect(forMatch).not.toContain('Edited the stand Stand');
    expect(forMatch).not.toContain('The latest 200');
  });
});
