import { randomUUID } from 'node:crypto';
import type { SyncResponse } from '@footarena/gate-protocol';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { match, order, ticket } from '../src/db/schema/index.ts';
import { redeemTicket } from '../src/domain/checkin/redeem-ticket.ts';
import { passTicketOn } from '../src/domain/tickets/pass-ticket-on.ts';
import { activeSigningKey } from '../src/domain/tickets/signing-key.ts';
import { clubWithOwner, matchOnSale } from './support/catalog.ts';
import { insertPaidOrder, insertSignedTickets } from './support/gate.ts';
import { createUser, databaseKinds, signIn, startTestApp, type TestApp, type TestClient, textOf } from './support/harness.ts';

describe.each(databaseKinds())('passing a ticket on, on %s', (kind) => {
  let t: TestApp;
  const db = () => t.runtime.deps.db;
  let owner: Awaited<ReturnType<typeof clubWithOwner>>;
  let matchId = '';
  let matchStandId = '';
  let buyerId = '';
  let buyer: TestClient;
  let friend: TestClient;
  let stranger: TestClient;
  let orderId = '';
  let itemId = '';
  let gateId = '';

  const api = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    t.app.request(`http://localhost/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const codeOf = async (id: string) => (await db().select().from(ticket).where(eq(ticket.id, id)))[0]!;
  const redeem = (code: string) =>
    redeemTicket(
      db(),
      {},
      { clubId: owner.club.id, matchId, deviceId: gateId, nonce: randomUUID(), code, standIds: null, gatesOpenAt: null },
    );
  /** `n` valid tickets of the buyer's paid order. */
  async function own(n: number) {
    const key = await db().transaction((tx) => activeSigningKey(tx, owner.club.id, t.runtime.deps.config.sales.ticketSealingKey));
    return insertSignedTickets(db(), key, { clubId: owner.club.id, matchId, orderId, orderItemId: itemId }, n);
  }
  const passOn = (ticketId: string, to: { name: string; email: string }) =>
    buyer.post(`/account/tickets/${ticketId}/pass-on`, { ...to, confirm: '1' });

  beforeAll(async () => {
    t = await startTestApp(kind);
    owner = await clubWithOwner(t, 'Transfer FC');
    ({ matchId, matchStandId } = await matchOnSale(t, owner));
    buyerId = (await createUser(t, 'giver@example.be', 'Gina Giver')).id;
    await createUser(t, 'friend@example.be', 'Fred Friend');
    await createUser(t, 'stranger@example.be', 'Sid Stranger');
    [buyer, friend, stranger] = [
      await signIn(t, 'giver@example.be'),
      await signIn(t, 'friend@example.be'),
      await signIn(t, 'stranger@example.be'),
    ];
    const paid = await insertPaidOrder(db(), {
      clubId: owner.club.id,
      matchId,
      reference: 'FA-PASS001',
      lines: [{ matchStandId, category: 'adult', unitPriceCents: 1000, quantity: 500 }],
    });
    orderId = paid.orderId;
    itemId = paid.itemIds[0]!;
    await db().update(order).set({ userId: buyerId, email: 'giver@example.be' }).where(eq(order.id, orderId));
    const page = await owner.owner.post(`${owner.base}/devices`, { name: 'Gate', kind: 'gate' });
    const code = /<p class="pairing-code">([2-9A-HJKMNP-Z]{8})<\/p>/.exec(await page.text())![1]!;
    const paired = (await (await api('/pair', { code })).json()) as { token: string; deviceId: string };
    gateId = paired.deviceId;
    token = paired.token;
  });
  let token = '';
  afterAll(() => t?.close());

  it('asks who and then to confirm, revokes the old code, admits the new one once, mails it and shows it to its new holder', async () => {
    const [tk] = await own(1);
    const asked = await buyer.post(`/account/tickets/${tk!.id}/pass-on`, { name: 'Fred Friend', email: 'Friend@Example.be' });
    expect(asked.status).toBe(200);
    expect(await textOf(asked)).toContain('Fred Friend (friend@example.be) will get a new code');
    expect((await codeOf(tk!.id)).status).toBe('valid'); // nothing changed before the confirmation
    expect((await passOn(tk!.id, { name: 'Fred Friend', email: 'friend@example.be' })).status).toBe(303);
    const [successor] = (await db().select().from(ticket).where(eq(ticket.seatId, tk!.id))).filter((r) => r.id !== tk!.id);
    expect(successor).toMatchObject({ status: 'valid', holderName: 'Fred Friend', holderEmail: 'friend@example.be', usedAt: null });
    expect(successor!.holderUserId).not.toBeNull();
    expect((await redeem(tk!.code)).result).toBe('revoked');
    const mail = await t.smtp.waitFor('friend@example.be', /Your tickets/);
    expect(mail.text).toContain('Hello Fred Friend');
    expect(await textOf(await friend.get('/account/tickets'))).toContain('Transfer FC');
    expect((await friend.get(`/account/tickets/${successor!.id}`)).status).toBe(200);
    // Their calendar file too: the match, though the order is the buyer's.
    const calendar = await friend.get(`/account/tickets/${successor!.id}/match.ics`);
    expect(calendar.status).toBe(200);
    expect((await calendar.text()).match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(await textOf(await buyer.get('/account/tickets'))).toContain('Passed on to Fred Friend');
    expect((await buyer.get(`/account/tickets/${successor!.id}`)).status).toBe(404);
    // The club sees who holds it now.
    expect(await textOf(await owner.owner.get(`${owner.base}/orders/${orderId}`))).toContain('now held by Fred Friend (friend@example.be)');
    // The new holder may pass it on again; the buyer no longer can.
    expect((await passOn(successor!.id, { name: 'X', email: 'x@example.be' })).status).toBe(404);
    expect((await redeem(successor!.code)).result).toBe('ok');
    expect((await redeem(successor!.code)).result).toBe('already_used');
  });

  it('admits a passed-on code scanned offline as a genuine code, and refuses the old one after the sync', async () => {
    const [tk] = await own(1);
    expect((await passOn(tk!.id, { name: 'Fred Friend', email: 'friend@example.be' })).status).toBe(303);
    const [successor] = (await db().select().from(ticket).where(eq(ticket.seatId, tk!.id))).filter((r) => r.id !== tk!.id);
    const sync = async (scans: unknown[]) =>
      (await (await api('/sync', { matchId, cursor: null, scans }, { authorization: `Bearer ${token}` })).json()) as SyncResponse;
    const lists = await sync([]);
    expect(lists.revoked).toContain(tk!.id);
    const uploaded = await sync([{ code: successor!.code, nonce: randomUUID(), scannedAt: new Date().toISOString(), result: 'ok' }]);
    expect(uploaded.uploaded).toMatchObject([{ result: 'ok', conflict: false }]);
    expect((await codeOf(successor!.id)).usedAt).not.toBeNull();
  });

  it('refuses a used ticket, a match with transfers off, a started match, and someone else’s ticket', async () => {
    const [used, off, foreign] = await own(3);
    expect((await redeem(used!.code)).result).toBe('ok');
    const refusedUsed = await passOn(used!.id, { name: 'Fred Friend', email: 'friend@example.be' });
    expect(refusedUsed.status).toBe(409);
    expect(await textOf(refusedUsed)).toContain('already been used');

    expect(
      (await stranger.post(`/account/tickets/${foreign!.id}/pass-on`, { name: 'Sid', email: 'sid@example.be', confirm: '1' })).status,
    ).toBe(404);
    expect((await codeOf(foreign!.id)).status).toBe('valid');

    await db().update(match).set({ allowTransfers: false }).where(eq(match.id, matchId));
    const refusedOff = await passOn(off!.id, { name: 'Fred Friend', email: 'friend@example.be' });
    expect(refusedOff.status).toBe(409);
    expect(await textOf(refusedOff)).toContain('does not allow tickets for this match to be passed on');
    await db().update(match).set({ allowTransfers: true }).where(eq(match.id, matchId));

    const actor = { userId: buyerId, name: 'Gina Giver' };
    const ctx = { outbox: t.runtime.deps.outbox, config: t.runtime.deps.config.sales, now: new Date(Date.now() + 30 * 86_400_000) };
    await expect(
      db().transaction((tx) => passTicketOn(tx, ctx, { actor, ticketId: off!.id, holder: { name: 'F', email: 'f@example.be' } })),
    ).rejects.toMatchObject({ code: 'match_started' });
    expect((await codeOf(off!.id)).status).toBe('valid');
  });

  it('refuses a ticket of another club’s match passed through its id', async () => {
    const other = await clubWithOwner(t, 'Other Transfer FC');
    const { matchId: otherMatch, matchStandId: otherStand } = await matchOnSale(t, other, 'Away');
    const paid = await insertPaidOrder(db(), {
      clubId: other.club.id,
      matchId: otherMatch,
      reference: 'FA-PASS002',
      lines: [{ matchStandId: otherStand, category: 'adult', unitPriceCents: 1000, quantity: 1 }],
    });
    const key = await db().transaction((tx) => activeSigningKey(tx, other.club.id, t.runtime.deps.config.sales.ticketSealingKey));
    const [tk] = await insertSignedTickets(
      db(),
      key,
      { clubId: other.club.id, matchId: otherMatch, orderId: paid.orderId, orderItemId: paid.itemIds[0]! },
      1,
    );
    expect((await passOn(tk!.id, { name: 'Fred Friend', email: 'friend@example.be' })).status).toBe(404);
    expect((await codeOf(tk!.id)).status).toBe('valid');
  });

  it('never admits both the old and the new code of a seat passed on while its old code is scanned', async () => {
    const batch = await own(kind === 'postgres' ? 60 : 10);
    const actor = { userId: buyerId, name: 'Gina Giver' };
    const ctx = { outbox: t.runtime.deps.outbox, config: t.runtime.deps.config.sales };
    const outcomes = await Promise.all(
      batch.map(async (tk) => {
        const passThenScan = async () => {
          try {
            const passed = await db().transaction((tx) =>
              passTicketOn(tx, ctx, { actor, ticketId: tk.id, holder: { name: 'Fred Friend', email: 'friend@example.be' } }),
            );
            return (await redeem((await codeOf(passed.id)).code)).result;
          } catch (error) {
            if ((error as { code?: string }).code === 'ticket_used') return 'refused';
            throw error;
          }
        };
        const [old, passed] = await Promise.all([redeem(tk.code), passThenScan()]);
        return [old.result, passed];
      }),
    );
    for (const [i, tk] of batch.entries()) {
      expect(outcomes[i]!.filter((r) => r === 'ok')).toHaveLength(1);
      const codes = await db().select().from(ticket).where(eq(ticket.seatId, tk.id));
      expect(codes.filter((c) => c.status === 'valid')).toHaveLength(1);
      expect(codes.filter((c) => c.status === 'valid' && c.usedAt)).toHaveLength(1);
    }
  });
});
