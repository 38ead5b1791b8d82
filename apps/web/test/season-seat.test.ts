import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { device, match, matchStand, seasonGiveBack, seasonLoan, supporterCredit, ticket, user } from '../src/db/schema/index.ts';
import { sellAtGate } from '../src/domain/boxoffice/sell-at-gate.ts';
import { redeemTicket } from '../src/domain/checkin/redeem-ticket.ts';
import { fulfilOrder } from '../src/domain/sales/fulfil-order.ts';
import { creditGiveBacks } from '../src/domain/seasons/credit-give-backs.ts';
import { giveBackSeasonSeat } from '../src/domain/seasons/give-back-season-seat.ts';
import { lendSeasonSeat } from '../src/domain/seasons/lend-season-seat.ts';
import { undoSeasonLoan } from '../src/domain/seasons/undo-season-loan.ts';
import { buyAndPay, clubWithOwner, matchOnSale } from './support/catalog.ts';
import { createUser, databaseKinds, signIn, startTestApp, type TestApp } from './support/harness.ts';
import { buySeasonPasses, insertSeasonProduct } from './support/season-gate.ts';

describe.each(databaseKinds())('lending and giving back a season seat on %s', (kind) => {
  let t: TestApp;
  const db = () => t.runtime.deps.db;
  let clubId = '';
  let sale: Awaited<ReturnType<typeof matchOnSale>>;
  let productId = '';
  let gate = '';
  let holder: { userId: string; name: string };
  const ctx = () => ({ config: t.runtime.deps.config.sales, outbox: t.runtime.deps.outbox });

  const redeem = async (code: string, matchId = sale.matchId) => {
    const [m] = await db().select({ gatesOpenAt: match.gatesOpenAt }).from(match).where(eq(match.id, matchId));
    return redeemTicket(
      db(),
      {},
      { clubId, matchId, deviceId: gate, nonce: randomUUID(), code, standIds: null, gatesOpenAt: m!.gatesOpenAt },
    );
  };
  const pass = async () => (await buySeasonPasses(t, { clubId, productId, userId: holder.userId, email: 'holder@example.be' })).passes[0]!;
  const lend = (passId: string, email = 'friend@example.be') =>
    db().transaction((tx) => lendSeasonSeat(tx, ctx(), { actor: holder, passId, matchId: sale.matchId, email, name: 'Fred Friend' }));
  const undo = (passId: string) => db().transaction((tx) => undoSeasonLoan(tx, ctx(), { actor: holder, passId, matchId: sale.matchId }));
  const giveBack = (passId: string) =>
    db().transaction((tx) => giveBackSeasonSeat(tx, {}, { actor: holder, passId, matchId: sale.matchId }));
  const stand = async () => (await db().select().from(matchStand).where(eq(matchStand.id, sale.matchStandId)))[0]!;
  /** Room on the stand for the next passes (the credit tests set its cap tight). */
  const roomy = async () =>
    db()
      .update(matchStand)
      .set({ cap: (await stand()).sold + 10 })
      .where(eq(matchStand.id, sale.matchStandId));
  const codeOf = async (ticketId: string) => (await db().select().from(ticket).where(eq(ticket.id, ticketId)))[0]!.code;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const club = await clubWithOwner(t, 'Lending FC');
    clubId = club.club.id;
    sale = await matchOnSale(t, club);
    // A season of three matches: the product covers this one (and is priced 90 € for adults).
    productId = await insertSeasonProduct(db(), { clubId, standId: sale.standId, matchIds: [sale.matchId], priceCents: 9_000 });
    await createUser(t, 'holder@example.be', 'Hélène Holder');
    const [u] = await db().select().from(user).where(eq(user.email, 'holder@example.be'));
    holder = { userId: u!.id, name: u!.name };
    const [g] = await db().insert(device).values({ clubId, name: 'Gate', kind: 'gate' }).returning();
    gate = g!.id;
  });
  afterAll(() => t?.close());

  it("lending blocks the season code for that match and admits the friend's ticket (same seat), mailed to the friend", async () => {
    const p = await pass();
    const lent = await lend(p.id);
    const friendTicket = (await db().select().from(ticket).where(eq(ticket.id, lent.ticketId)))[0]!;
    const holderRow = (
      await db()
        .select()
        .from(ticket)
        .where(and(eq(ticket.seasonPassId, p.id), eq(ticket.matchId, sale.matchId)))
    )[0]!;
    expect(friendTicket).toMatchObject({
      seatId: holderRow.seatId,
      holderEmail: 'friend@example.be',
      holderName: 'Fred Friend',
      seasonPassId: null,
    });
    expect(holderRow.status).toBe('revoked');
    expect((await redeem(p.code)).result).toBe('revoked');
    expect((await redeem(friendTicket.code)).result).toBe('ok');
    expect((await redeem(friendTicket.code)).result).toBe('already_used');
    // The friend's ticket entered: the loan can no longer be undone.
    await expect(undo(p.id)).rejects.toMatchObject({ code: 'loan_used' });
    await expect(lend(p.id)).rejects.toMatchObject({ code: 'seat_passed' });
    const mail = await t.smtp.waitFor('friend@example.be', /Hélène Holder/);
    expect(mail.subject).toContain('Hélène Holder');
    expect(mail.attachments.some((a) => a.contentType === 'image/png')).toBe(true);
  });

  it("undoing a loan revokes the friend's ticket and gives the holder a new row of the same seat: the season code enters again", async () => {
    const p = await pass();
    const lent = await lend(p.id);
    const back = await undo(p.id);
    const friendCode = await codeOf(lent.ticketId);
    expect((await redeem(friendCode)).result).toBe('revoked');
    const row = (await db().select().from(ticket).where(eq(ticket.id, back.ticketId)))[0]!;
    expect(row).toMatchObject({ seasonPassId: p.id, status: 'valid', holderEmail: null });
    expect(await redeem(p.code)).toMatchObject({ result: 'ok', ticketId: back.ticketId });
    const [loan] = await db().select().from(seasonLoan).where(eq(seasonLoan.ticketId, lent.ticketId));
    expect(loan!.undoneAt).not.toBeNull();
    // The season code entered: the seat is no longer the holder's to lend.
    await expect(lend(p.id)).rejects.toMatchObject({ code: 'ticket_used' });
  });

  it("a scan of the friend's ticket racing the undo never admits both", async () => {
    for (let round = 0; round < 8; round++) {
      const p = await pass();
      const lent = await lend(p.id);
      const friendCode = await codeOf(lent.ticketId);
      const [scanned, undone] = await Promise.allSettled([redeem(friendCode), undo(p.id)]);
      const friendIn = scanned.status === 'fulfilled' && scanned.value.result === 'ok';
      const holderBack = undone.status === 'fulfilled';
      if (!holderBack) expect((undone as PromiseRejectedResult).reason).toMatchObject({ code: 'loan_used' });
      // The friend, then the season code: the seat lets exactly one person in, whoever won. (A scan that
      // read the friend's ticket just before the undo revoked it counts on the seat's code of now, as for
      // a re-issued code: the holder's new row is then used, and the season code refused.)
      const again = await redeem(p.code);
      const admitted = [friendIn, again.result === 'ok'].filter(Boolean).length;
      expect({ admitted, friendIn, holderBack, again: again.result }).toMatchObject({ admitted: 1 });
      if (!holderBack) expect(again.result).toBe('revoked');
      const entered = await db()
        .select()
        .from(ticket)
        .where(eq(ticket.seatId, (await db().select().from(ticket).where(eq(ticket.id, lent.ticketId)))[0]!.seatId));
      expect(entered.filter((r) => r.status === 'valid')).toHaveLength(1);
      expect(entered.filter((r) => r.usedAt !== null).length).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives the seat back: the season code is refused there, the seat is on sale again, the credit is fixed and shown', async () => {
    const p = await pass();
    const before = (await stand()).sold;
    const given = await giveBack(p.id);
    // 90 € over 1 covered match at the default 50 %: 45 €.
    expect(given.creditCents).toBe(4_500);
    expect((await stand()).sold).toBe(before - 1);
    expect((await redeem(p.code)).result).toBe('revoked');
    await expect(giveBack(p.id)).rejects.toMatchObject({ code: 'seat_passed' });
    await expect(lend(p.id)).rejects.toMatchObject({ code: 'seat_passed' });
  });

  it('pays the give-back credit once, and only when the seat sells past the seats that were free anyway', async () => {
    // Start from a stand where only given-back seats can be resold after the free ones.
    await db().delete(seasonGiveBack).where(eq(seasonGiveBack.matchStandId, sale.matchStandId));
    const p = await pass();
    const { sold } = await stand();
    await db()
      .update(matchStand)
      .set({ cap: sold + 2 })
      .where(eq(matchStand.id, sale.matchStandId));
    const given = await giveBack(p.id);
    // Free anyway: cap - sold - open = 2. Selling exactly those earns nothing.
    await createUser(t, 'buyer@example.be', 'Bob Buyer');
    const buyer = await signIn(t, 'buyer@example.be');
    await buyAndPay(t, buyer, sale.matchId, sale.matchStandId, 2);
    const credits = () => db().select().from(supporterCredit).where(eq(supporterCredit.giveBackId, given.giveBackId));
    expect(await credits()).toHaveLength(0);
    // One more: the given-back seat sold.
    const last = await buyAndPay(t, buyer, sale.matchId, sale.matchStandId, 1);
    expect(last.status).toBe('paid');
    expect(await credits()).toEqual([expect.objectContaining({ userId: holder.userId, clubId, amountCents: 4_500, reason: 'give_back' })]);
    // A replayed webhook, and the credit run again on the stand: still once.
    const replay = await db().transaction((tx) =>
      fulfilOrder(
        tx,
        {
          payments: t.runtime.deps.payments,
          outbox: t.runtime.deps.outbox,
          config: t.runtime.deps.config.sales,
          baseURL: t.runtime.deps.config.baseURL,
        },
        {
          actor: { kind: 'provider' },
          sessionId: last.providerSessionId!,
        },
      ),
    );
    expect(replay.status).toBe('already');
    expect(
      await db().transaction((tx) =>
        creditGiveBacks(tx, { outbox: t.runtime.deps.outbox, baseURL: t.runtime.deps.config.baseURL }, [sale.matchStandId]),
      ),
    ).toBe(0);
    expect(await credits()).toHaveLength(1);
    const [row] = await db().select().from(seasonGiveBack).where(eq(seasonGiveBack.id, given.giveBackId));
    expect(row!.creditedAt).not.toBeNull();
    // The holder is told once, in their language, with the amount and a link to their season ticket.
    const soldAgain = /revendue|sold again|opnieuw verkocht/;
    const mail = await t.smtp.waitFor('holder@example.be', soldAgain);
    expect(mail.text).toMatch(/45[,.]00/);
    expect(mail.text).toContain(`/account/season/${p.id}`);
    expect(t.smtp.to('holder@example.be').filter((m) => soldAgain.test(m.subject ?? ''))).toHaveLength(1);
  });

  it('credits the oldest give-back first, one per seat resold', async () => {
    await db().delete(seasonGiveBack).where(eq(seasonGiveBack.matchStandId, sale.matchStandId));
    await roomy();
    const [a, b] = [await pass(), await pass()];
    const { sold } = await stand();
    await db().update(matchStand).set({ cap: sold }).where(eq(matchStand.id, sale.matchStandId));
    const first = await giveBack(a.id);
    const second = await giveBack(b.id);
    // The stand was full: each seat sold now is a given-back seat.
    await db()
      .update(matchStand)
      .set({ sold: (await stand()).sold + 1 })
      .where(eq(matchStand.id, sale.matchStandId));
    expect(
      await db().transaction((tx) =>
        creditGiveBacks(tx, { outbox: t.runtime.deps.outbox, baseURL: t.runtime.deps.config.baseURL }, [sale.matchStandId]),
      ),
    ).toBe(1);
    const credited = await db().select().from(seasonGiveBack).where(eq(seasonGiveBack.matchStandId, sale.matchStandId));
    expect(credited.find((g) => g.id === first.giveBackId)!.creditedAt).not.toBeNull();
    expect(credited.find((g) => g.id === second.giveBackId)!.creditedAt).toBeNull();
  });

  it('credits a give-back when a cash sale at the gate takes the seat, once for a retried sale', async () => {
    await db().delete(seasonGiveBack).where(eq(seasonGiveBack.matchStandId, sale.matchStandId));
    await roomy();
    const p = await pass();
    // The stand full, then one seat given back: the next seat sold is the given-back one.
    await db()
      .update(matchStand)
      .set({ cap: (await stand()).sold })
      .where(eq(matchStand.id, sale.matchStandId));
    const given = await giveBack(p.id);
    const [seller] = await db().insert(device).values({ clubId, name: 'Cash desk', kind: 'phone', canSell: true }).returning();
    const { outbox, payments, config } = t.runtime.deps;
    const sellOne = (clientSaleId: string) =>
      db().transaction((tx) =>
        sellAtGate(
          tx,
          { outbox, payments, config: config.sales, baseURL: config.baseURL },
          {
            actor: { kind: 'device', device: { id: seller!.id, clubId, name: 'Cash desk', matchIds: null, standIds: null } },
            matchId: sale.matchId,
            clientSaleId,
            method: 'cash',
            lines: [{ matchStandId: sale.matchStandId, category: 'adult', quantity: 1 }],
          },
        ),
      );
    const clientSaleId = randomUUID();
    expect((await sellOne(clientSaleId)).status).toBe('paid');
    expect((await sellOne(clientSaleId)).replayed).toBe(true);
    const credits = await db().select().from(supporterCredit).where(eq(supporterCredit.giveBackId, given.giveBackId));
    expect(credits).toEqual([expect.objectContaining({ userId: holder.userId, amountCents: 4_500, reason: 'give_back' })]);
  });

  it("the holder's page lists the match's state, lends, takes back and frees the seat with plain forms, and shows the credit", async () => {
    await roomy();
    const p = await pass();
    const client = await signIn(t, 'holder@example.be');
    const page = async () => plain(await (await client.get(`/account/season/${p.id}`)).text());
    const plain = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    const before = await page();
    expect(before).toMatch(/Prêter ce match|Lend this match|Deze wedstrijd uitlenen/);
    // The credit a give-back would earn, before confirming: 90 € over one match at 50 %.
    expect(before).toMatch(/45[,.]00/);
    const base = `/account/season/${p.id}/${sale.matchId}`;
    expect((await client.post(`${base}/lend`, { email: 'not an e-mail' })).status).toBe(303);
    expect(await db().select().from(seasonLoan).where(eq(seasonLoan.passId, p.id))).toHaveLength(0);
    // The pass's calendar holds the matches its holder goes to: this one, until it is lent.
    const events = async () =>
      ((await (await client.get(`/account/tickets/${p.id}/match.ics`)).text()).match(/BEGIN:VEVENT/g) ?? []).length;
    expect(await events()).toBe(1);
    expect((await client.post(`${base}/lend`, { email: 'Pal@Example.be', name: 'Paul Pal' })).status).toBe(303);
    expect(await page()).toContain('Paul Pal');
    expect(await events()).toBe(0);
    expect((await client.post(`${base}/undo`, {})).status).toBe(303);
    expect((await client.post(`${base}/give-back`, {})).status).toBe(303);
    const after = await page();
    expect(after).toMatch(/Libérée|Given back|Vrijgegeven/);
    expect(after).not.toMatch(/Prêter ce match|Lend this match|Deze wedstrijd uitlenen/);
    // Someone else's pass is not found.
    await createUser(t, 'nosy@example.be', 'Nosy Parker');
    const nosy = await signIn(t, 'nosy@example.be');
    expect((await nosy.get(`/account/season/${p.id}`)).status).toBe(404);
    expect((await nosy.post(`${base}/give-back`, {})).status).toBe(404);
  });

  it('refuses to lend or give back a match already started, or a pass that is not yours', async () => {
    await roomy();
    const p = await pass();
    await expect(
      db().transaction((tx) =>
        lendSeasonSeat(tx, ctx(), {
          actor: { userId: 'someone-else', name: 'X' },
          passId: p.id,
          matchId: sale.matchId,
          email: 'a@b.be',
          name: null,
        }),
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    const later = new Date(Date.now() + 30 * 86_400_000);
    await expect(
      db().transaction((tx) => giveBackSeasonSeat(tx, { now: later }, { actor: holder, passId: p.id, matchId: sale.matchId })),
    ).rejects.toMatchObject({ code: 'match_started' });
  });
});
