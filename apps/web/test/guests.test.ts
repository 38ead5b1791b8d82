import { randomBytes } from 'node:crypto';
import type { GuestAdmitResponse, GuestSearchResponse, MatchesResponse, QuotaResponse, SyncResponse } from '@footarena/gate-protocol';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  boxOfficeQuota,
  guest,
  guestList,
  guestListStand,
  match,
  matchStand,
  member,
  order,
  scan,
  ticket,
} from '../src/db/schema/index.ts';
import { DomainError } from '../src/domain/errors.ts';
import { addGuests } from '../src/domain/guests/add-guests.ts';
import { createGuestList } from '../src/domain/guests/create-guest-list.ts';
import { parseGuestCsv } from '../src/domain/guests/parse-guest-csv.ts';
import { setGuestListAllowances } from '../src/domain/guests/set-guest-list-allowances.ts';
import { placeOrder } from '../src/domain/sales/place-order.ts';
import { clubWithOwner, matchOnSale, postOk } from './support/catalog.ts';
import { createUser, databaseKinds, signIn, startTestApp, type TestApp, type TestClient, textOf } from './support/harness.ts';

describe('reading a guest CSV as spreadsheets write it', () => {
  it('takes a BOM, semicolons, quotes and CRLF, and a header naming the columns in another order', () => {
    const parsed = parseGuestCsv('\uFEFFPlaces;Nom;E-mail\r\n2;"Dupont; Marie";marie@example.be\r\n1;Jan Peeters;\r\n\r\n');
    expect(parsed).toEqual({
      ok: true,
      guests: [
        { name: 'Dupont; Marie', email: 'marie@example.be', places: 2 },
        { name: 'Jan Peeters', email: null, places: 1 },
      ],
    });
  });

  it('reports every bad line with its number, and returns nothing to import', () => {
    const parsed = parseGuestCsv('name,email,places\nAnna,anna@example.be,2\n,x@example.be,1\nBen,not-an-address,1\nCleo,,0\nDirk,,many\n');
    expect(parsed).toEqual({
      ok: false,
      problems: [
        { line: 3, problem: 'name_missing' },
        { line: 4, problem: 'email_invalid' },
        { line: 5, problem: 'places_invalid' },
        { line: 6, problem: 'places_invalid' },
      ],
    });
    expect(parseGuestCsv('name,email,places\n')).toEqual({ ok: false, problems: [{ line: 1, problem: 'no_rows' }] });
  });
});

describe.each(databaseKinds())('guest lists and free entries on %s', (kind) => {
  let t: TestApp;
  let ctx: Awaited<ReturnType<typeof clubWithOwner>>;
  let ids: Awaited<ReturnType<typeof matchOnSale>>;

  beforeAll(async () => {
    t = await startTestApp(kind);
    ctx = await clubWithOwner(t, 'Guests FC');
    ids = await matchOnSale(t, ctx, 'Visitors FC'); // one stand "Main", 50 seats
  });
  afterAll(() => t?.close());
  const db = () => t.runtime.deps.db;
  const opCtx = () => ({ outbox: t.runtime.deps.outbox, payments: t.runtime.deps.payments, config: t.runtime.deps.config.sales });

  async function seats(matchStandId = ids.matchStandId) {
    const [row] = await db()
      .select({ held: matchStand.held, sold: matchStand.sold, cap: matchStand.cap })
      .from(matchStand)
      .where(eq(matchStand.id, matchStandId));
    return row!;
  }

  /** A guest list made through the back office, as the club makes it; returns its page path and id. */
  async function newList(client: TestClient, base: string, matchId: string, matchStandId: string, name: string, allowance: number) {
    const location = await postOk(client, `${base}/matches/${matchId}/guests`, {
      name,
      kind: 'sponsors',
      [`seats_${matchStandId}`]: String(allowance),
    });
    return { path: location.split('#')[0]!, id: location.split('/guests/')[1]!.split('#')[0]! };
  }

  const guestsOf = (listId: string) => db().select().from(guest).where(eq(guest.guestListId, listId));

  /** JSON to the device API, as a scanner sends it. */
  const api = async (path: string, token: string, body?: unknown): Promise<Response> =>
    t.app.request(`http://localhost/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function pairedDevice(client: TestClient, base: string, name: string) {
    const page = await client.post(`${base}/devices`, { name, kind: 'phone' });
    const code = /<p class="pairing-code">([2-9A-HJKMNP-Z]{8})<\/p>/.exec(await page.text())![1]!;
    const paired = await t.app.request('http://localhost/api/v1/pair', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    return ((await paired.json()) as { token: string; deviceId: string }).token;
  }

  it('sets seats aside when a list is created, grows and shrinks it, never below what its guests use', async () => {
    const before = await seats();
    const list = await newList(ctx.owner, ctx.base, ids.matchId, ids.matchStandId, 'Sponsors', 5);
    expect(await seats()).toMatchObject({ held: before.held + 5, sold: before.sold });
    await postOk(ctx.owner, `${list.path}/add`, { name: 'Marie Dupont', email: '', places: '3', matchStandId: ids.matchStandId });
    expect(await seats()).toMatchObject({ held: before.held + 2, sold: before.sold + 3 });
    // Shrinking below the 3 places used is refused and changes nothing; to 4 gives one seat back.
    const refused = await ctx.owner.post(`${list.path}/seats`, { [`seats_${ids.matchStandId}`]: '2' });
    expect(refused.status).toBe(409);
    expect(await textOf(refused)).toContain('Guests already use 3 places of this list here');
    await postOk(ctx.owner, `${list.path}/seats`, { [`seats_${ids.matchStandId}`]: '4' });
    expect(await seats()).toMatchObject({ held: before.held + 1, sold: before.sold + 3 });
    // Growing beyond the stand is refused with what the stand has left.
    const tooMany = await ctx.owner.post(`${list.path}/seats`, { [`seats_${ids.matchStandId}`]: '500' });
    expect(tooMany.status).toBe(409);
    expect(await textOf(tooMany)).toMatch(/Not enough seats left in Main: \d+ left/);
    expect(await seats()).toMatchObject({ held: before.held + 1, sold: before.sold + 3 });
    // Over the list's allowance: refused with how many are left.
    const over = await ctx.owner.post(`${list.path}/add`, { name: 'Too Many', email: '', places: '2', matchStandId: ids.matchStandId });
    expect(over.status).toBe(409);
    expect(await textOf(over)).toContain('1 place left, 2 asked');
  });

  it('mails a guest with an address their free tickets; one without gets none and is admitted by name', async () => {
    const list = await newList(ctx.owner, ctx.base, ids.matchId, ids.matchStandId, 'Press', 4);
    await postOk(ctx.owner, `${list.path}/add`, {
      name: 'Pia Press',
      email: 'pia@example.be',
      places: '2',
      matchStandId: ids.matchStandId,
    });
    await postOk(ctx.owner, `${list.path}/add`, { name: 'Nora Noaddress', email: '', places: '1', matchStandId: ids.matchStandId });
    const mail = await t.smtp.waitFor('pia@example.be', /Your tickets/);
    expect(mail.text).toContain('Pia Press');
    expect(mail.attachments.filter((a) => a.contentType === 'image/png')).toHaveLength(2);
    const [pia, nora] = await Promise.all(
      ['Pia Press', 'Nora Noaddress'].map(async (name) => (await db().select().from(guest).where(eq(guest.name, name)))[0]!),
    );
    const [o] = await db().select().from(order).where(eq(order.id, pia!.orderId));
    expect(o).toMatchObject({ channel: 'guest', provider: 'free', totalCents: 0, status: 'paid' });
    expect(await db().select({ id: ticket.id }).from(ticket).where(eq(ticket.orderId, nora!.orderId))).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1500));
    expect(t.smtp.summary()).not.toContain('Nora');
    const page = await textOf(await ctx.owner.get(list.path));
    expect(page).toContain('Pia Press');
    expect(page).toContain('none (admitted by name)');
  });

  it('imports a CSV all or nothing: bad lines reported one by one, an over-allowance file refused with what is left', async () => {
    const list = await newList(ctx.owner, ctx.base, ids.matchId, ids.matchStandId, 'Families', 4);
    const upload = (csv: string) => {
      const form = new FormData();
      form.set('csv', new File([csv], 'guests.csv', { type: 'text/csv' }));
      form.set('matchStandId', ids.matchStandId);
      return ctx.owner.postMultipart(`${list.path}/import`, form);
    };
    const bad = await upload('name;email;places\r\nAnna;anna@example.be;1\r\n;x@example.be;1\r\nBen;nope;1\r\n');
    expect(bad.status).toBe(400);
    const text = await textOf(bad);
    expect(text).toContain('Nothing was imported');
    expect(text).toContain('Line 3: the name is missing');
    expect(text).toContain('Line 4: the e-mail address is not valid');
    expect(await guestsOf(list.id)).toHaveLength(0);
    const over = await upload('name,email,places\nAnna,,3\nBen,,2\n');
    expect(over.status).toBe(409);
    expect(await textOf(over)).toContain('4 places left, 5 asked');
    expect(await guestsOf(list.id)).toHaveLength(0);
    const good = await upload('\uFEFFname;email;places\r\nAnna Family;;3\r\n"Ben; Junior";ben@example.be;1\r\n');
    expect(good.status).toBe(303);
    expect((await guestsOf(list.id)).map((g) => g.name).sort()).toEqual(['Anna Family', 'Ben; Junior']);
    const [row] = await db().select().from(guestListStand).where(eq(guestListStand.guestListId, list.id));
    expect(row).toMatchObject({ allowance: 4, used: 4 });
  });

  it('removes a guest until they are used: tickets revoked and places back; a guest who entered cannot be removed', async () => {
    const list = await newList(ctx.owner, ctx.base, ids.matchId, ids.matchStandId, 'VIP', 4);
    await postOk(ctx.owner, `${list.path}/add`, { name: 'Vera Vip', email: '', places: '2', matchStandId: ids.matchStandId });
    await postOk(ctx.owner, `${list.path}/add`, { name: 'Walt Vip', email: '', places: '2', matchStandId: ids.matchStandId });
    const [vera] = await db().select().from(guest).where(eq(guest.name, 'Vera Vip'));
    const [walt] = await db().select().from(guest).where(eq(guest.name, 'Walt Vip'));
    const before = await seats();
    await postOk(ctx.owner, `${list.path}/remove/${vera!.id}`, {});
    expect(await db().select().from(guest).where(eq(guest.id, vera!.id))).toHaveLength(0);
    expect((await db().select().from(ticket).where(eq(ticket.orderId, vera!.orderId))).map((tk) => tk.status)).toEqual([
      'revoked',
      'revoked',
    ]);
    expect(await seats()).toMatchObject({ held: before.held + 2, sold: before.sold - 2 });
    // Walt's first place entered: he stays, and so do his tickets.
    const [first] = await db().select().from(ticket).where(eq(ticket.orderId, walt!.orderId));
    await db().update(ticket).set({ usedAt: new Date() }).where(eq(ticket.id, first!.id));
    const refused = await ctx.owner.post(`${list.path}/remove/${walt!.id}`, {});
    expect(refused.status).toBe(303);
    expect(await textOf(await ctx.owner.follow(refused))).toContain('Walt Vip has already entered');
    expect(await db().select().from(guest).where(eq(guest.id, walt!.id))).toHaveLength(1);
    expect((await db().select().from(ticket).where(eq(ticket.orderId, walt!.orderId))).every((tk) => tk.status === 'valid')).toBe(true);
  });

  it('is for owners and admins: a steward gets 403, another club 404, and never sees these lists', async () => {
    const list = await newList(ctx.owner, ctx.base, ids.matchId, ids.matchStandId, 'Secret list', 1);
    const person = await createUser(t, 'guest-steward@example.be', 'Sam Steward');
    await db()
      .insert(member)
      .values({
        id: randomBytes(16).toString('hex'),
        organizationId: ctx.club.id,
        userId: person.id,
        role: 'steward',
        createdAt: new Date(),
      });
    const steward = await signIn(t, 'guest-steward@example.be');
    expect((await steward.get(list.path)).status).toBe(403);
    expect((await steward.post(`${ctx.base}/matches/${ids.matchId}/guests`, { name: 'X', kind: 'vip' })).status).toBe(403);
    const other = await clubWithOwner(t, 'Other Guests FC');
    expect((await other.owner.get(`${other.base}/matches/${ids.matchId}/guests`)).status).toBe(404);
    expect((await other.owner.get(`${other.base}/matches/${ids.matchId}/guests/${list.id}`)).status).toBe(404);
    expect(
      (await other.owner.post(`${other.base}/matches/${ids.matchId}/guests/${list.id}/seats`, { [`seats_${ids.matchStandId}`]: '0' }))
        .status,
    ).toBe(404);
  });

  it('admits a guest by name at the gate, walled by club and match; a repeated tap admits nothing more', async () => {
    const list = await newList(ctx.owner, ctx.base, ids.matchId, ids.matchStandId, 'Gate list', 3);
    await postOk(ctx.owner, `${list.path}/add`, { name: 'Gaston Lagaffe', email: '', places: '3', matchStandId: ids.matchStandId });
    const token = await pairedDevice(ctx.owner, ctx.base, 'Gate phone');
    expect((await api(`/guests?matchId=${ids.matchId}&q=g`, token)).status).toBe(400); // 2 characters at least
    const found = (await (await api(`/guests?matchId=${ids.matchId}&q=lagaf`, token)).json()) as GuestSearchResponse;
    expect(found.guests).toEqual([
      expect.objectContaining({ name: 'Gaston Lagaffe', list: 'Gate list', stand: 'Main', places: 3, entered: 0 }),
    ]);
    // LIKE's wildcards are typed text, not patterns.
    expect(((await (await api(`/guests?matchId=${ids.matchId}&q=%25%25`, token)).json()) as GuestSearchResponse).guests).toEqual([]);
    const guestId = found.guests[0]!.id;
    const tap = { matchId: ids.matchId, guestId, places: 2, nonce: 'tap-00000001' };
    const first = (await (await api('/guests/admit', token, tap)).json()) as GuestAdmitResponse;
    expect(first).toEqual({ admitted: 2, refused: null, places: 3, entered: 2 });
    expect((await (await api('/guests/admit', token, tap)).json()) as GuestAdmitResponse).toEqual({
      admitted: 2,
      refused: null,
      places: 3,
      entered: 2,
    });
    const rest = (await (await api('/guests/admit', token, { ...tap, places: 5, nonce: 'tap-00000002' })).json()) as GuestAdmitResponse;
    expect(rest).toEqual({ admitted: 1, refused: null, places: 3, entered: 3 });
    const none = (await (await api('/guests/admit', token, { ...tap, places: 1, nonce: 'tap-00000003' })).json()) as GuestAdmitResponse;
    expect(none).toEqual({ admitted: 0, refused: 'already_used', places: 3, entered: 3 });
    const [g] = await db().select().from(guest).where(eq(guest.id, guestId));
    const logged = await db()
      .select()
      .from(scan)
      .where(and(eq(scan.matchId, ids.matchId), eq(scan.result, 'ok')));
    const guestTickets = (await db().select().from(ticket).where(eq(ticket.orderId, g!.orderId))).map((tk) => tk.id);
    expect(logged.filter((s) => guestTickets.includes(s.ticketId!))).toHaveLength(3);
    // Another club's device neither finds nor admits them.
    const other = await clubWithOwner(t, 'Walled Guests FC');
    const otherToken = await pairedDevice(other.owner, other.base, 'Other phone');
    expect((await api(`/guests?matchId=${ids.matchId}&q=lagaffe`, otherToken)).status).toBe(404);
    expect((await api('/guests/admit', otherToken, { ...tap, nonce: 'other-0000001' })).status).toBe(404);
  });

  it('admits one entry when a guest is scanned by QR and admitted by name at the same moment', async () => {
    const list = await newList(ctx.owner, ctx.base, ids.matchId, ids.matchStandId, 'Race list', 5);
    const token = await pairedDevice(ctx.owner, ctx.base, 'Race phone');
    for (let round = 0; round < 5; round++) {
      await postOk(ctx.owner, `${list.path}/add`, { name: `Racer ${round}`, email: '', places: '1', matchStandId: ids.matchStandId });
      const [g] = await db()
        .select()
        .from(guest)
        .where(eq(guest.name, `Racer ${round}`));
      const [tk] = await db().select().from(ticket).where(eq(ticket.orderId, g!.orderId));
      const [byName, byQr] = await Promise.all([
        api('/guests/admit', token, { matchId: ids.matchId, guestId: g!.id, places: 1, nonce: `name-race-${round}` }).then((r) => r.json()),
        api('/redeem', token, { code: tk!.code, nonce: `qr-race-${round}-x`, matchId: ids.matchId }).then((r) => r.json()),
      ]);
      const oks = [(byName as GuestAdmitResponse).admitted === 1, (byQr as { result: string }).result === 'ok'].filter(Boolean);
      expect(oks).toHaveLength(1);
      const okScans = await db()
        .select()
        .from(scan)
        .where(and(eq(scan.ticketId, tk!.id), eq(scan.result, 'ok')));
      expect(okScans).toHaveLength(1);
    }
  });

  it('carries the guests with their ticket codes in the sync answer, for admitting by name offline', async () => {
    const token = await pairedDevice(ctx.owner, ctx.base, 'Offline phone');
    const sync = (await (await api('/sync', token, { matchId: ids.matchId, cursor: null, scans: [] })).json()) as SyncResponse;
    const pia = sync.guests!.find((g) => g.name === 'Pia Press')!;
    expect(pia).toMatchObject({ list: 'Press', places: 2, stand: 'Main' });
    expect(pia.tickets).toHaveLength(2);
    // A place admitted offline is an offline scan of one of those codes: uploaded, counted once.
    const upload = {
      matchId: ids.matchId,
      cursor: sync.cursor,
      scans: [{ code: pia.tickets[0]!.code, nonce: 'offline-guest-1', scannedAt: new Date().toISOString(), result: 'ok' }],
    };
    const answer = (await (await api('/sync', token, upload)).json()) as SyncResponse;
    expect(answer.uploaded).toEqual([{ nonce: 'offline-guest-1', result: 'ok', conflict: false }]);
    expect(answer.used).toContain(pia.tickets[0]!.id);
  });

  it('counts free entries of children within the stand, only when the match says so, once per tap', async () => {
    const token = await pairedDevice(ctx.owner, ctx.base, 'Free phone');
    const tap = (nonce: string) => api('/free-entry', token, { matchId: ids.matchId, standId: ids.standId, nonce });
    const off = await tap('free-00000001');
    expect(off.status).toBe(409);
    expect(await off.json()).toMatchObject({ error: 'free_entry_off' });
    // Turned on from the match's details form.
    const page = await ctx.owner.get(`${ctx.base}/matches/${ids.matchId}`);
    expect(await page.text()).toContain('name="freeEntryUnder"');
    await db().update(match).set({ freeEntryUnder: 12 }).where(eq(match.id, ids.matchId));
    const matches = (await (await api('/matches', token)).json()) as MatchesResponse;
    expect(matches.matches.find((m) => m.id === ids.matchId)?.freeEntryUnder).toBe(12);
    const before = await seats();
    const counted = await tap('free-00000002');
    expect(counted.status).toBe(200);
    const body = (await counted.json()) as { ticketId: string; repeated: boolean };
    expect(body.repeated).toBe(false);
    expect((await (await tap('free-00000002')).json()) as { repeated: boolean }).toMatchObject({ repeated: true, ticketId: body.ticketId });
    expect(await seats()).toMatchObject({ held: before.held, sold: before.sold + 1 });
    const [tk] = await db().select().from(ticket).where(eq(ticket.id, body.ticketId));
    expect(tk!.usedAt).not.toBeNull();
    const [o] = await db().select().from(order).where(eq(order.id, tk!.orderId));
    expect(o).toMatchObject({ channel: 'free_entry', provider: 'free', totalCents: 0 });
    // In the club's orders, said for what it is rather than a blank buyer.
    const orders = await textOf(await ctx.owner.get(`${ctx.base}/orders?q=${o!.reference}`, { 'accept-language': 'en' }));
    expect(orders).toContain(`${o!.reference} `);
    expect(orders).toContain('Free entries');
    // Full: refused, nothing taken.
    const now = await seats();
    await db()
      .update(matchStand)
      .set({ cap: now.sold + now.held })
      .where(eq(matchStand.id, ids.matchStandId));
    const full = await tap('free-00000003');
    expect(full.status).toBe(409);
    expect(await full.json()).toMatchObject({ error: 'stand_full' });
    expect(await seats()).toMatchObject({ held: now.held, sold: now.sold });
    await db().update(matchStand).set({ cap: 50 }).where(eq(matchStand.id, ids.matchStandId));
  });

  it('saves "children under N enter free" from the match details form', async () => {
    const c2 = await clubWithOwner(t, 'Free Kids FC');
    const m2 = await matchOnSale(t, c2, 'Kids FC');
    const html = await (await c2.owner.get(`${c2.base}/matches/${m2.matchId}`)).text();
    const value = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? '';
    const form: Record<string, string> = {};
    for (const name of ['opponentName', 'competitionId', 'kickoffAt', 'orderLimit']) form[name] = value(name);
    form.side = 'home';
    form.venueId = m2.venueId;
    form.competitionId = /name="competitionId"[\s\S]*?<option value="([^"]+)" selected/.exec(html)![1]!;
    form.freeEntryUnder = '12';
    await postOk(c2.owner, `${c2.base}/matches/${m2.matchId}`, form);
    const [row] = await db().select({ under: match.freeEntryUnder }).from(match).where(eq(match.id, m2.matchId));
    expect(row!.under).toBe(12);
  });

  it('counts free entries made offline from the seats the device kept while online, never beyond them', async () => {
    const c5 = await clubWithOwner(t, 'Offline Kids FC');
    const m5 = await matchOnSale(t, c5, 'Kids FC'); // 50 seats
    const token = await pairedDevice(c5.owner, c5.base, 'Kids gate phone'); // may not sell
    // Without free entries, a device that may not sell keeps no seats.
    expect((await api('/box-office/quota', token, { matchId: m5.matchId })).status).toBe(403);
    await db().update(match).set({ freeEntryUnder: 12 }).where(eq(match.id, m5.matchId));
    const reserved = await api('/box-office/quota', token, { matchId: m5.matchId });
    expect(reserved.status).toBe(200);
    const kept = ((await reserved.json()) as QuotaResponse).quotas.find((q) => q.standId === m5.standId)!;
    expect(kept).toMatchObject({ matchStandId: m5.matchStandId, left: 20 });
    expect(await seats(m5.matchStandId)).toMatchObject({ held: 20, sold: 0 });

    // Counted offline a minute ago, uploaded now: one of the kept seats, once per nonce, at the device's time.
    const countedAt = new Date(Date.now() - 60_000);
    const upload = (nonce: string) =>
      api('/free-entry', token, { matchId: m5.matchId, standId: m5.standId, nonce, countedAt: countedAt.toISOString() });
    const first = await upload('kids-offline-0001');
    expect(first.status).toBe(200);
    const counted = (await first.json()) as { ticketId: string; repeated: boolean };
    expect(counted.repeated).toBe(false);
    expect(await (await upload('kids-offline-0001')).json()).toMatchObject({ repeated: true, ticketId: counted.ticketId });
    expect(await seats(m5.matchStandId)).toMatchObject({ held: 19, sold: 1 });
    const [logged] = await db().select().from(scan).where(eq(scan.ticketId, counted.ticketId));
    expect(logged).toMatchObject({ offline: true, deviceResult: 'ok', result: 'ok' });
    expect(logged!.scannedAt.getTime()).toBe(countedAt.getTime());

    // Beyond the kept seats (a device that miscounted): refused, nothing taken from the stand.
    await db().update(boxOfficeQuota).set({ used: 20 }).where(eq(boxOfficeQuota.matchStandId, m5.matchStandId));
    const beyond = await upload('kids-offline-0002');
    expect(beyond.status).toBe(409);
    expect(await beyond.json()).toMatchObject({ error: 'quota_exceeded' });
    expect(await seats(m5.matchStandId)).toMatchObject({ held: 19, sold: 1 });
  });

  it('gives every seat back when a list shrinks to nothing, so the stand can be closed again', async () => {
    const c4 = await clubWithOwner(t, 'Closing Guests FC');
    const m4 = await matchOnSale(t, c4, 'Closers FC');
    const list = await newList(c4.owner, c4.base, m4.matchId, m4.matchStandId, 'Short list', 2);
    const held = await c4.owner.post(`${c4.base}/matches/${m4.matchId}/stands`, { [`cap_${m4.standId}`]: '50' });
    expect(held.status).toBe(400); // seats held by the list keep the stand open
    await postOk(c4.owner, `${list.path}/seats`, { [`seats_${m4.matchStandId}`]: '0' });
    expect(await seats(m4.matchStandId)).toMatchObject({ held: 0, sold: 0 });
    await postOk(c4.owner, `${c4.base}/matches/${m4.matchId}/status`, { status: 'scheduled' });
    await postOk(c4.owner, `${c4.base}/matches/${m4.matchId}/stands`, { [`cap_${m4.standId}`]: '50' });
    expect(await db().select().from(matchStand).where(eq(matchStand.matchId, m4.matchId))).toHaveLength(0);
  });

  it('never oversells when online buyers and a guest list take seats of one stand at the same moment', async () => {
    const c3 = await clubWithOwner(t, 'Rush Guests FC');
    const m3 = await matchOnSale(t, c3, 'Rush FC'); // 50 seats
    const owner = { kind: 'system' as const };
    const buyers = Array.from({ length: 45 }, (_, i) =>
      db().transaction((tx) =>
        placeOrder(tx, opCtx(), {
          actor: { kind: 'guest', name: `Buyer ${i}`, email: `rush-${i}@example.be`, locale: 'en' },
          matchId: m3.matchId,
          lines: [{ matchStandId: m3.matchStandId, category: 'adult', quantity: 1 }],
        }),
      ),
    );
    const lists = Array.from({ length: 6 }, (_, i) =>
      db().transaction((tx) =>
        createGuestList(
          tx,
          {},
          { actor: owner, clubId: c3.club.id, matchId: m3.matchId, name: `List ${i}`, kind: 'vip', allowances: { [m3.matchStandId]: 4 } },
        ),
      ),
    );
    const results = await Promise.allSettled([...buyers, ...lists]);
    const bought = results.slice(0, 45).filter((r) => r.status === 'fulfilled').length;
    const listed = results.slice(45).filter((r) => r.status === 'fulfilled');
    for (const r of results.filter((x) => x.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'not_enough_seats' });
    const after = await seats(m3.matchStandId);
    expect(after.held + after.sold).toBe(bought + listed.length * 4);
    expect(after.held + after.sold).toBeLessThanOrEqual(50);
    expect(after.held + after.sold).toBeGreaterThan(46); // contention, not refusals for nothing
    // Then the lists grow and take guests while more buyers come: still never above the cap.
    const listIds = listed.map((r) => (r as PromiseFulfilledResult<string>).value);
    const more = await Promise.allSettled([
      ...Array.from({ length: 10 }, (_, i) =>
        db().transaction((tx) =>
          placeOrder(tx, opCtx(), {
            actor: { kind: 'guest', name: `Late ${i}`, email: `late-${i}@example.be`, locale: 'en' },
            matchId: m3.matchId,
            lines: [{ matchStandId: m3.matchStandId, category: 'adult', quantity: 1 }],
          }),
        ),
      ),
      ...listIds.map((id) =>
        db().transaction((tx) =>
          setGuestListAllowances(tx, {}, { actor: owner, clubId: c3.club.id, guestListId: id, allowances: { [m3.matchStandId]: 6 } }),
        ),
      ),
      ...listIds.map((id, i) =>
        db().transaction((tx) =>
          addGuests(tx, opCtx(), {
            actor: owner,
            clubId: c3.club.id,
            guestListId: id,
            matchStandId: m3.matchStandId,
            guests: [{ name: `G${i}`, places: 3 }],
            locale: 'en',
          }),
        ),
      ),
    ]);
    for (const r of more.filter((x) => x.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
    const end = await seats(m3.matchStandId);
    expect(end.held + end.sold).toBeLessThanOrEqual(50);
    const allowances = await db().select().from(guestListStand).where(eq(guestListStand.clubId, c3.club.id));
    const pending = await db()
      .select()
      .from(order)
      .where(and(eq(order.matchId, m3.matchId), eq(order.channel, 'online')));
    // What the stand row says is exactly what the orders and lists account for.
    expect(end.held + end.sold).toBe(pending.length + allowances.reduce((sum, a) => sum + a.allowance, 0));
    expect(await db().select().from(guestList).where(eq(guestList.clubId, c3.club.id))).toHaveLength(listIds.length);
  });
});
