import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { checkCharacter, formatShortCode, parseShortCode, verify } from '@footarena/ticket-code';
import { eq } from 'drizzle-orm';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clubSigningKey, match, order, orderItem, ticket } from '../src/db/schema/index.ts';
import { open } from '../src/domain/secret-box.ts';
import { insertTickets } from '../src/domain/tickets/insert-tickets.ts';
import { clubWithOwner, matchOnSale, postOk, refundableTickets } from './support/catalog.ts';
import { createUser, databaseKinds, signIn, startTestApp, type TestApp, textOf } from './support/harness.ts';

// jsqr is CommonJS: its default export arrives wrapped or not depending on the loader.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

describe.each(databaseKinds())('tickets on %s', (kind) => {
  let t: TestApp;
  let matchId = '';
  let mainId = '';
  let clubId = '';
  let owner: Awaited<ReturnType<typeof clubWithOwner>>;

  beforeAll(async () => {
    t = await startTestApp(kind);
    owner = await clubWithOwner(t, 'Ticket Town');
    clubId = owner.club.id;
    ({ matchId, matchStandId: mainId } = await matchOnSale(t, owner));
    await createUser(t, 'holder@example.be', 'Holder');
    await createUser(t, 'other@example.be', 'Other');
  });
  afterAll(() => t?.close());
  const db = () => t.runtime.deps.db;

  async function publicKeys() {
    const keys = await db().select().from(clubSigningKey).where(eq(clubSigningKey.clubId, clubId));
    return Object.fromEntries(keys.map((k) => [k.keyId, k.publicKey]));
  }

  it('issues one signed ticket per seat when the order is paid, verifiable offline with the club key', async () => {
    const fan = await signIn(t, 'holder@example.be');
    const checkout = await fan.post(`/matches/${matchId}/checkout`, { [`q_${mainId}_adult`]: '2', [`q_${mainId}_child`]: '1' });
    const sessionPath = new URL(checkout.headers.get('location')!).pathname;
    const [pending] = await db()
      .select()
      .from(order)
      .where(eq(order.providerSessionId, sessionPath.split('/').at(-1)!));
    expect(await db().select().from(ticket).where(eq(ticket.orderId, pending!.id))).toEqual([]); // not before payment
    await fan.post(`${sessionPath}/pay`, {});

    const tickets = await db().select().from(ticket).where(eq(ticket.orderId, pending!.id));
    expect(tickets).toHaveLength(3);
    expect(new Set(tickets.map((tk) => tk.code)).size).toBe(3);
    const keys = await publicKeys();
    for (const tk of tickets) {
      expect(verify(tk.code, keys)).toEqual({ ok: true, keyId: tk.keyId, ticketId: tk.id, matchId });
      expect(tk.code).not.toContain(tk.id); // never a bare database id
    }
    // The private key is sealed at rest, and only the configured key opens it.
    const [key] = await db().select().from(clubSigningKey).where(eq(clubSigningKey.clubId, clubId));
    expect(() => open(key!.privateKeySealed, Buffer.alloc(32, 1))).toThrow();
    expect(open(key!.privateKeySealed, t.runtime.deps.config.sales.ticketSealingKey)).toMatch(/^[\w-]{43}$/);
  });

  it('e-mails the tickets: each QR inline decoding to a code that verifies, one PDF page per ticket, a calendar file', async () => {
    const mail = await t.smtp.waitFor('holder@example.be', /Your tickets: Ticket Town – Scanners FC/);
    const pngs = mail.attachments.filter((a) => a.contentType === 'image/png');
    expect(pngs).toHaveLength(3);
    expect(pngs.every((a) => Boolean(a.contentId) && a.related === true)).toBe(true); // inline in the HTML, not loose files
    const keys = await publicKeys();
    const decoded = pngs.map((a) => {
      const image = PNG.sync.read(a.content);
      return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
    });
    const stored = (await db().select().from(ticket).where(eq(ticket.matchId, matchId))).map((tk) => tk.code);
    for (const code of decoded) {
      expect(code && stored.includes(code)).toBe(true);
      expect(verify(code!, keys).ok).toBe(true);
    }
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.content.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(3);
    const ics = mail.attachments.find((a) => a.filename === 'match.ics')!.content.toString();
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('SUMMARY:Ticket Town – Scanners FC');
  });

  it('shows the tickets in "My tickets", each QR on its own page, to nobody else', async () => {
    const fan = await signIn(t, 'holder@example.be');
    const list = await fan.get('/account/tickets', { 'accept-language': 'en' });
    const html = await list.text();
    const ids = [...html.matchAll(/href="\/account\/tickets\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(await textOf(new Response(html))).toContain('Ticket Town – Scanners FC');
    const page = await fan.get(`/account/tickets/${ids[0]}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<svg[^>]*viewBox/);
    const other = await signIn(t, 'other@example.be');
    expect((await other.get(`/account/tickets/${ids[0]}`)).status).toBe(404);
    expect((await other.get('/account/tickets/not-a-uuid')).status).toBe(404);
    expect(await (await other.get('/account/tickets')).text()).not.toContain(ids[0]!);
  });

  it('gives every ticket a random short code of its own, printed under each QR: mail, PDF, My tickets', async () => {
    const tickets = await db().select().from(ticket).where(eq(ticket.matchId, matchId));
    for (const tk of tickets) {
      expect(parseShortCode(tk.shortCode)).toEqual({ kind: 'short', code: tk.shortCode });
      expect(tk.id.toUpperCase()).not.toContain(tk.shortCode.slice(0, 4)); // drawn, not derived from the id
    }
    expect(new Set(tickets.map((tk) => tk.shortCode)).size).toBe(tickets.length);
    const shown = tickets.map((tk) => formatShortCode(tk.shortCode));
    const mail = await t.smtp.waitFor('holder@example.be', /Your tickets: Ticket Town – Scanners FC/);
    for (const code of shown) {
      expect(mail.text).toContain(`Code to type: ${code}`);
      expect(mail.html).toContain(code);
    }
    const fan = await signIn(t, 'holder@example.be');
    const list = await (await fan.get('/account/tickets')).text();
    for (const code of shown) expect(list).toContain(`Code to type: ${code}`);
    const page = await (await fan.get(`/account/tickets/${tickets[0]!.id}`)).text();
    expect(page).toMatch(new RegExp(`<svg[^]*${shown[0]}`)); // under the QR
    const [own] = await db().select().from(order).where(eq(order.id, tickets[0]!.orderId));
    const pdf = Buffer.from(await (await fan.get(`/account/tickets/orders/${own!.reference}/tickets.pdf`)).arrayBuffer());
    // The PDF's pages are deflated streams; each ticket's code is written as its text (hex) under the QR.
    const raw = pdf.toString('latin1');
    const pages = [...raw.matchAll(/stream\r?\n/g)]
      .map((m) => {
        const start = m.index + m[0].length;
        try {
          return inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString('latin1');
        } catch {
          return '';
        }
      })
      .join('');
    const ownCodes = tickets.filter((tk) => tk.orderId === own!.id).map((tk) => formatShortCode(tk.shortCode));
    for (const code of ownCodes) expect(pages).toContain(Buffer.from(code).toString('hex'));
  });

  it('draws a short code again when the match already has it, without failing the order', async () => {
    const [taken] = await db().select().from(ticket).where(eq(ticket.matchId, matchId));
    const fresh = 'ABCDEFGH';
    const spare = `${fresh}${checkCharacter(fresh)}`;
    const draws = [taken!.shortCode, spare];
    const id = randomUUID();
    const [inserted] = await db().transaction((tx) =>
      insertTickets(tx, [{ ...taken!, id, seatId: id, status: 'revoked', code: `${taken!.code}-copy` }], () => draws.shift()!),
    );
    expect(inserted!.shortCode).toBe(spare);
    expect(draws).toEqual([]);
    await db().delete(ticket).where(eq(ticket.id, id));
  });

  it('installs "My tickets" as an app of its own: a manifest and a worker kept to its scope, checked at every visit', async () => {
    const asked = await t.app.request('http://localhost/account/tickets/manifest.webmanifest', { headers: { 'accept-language': 'fr-BE' } });
    const manifest = (await asked.json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'FootArena · Mes tickets', start_url: '/account/tickets', scope: '/account/tickets' });
    const worker = await t.app.request('http://localhost/account/tickets/sw.js');
    expect(worker.headers.get('service-worker-allowed')).toBe('/account/tickets');
    expect(worker.headers.get('cache-control')).toBe('no-store');
    expect(worker.headers.get('content-type')).toContain('javascript');
  });

  it('revokes the ticket of a refunded seat at once, and issues free tickets without payment', async () => {
    const fan = await signIn(t, 'holder@example.be');
    const free = await fan.post(`/matches/${matchId}/checkout`, { [`q_${mainId}_child`]: '2' });
    const reference = free.headers.get('location')!.split('/').at(-1)!;
    const [freeOrder] = await db().select().from(order).where(eq(order.reference, reference));
    expect((await db().select().from(ticket).where(eq(ticket.orderId, freeOrder!.id))).map((tk) => tk.status)).toEqual(['valid', 'valid']);

    const [paid] = (await db().select().from(order).where(eq(order.matchId, matchId))).filter(
      (o) => o.status === 'paid' && o.totalCents > 0,
    );
    const [adultLine] = (await db().select().from(orderItem).where(eq(orderItem.orderId, paid!.id))).filter((i) => i.category === 'adult');
    const [adultTicket] = await db().select().from(ticket).where(eq(ticket.orderItemId, adultLine!.id));
    expect(await refundableTickets(owner.owner, owner.base, paid!.id)).toContain(adultTicket!.id);
    await postOk(owner.owner, `${owner.base}/orders/${paid!.id}/refund`, { 'ticket[]': adultTicket!.id, confirm: 'yes' });
    const adultTickets = await db().select().from(ticket).where(eq(ticket.orderItemId, adultLine!.id));
    expect(adultTickets.map((tk) => tk.status).sort()).toEqual(['revoked', 'valid']);
    expect(await textOf(await fan.get('/account/tickets', { 'accept-language': 'en' }))).toContain('Refunded: no longer valid');
  });

  it('keeps an order paid and its tickets visible while SMTP is down, then delivers their e-mail once', async () => {
    t.smtp.outage();
    const fan = await signIn(t, 'other@example.be');
    const checkout = await fan.post(`/matches/${matchId}/checkout`, { [`q_${mainId}_adult`]: '1' });
    const paid = await fan.post(`${new URL(checkout.headers.get('location')!).pathname}/pay`, {});
    expect(paid.status).toBe(303);
    expect(await (await fan.get('/account/tickets')).text()).toMatch(/href="\/account\/tickets\/[0-9a-f-]{36}"/);
    await new Promise((r) => setTimeout(r, 1500));
    t.smtp.recover();
    await t.smtp.waitFor('other@example.be', /Your tickets/, { timeout: 20_000 });
    await new Promise((r) => setTimeout(r, 2000));
    expect(t.smtp.to('other@example.be').filter((m) => /Your tickets/.test(m.subject ?? ''))).toHaveLength(1);
  });

  it('gives the holder the PDF and the calendar file, resends the e-mail, and re-issues a leaked code', async () => {
    const fan = await signIn(t, 'holder@example.be');
    const other = await signIn(t, 'other@example.be');
    const [tk] = (await db().select().from(ticket).where(eq(ticket.matchId, matchId))).filter((x) => x.status === 'valid');
    const [own] = await db().select().from(order).where(eq(order.id, tk!.orderId));
    const holder = own!.email === 'holder@example.be' ? fan : other;
    const stranger = holder === fan ? other : fan;

    const pdf = await holder.get(`/account/tickets/orders/${own!.reference}/tickets.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await stranger.get(`/account/tickets/orders/${own!.reference}/tickets.pdf`)).status).toBe(404);
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="tickets-${own!.reference}.pdf"`);
    const ics = await (await holder.get(`/account/tickets/${tk!.id}/match.ics`)).text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    // One entry, its match's kick-off in UTC to the minute.
    const [played] = await db().select({ kickoffAt: match.kickoffAt }).from(match).where(eq(match.id, matchId));
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain(`DTSTART:${played!.kickoffAt.toISOString().slice(0, 16).replace(/[-:]/g, '')}00Z`);
    expect((await stranger.get(`/account/tickets/${tk!.id}/match.ics`)).status).toBe(404);

    const mailsBefore = t.smtp.to(own!.email).filter((m) => /Your tickets/.test(m.subject ?? '')).length;
    expect((await holder.post(`/account/tickets/orders/${own!.reference}/resend`, {})).status).toBe(303);
    await t.smtp.waitFor(own!.email, /Your tickets/, { skip: mailsBefore });
    expect((await stranger.post(`/account/tickets/orders/${own!.reference}/resend`, {})).status).toBe(404);

    expect((await stranger.post(`/account/tickets/${tk!.id}/reissue`, {})).status).toBe(404);
    const reissued = await holder.post(`/account/tickets/${tk!.id}/reissue`, {});
    const newId = reissued.headers.get('location')!.split('/').at(-1)!;
    expect(newId).not.toBe(tk!.id);
    const [oldRow] = await db().select().from(ticket).where(eq(ticket.id, tk!.id));
    const [newRow] = await db().select().from(ticket).where(eq(ticket.id, newId));
    expect(oldRow?.status).toBe('revoked');
    expect(newRow).toMatchObject({ status: 'valid', orderItemId: tk!.orderItemId });
    expect(verify(newRow!.code, await publicKeys())).toMatchObject({ ok: true, ticketId: newId });
    expect(parseShortCode(newRow!.shortCode).kind).toBe('short'); // a new code to type as well
    expect(newRow!.shortCode).not.toBe(oldRow!.shortCode);
    expect((await holder.post(`/account/tickets/${tk!.id}/reissue`, {})).status).toBe(404); // the old one is gone

    // The club can resend an order's tickets too.
    const clubResend = await owner.owner.post(`${owner.base}/orders/${own!.id}/resend`, {});
    expect(clubResend.status).toBe(303);
  });

  it('gives a club its signing key when it registers, and rotates it without invalidating tickets sold', async () => {
    expect(await db().select().from(clubSigningKey).where(eq(clubSigningKey.clubId, clubId))).toHaveLength(1);
    const fresh = await clubWithOwner(t, 'Fresh Keys FC');
    expect(await db().select().from(clubSigningKey).where(eq(clubSigningKey.clubId, fresh.club.id))).toHaveLength(1); // before any sale

    const before = (await db().select().from(ticket).where(eq(ticket.matchId, matchId))).filter((tk) => tk.status === 'valid');
    const [oldKey] = await db().select().from(clubSigningKey).where(eq(clubSigningKey.clubId, clubId));
    expect((await owner.owner.post(`${owner.base}/settings/rotate-key`, {})).status).toBe(303);
    const keys = await db().select().from(clubSigningKey).where(eq(clubSigningKey.clubId, clubId));
    expect(keys).toHaveLength(2);
    expect(keys.find((k) => k.keyId === oldKey!.keyId)?.retiredAt).not.toBeNull();
    const all = await publicKeys();
    for (const tk of before) expect(verify(tk.code, all).ok).toBe(true); // sold tickets stay valid

    const fan = await signIn(t, 'holder@example.be');
    const free = await fan.post(`/matches/${matchId}/checkout`, { [`q_${mainId}_child`]: '1' });
    const [newOrder] = await db()
      .select()
      .from(order)
      .where(eq(order.reference, free.headers.get('location')!.split('/').at(-1)!));
    const [newTicket] = await db().select().from(ticket).where(eq(ticket.orderId, newOrder!.id));
    expect(newTicket!.keyId).not.toBe(oldKey!.keyId);
    expect(verify(newTicket!.code, { [oldKey!.keyId]: oldKey!.publicKey }).ok).toBe(false); // signed by the new key only
  });
});
