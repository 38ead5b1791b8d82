import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { device, match, matchStand, matchStandPrice, stand, standPrice, venue } from '../src/db/schema/index.ts';
import { ticketQrSvg } from '../src/views/components/ticket-qr.tsx';
import { brusselsIn, clubWithOwner, competitionId, postOk } from './support/catalog.ts';
import { createUser, databaseKinds, linkIn, signIn, startTestApp, type TestApp, textOf } from './support/harness.ts';

describe.each(databaseKinds())('club back office on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t?.close());
  const db = () => t.runtime.deps.db;
  const en = { headers: { 'accept-language': 'en' } };

  /** A club with one venue and two stands (400 and 200 seats), ready for matches. */
  async function clubWithStands(name: string) {
    const ctx = await clubWithOwner(t, name);
    await postOk(ctx.owner, `${ctx.base}/venues`, {
      name: `${name} Park`,
      street: 'Rue du Stade 1',
      postalCode: '1070',
      commune: 'Anderlecht',
    });
    const [place] = await db().select().from(venue).where(eq(venue.clubId, ctx.club.id));
    await postOk(ctx.owner, `${ctx.base}/venues/${place!.id}/stands`, {
      name: 'Main',
      capacity: '400',
      price_adult: '12,50',
      price_youth: '6',
      price_child: '0',
    });
    await postOk(ctx.owner, `${ctx.base}/venues/${place!.id}/stands`, { name: 'North', capacity: '200', price_adult: '8' });
    const stands = await db().select().from(stand).where(eq(stand.clubId, ctx.club.id)).orderBy(stand.name);
    return { ...ctx, venueId: place!.id, main: stands.find((s) => s.name === 'Main')!, north: stands.find((s) => s.name === 'North')! };
  }

  async function newMatch(ctx: Awaited<ReturnType<typeof clubWithStands>>, fields: Record<string, string> = {}) {
    const location = await postOk(ctx.owner, `${ctx.base}/matches/new`, {
      side: 'home',
      opponentName: 'Visitors FC',
      competitionId: await competitionId(t),
      venueId: ctx.venueId,
      kickoffAt: brusselsIn(10),
      orderLimit: '10',
      ...fields,
    });
    return location.split('/matches/')[1]!.split('#')[0]!;
  }

  it('creates venues and stands with prices per category, explaining every bad field', async () => {
    const ctx = await clubWithStands('Prices United');
    const prices = await db().select().from(standPrice).where(eq(standPrice.standId, ctx.main.id));
    expect(Object.fromEntries(prices.map((p) => [p.category, p.priceCents]))).toEqual({ adult: 1250, youth: 600, child: 0 });

    const badVenue = await ctx.owner.post(`${ctx.base}/venues`, { name: '', street: 'x', postalCode: '12', commune: 'y' }, en);
    expect(badVenue.status).toBe(400);
    expect(await textOf(badVenue)).toContain('A Belgian postal code has 4 digits.');
    const badStand = await ctx.owner.post(
      `${ctx.base}/venues/${ctx.venueId}/stands`,
      { name: 'East', capacity: '0', price_adult: 'twelve', price_youth: '-3' },
      en,
    );
    expect(badStand.status).toBe(400);
    const text = await textOf(badStand);
    expect(text).toContain('Enter a number between 1 and 100000.');
    expect(text).toContain('Enter a price in euros, like 12 or 12,50.');
    const absurd = await ctx.owner.post(
      `${ctx.base}/venues/${ctx.venueId}/stands`,
      { name: 'Gold', capacity: '10', price_adult: '650' },
      en,
    );
    expect(absurd.status).toBe(400);
    expect(await textOf(absurd)).toContain('Enter a price between 0 and 500 €.');
    expect((await db().select().from(stand).where(eq(stand.clubId, ctx.club.id))).length).toBe(2);
  });

  it('refuses every rule a match breaks, with the reason next to the field', async () => {
    const ctx = await clubWithStands('Rules FC');
    const other = await clubWithOwner(t, 'Elsewhere FC');
    const comp = await competitionId(t);
    const base = {
      side: 'home',
      opponentName: 'Visitors FC',
      competitionId: comp,
      venueId: ctx.venueId,
      kickoffAt: brusselsIn(10),
      orderLimit: '10',
    };
    const cases: [Record<string, string>, string][] = [
      [{ kickoffAt: brusselsIn(-1) }, 'The kick-off must be in the future.'],
      [{ gatesOpenAt: brusselsIn(10, '16:00') }, 'The gates must open before the kick-off.'],
      [{ saleClosesAt: brusselsIn(10, '15:30') }, 'The sale must close at the kick-off at the latest.'],
      [{ saleOpensAt: brusselsIn(9), saleClosesAt: brusselsIn(8) }, 'The sale must open before it closes.'],
      [{ opponentName: 'rules fc' }, 'A club cannot play against itself.'],
      [{ venueId: '' }, 'Choose the venue of this home match.'],
      [{ orderLimit: '0' }, 'Enter a number between 1 and 50.'],
      [{ orderLimit: '51' }, 'Enter a number between 1 and 50.'],
      [{ kickoffAt: '2026-02-30T15:00' }, 'Enter a date and a time.'],
    ];
    for (const [change, message] of cases) {
      const response = await ctx.owner.post(`${ctx.base}/matches/new`, { ...base, ...change }, en);
      expect({ change, status: response.status }).toEqual({ change, status: 400 });
      expect(await textOf(response)).toContain(message);
    }
    // Another club's venue is not a venue of this club.
    const [foreign] = await db()
      .insert(venue)
      .values({ clubId: other.club.id, name: 'Theirs', street: 'x', postalCode: '1000', commune: 'y' })
      .returning();
    expect((await ctx.owner.post(`${ctx.base}/matches/new`, { ...base, venueId: foreign!.id }, en)).status).toBe(400);
    expect(await db().select().from(match).where(eq(match.clubId, ctx.club.id))).toEqual([]);

    // A platform club as opponent is linked; an away match needs no venue.
    const id = await newMatch(ctx, { opponentName: 'elsewhere fc', side: 'away', venueId: '' });
    const [created] = await db().select().from(match).where(eq(match.id, id));
    expect(created).toMatchObject({ opponentClubId: other.club.id, isHome: false, venueId: null, status: 'scheduled', orderLimit: 10 });
    expect(created!.saleClosesAt?.getTime()).toBe(created!.kickoffAt.getTime());
  });

  it('opens chosen stands with a cap and its own prices, and never lets the cap cross capacity or sales', async () => {
    const ctx = await clubWithStands('Caps Athletic');
    const id = await newMatch(ctx);
    const form = {
      [`open_${ctx.main.id}`]: 'on',
      [`cap_${ctx.main.id}`]: '150',
      [`price_${ctx.main.id}_adult`]: '10',
      [`price_${ctx.main.id}_youth`]: '5',
      [`price_${ctx.main.id}_child`]: '0',
      [`open_${ctx.north.id}`]: 'on',
      [`cap_${ctx.north.id}`]: '',
      [`price_${ctx.north.id}_adult`]: '8',
    };
    await postOk(ctx.owner, `${ctx.base}/matches/${id}/stands`, form);
    const opened = await db().select().from(matchStand).where(eq(matchStand.matchId, id));
    expect(opened.map((o) => [o.standId === ctx.main.id ? 'main' : 'north', o.cap]).sort()).toEqual([
      ['main', 150],
      ['north', 200],
    ]);
    const mainOpen = opened.find((o) => o.standId === ctx.main.id)!;
    const prices = await db().select().from(matchStandPrice).where(eq(matchStandPrice.matchStandId, mainOpen.id));
    expect(Object.fromEntries(prices.map((p) => [p.category, p.priceCents]))).toEqual({ adult: 1000, youth: 500, child: 0 });
    // The stand's own price did not change.
    const [base] = await db()
      .select()
      .from(standPrice)
      .where(and(eq(standPrice.standId, ctx.main.id), eq(standPrice.category, 'adult')));
    expect(base?.priceCents).toBe(1250);

    const above = await ctx.owner.post(`${ctx.base}/matches/${id}/stands`, { ...form, [`cap_${ctx.main.id}`]: '401' }, en);
    expect(above.status).toBe(400);
    expect(await textOf(above)).toContain('Main holds 400 people: the number of seats for sale cannot be higher.');

    await db().update(matchStand).set({ sold: 120 }).where(eq(matchStand.id, mainOpen.id));
    const below = await ctx.owner.post(`${ctx.base}/matches/${id}/stands`, { ...form, [`cap_${ctx.main.id}`]: '100' }, en);
    expect(below.status).toBe(400);
    expect(await textOf(below)).toContain('120 seats of Main are already sold or being bought');
    const close = await ctx.owner.post(`${ctx.base}/matches/${id}/stands`, { ...form, [`open_${ctx.main.id}`]: '' }, en);
    expect(close.status).toBe(400);
    expect(await textOf(close)).toContain('Seats of Main are already sold: it stays open.');
    expect((await db().select().from(matchStand).where(eq(matchStand.id, mainOpen.id)))[0]?.cap).toBe(150);

    // The stand cannot shrink below the cap of an upcoming match, nor be deleted once it sold.
    const shrink = await ctx.owner.post(`${ctx.base}/stands/${ctx.main.id}`, { name: 'Main', capacity: '100', price_adult: '12,50' }, en);
    expect(shrink.status).toBe(400);
    expect(await textOf(shrink)).toContain('An upcoming match sells 150 seats of this stand');
    const deletion = await ctx.owner.post(`${ctx.base}/stands/${ctx.main.id}/delete`, {}, en);
    expect(await textOf(await ctx.owner.follow(deletion))).toContain('already sold');
    expect((await db().select().from(stand).where(eq(stand.id, ctx.main.id))).length).toBe(1);
    await postOk(ctx.owner, `${ctx.base}/stands/${ctx.main.id}/archive`, { archived: 'true' });
    expect((await db().select().from(stand).where(eq(stand.id, ctx.main.id)))[0]?.archivedAt).not.toBeNull();
  });

  it('puts a match on sale once it has a stand, and tells the followers of the club once, in their language', async () => {
    const ctx = await clubWithStands('Followed FC');
    await createUser(t, 'fan-fr@example.be', 'Fan');
    const fan = await signIn(t, 'fan-fr@example.be');
    await fan.post('/lang', { lang: 'nl', next: '/' });
    expect((await fan.post(`/c/${ctx.slug}/follow`, {})).status).toBe(303);
    const id = await newMatch(ctx);

    const early = await ctx.owner.post(`${ctx.base}/matches/${id}/status`, { status: 'on_sale' }, en);
    expect(await textOf(await ctx.owner.follow(early))).toContain('Open at least one stand before putting the match on sale.');
    expect((await db().select().from(match).where(eq(match.id, id)))[0]?.status).toBe('scheduled');

    await postOk(ctx.owner, `${ctx.base}/matches/${id}/stands`, { [`open_${ctx.north.id}`]: 'on', [`price_${ctx.north.id}_adult`]: '8' });
    await postOk(ctx.owner, `${ctx.base}/matches/${id}/status`, { status: 'on_sale' });
    const mail = await t.smtp.waitFor('fan-fr@example.be', /Followed FC – Visitors FC: tickets te koop/);
    expect(mail.text).toContain(`http://localhost/matches/${id}`);
    const listUnsubscribe = mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line.replace(/\r\n\s+/g, ' ');
    expect(listUnsubscribe).toMatch(/^List-Unsubscribe: <http:\/\/localhost\/unsubscribe\/[\w-]+>$/);

    // Pausing and reopening the sale does not mail the followers again.
    await postOk(ctx.owner, `${ctx.base}/matches/${id}/status`, { status: 'scheduled' });
    await postOk(ctx.owner, `${ctx.base}/matches/${id}/status`, { status: 'on_sale' });
    await new Promise((r) => setTimeout(r, 2000));
    expect(t.smtp.to('fan-fr@example.be').filter((m) => /te koop/.test(m.subject ?? ''))).toHaveLength(1);

    // The unsubscribe link: a page, then one button, no sign-in needed.
    const unsubscribe = linkIn(mail, 'http://localhost/unsubscribe/');
    const anonymous = t.client();
    expect((await anonymous.get(unsubscribe)).status).toBe(200);
    const done = await anonymous.post(new URL(unsubscribe).pathname, {}, en);
    expect(await textOf(await anonymous.follow(done))).toContain('You no longer follow Followed FC.');
    expect(await textOf(await fan.get(`/c/${ctx.slug}`))).toContain('Deze club volgen');
  });

  it('postpones a match with or without a new date, moving the sale and the gates along', async () => {
    const ctx = await clubWithStands('Postponed FC');
    const id = await newMatch(ctx, { gatesOpenAt: brusselsIn(10, '14:00') });
    const [before] = await db().select().from(match).where(eq(match.id, id));
    await postOk(ctx.owner, `${ctx.base}/matches/${id}/postpone`, { kickoffAt: brusselsIn(17), confirm: 'yes' });
    const [after] = await db().select().from(match).where(eq(match.id, id));
    const week = 7 * 86_400_000;
    expect(after!.kickoffAt.getTime() - before!.kickoffAt.getTime()).toBe(week);
    expect(after!.gatesOpenAt!.getTime() - before!.gatesOpenAt!.getTime()).toBe(week);
    expect(after!.saleClosesAt!.getTime()).toBe(after!.kickoffAt.getTime());

    await postOk(ctx.owner, `${ctx.base}/matches/${id}/postpone`, { kickoffAt: '', confirm: 'yes' });
    expect((await db().select().from(match).where(eq(match.id, id)))[0]?.status).toBe('postponed');
    const past = await ctx.owner.post(`${ctx.base}/matches/${id}/postpone`, { kickoffAt: brusselsIn(-2) }, en);
    expect(await textOf(past)).toContain('The kick-off must be in the future.');
  });

  it('keeps the kick-off of a match with sales', async () => {
    const ctx = await clubWithStands('Sold FC');
    const id = await newMatch(ctx);
    await postOk(ctx.owner, `${ctx.base}/matches/${id}/stands`, { [`open_${ctx.north.id}`]: 'on', [`price_${ctx.north.id}_adult`]: '8' });
    await db().update(matchStand).set({ sold: 3 }).where(eq(matchStand.matchId, id));
    const [m] = await db().select().from(match).where(eq(match.id, id));
    const edit = await ctx.owner.post(
      `${ctx.base}/matches/${id}`,
      {
        side: 'home',
        opponentName: 'Visitors FC',
        competitionId: m!.competitionId,
        venueId: ctx.venueId,
        kickoffAt: brusselsIn(12),
        orderLimit: '6',
      },
      en,
    );
    expect(edit.status).toBe(400);
    expect(await textOf(edit)).toContain('This can no longer be changed for this match.');
    expect((await db().select().from(match).where(eq(match.id, id)))[0]?.kickoffAt.getTime()).toBe(m!.kickoffAt.getTime());
  });

  it('restricts a new device to the checked matches and stands, shows them, and refuses another club’s', async () => {
    const ctx = await clubWithStands('Scoped Gates');
    const id = await newMatch(ctx);
    const other = await clubWithStands('Foreign Gates');
    const devicesOf = () => db().select().from(device).where(eq(device.clubId, ctx.club.id));
    /** The "Admits" cell of a device's row, as a person reads it. */
    const admits = (html: string, name: string) =>
      new RegExp(`<tr><td>${name}</td>.*?<td class="admits"[^>]*>(.*?)</td>`, 's').exec(html)?.[1]?.replace(/<br\/?>/g, ' | ') ?? '';

    const form = await (await ctx.owner.get(`${ctx.base}/devices`, en.headers)).text();
    expect(form).toContain(`<input type="checkbox" name="matchIds[]" value="${id}"/>`);
    expect(form).toContain(`<input type="checkbox" name="standIds[]" value="${ctx.north.id}"/>`);
    expect(form).toMatch(/<legend>Matches it may admit<\/legend>/);
    expect(form).toContain('None checked: every stand.');
    expect(form).not.toContain(other.main.id);

    const created = await ctx.owner.post(
      `${ctx.base}/devices`,
      { name: 'North gate', kind: 'gate', 'matchIds[]': id, 'standIds[]': ctx.north.id },
      en,
    );
    expect(created.status).toBe(200);
    const page = await created.text();
    const code = /<p class="pairing-code">([2-9A-HJKMNP-Z]{8})<\/p>/.exec(page)?.[1];
    expect(code).toBeDefined();
    // The same code as a QR code a phone's camera opens the scanner with.
    const qr = String(await ticketQrSvg(`${t.runtime.deps.config.baseURL}/scan#pair=${code}`));
    expect(page).toContain(`<div class="pairing-qr" role="img" aria-label="Pairing QR code for North gate">${qr}</div>`);
    expect((await devicesOf()).map((d) => [d.name, d.matchIds, d.standIds])).toEqual([['North gate', [id], [ctx.north.id]]]);
    expect(admits(page, 'North gate')).toMatch(/^Scoped Gates – Visitors FC \(.+\) \| North$/);

    // Several boxes of a group arrive together; none checked is every match, every stand.
    const both = new FormData();
    for (const [key, value] of [
      ['name', 'Both stands'],
      ['kind', 'phone'],
      ['standIds[]', ctx.main.id],
      ['standIds[]', ctx.north.id],
    ] as const)
      both.append(key, value);
    expect((await ctx.owner.postMultipart(`${ctx.base}/devices`, both)).status).toBe(200);
    await ctx.owner.post(`${ctx.base}/devices`, { name: 'Any gate', kind: 'gate' }, en);
    const stored = await devicesOf();
    const bothRow = stored.find((d) => d.name === 'Both stands');
    expect(bothRow?.matchIds).toBeNull();
    expect([...(bothRow?.standIds ?? [])].sort()).toEqual([ctx.main.id, ctx.north.id].sort());
    expect(stored.find((d) => d.name === 'Any gate')).toMatchObject({ matchIds: null, standIds: null });
    const table = await (await ctx.owner.get(`${ctx.base}/devices`, en.headers)).text();
    expect(admits(table, 'Any gate')).toBe('Every match, every stand');
    expect(admits(table, 'Both stands')).toBe('Every match | Main, North');

    // Another club's stand, or no id at all: an error, and no device.
    const foreign = await ctx.owner.post(
      `${ctx.base}/devices`,
      { name: 'Mole gate', kind: 'gate', 'matchIds[]': id, 'standIds[]': other.main.id },
      en,
    );
    expect(foreign.status).toBe(400);
    const foreignPage = await foreign.text();
    expect(foreignPage).toContain('A match or stand you checked no longer exists');
    expect(foreignPage).toContain(`<input type="checkbox" name="matchIds[]" value="${id}" checked=""/>`);
    const garbage = await ctx.owner.post(`${ctx.base}/devices`, { name: 'Mole gate', kind: 'gate', 'matchIds[]': 'not-an-id' }, en);
    expect(garbage.status).toBe(400);
    expect((await devicesOf()).map((d) => d.name).sort()).toEqual(['Any gate', 'Both stands', 'North gate']);
  });

  it('gives a steward no access to venues, matches and devices, but the attendance of a match', async () => {
    const ctx = await clubWithStands('Steward Zone');
    const id = await newMatch(ctx);
    await createUser(t, 'gatekeeper@example.be');
    const steward = await signIn(t, 'gatekeeper@example.be');
    await ctx.owner.post(`${ctx.base}/staff/invite`, { email: 'gatekeeper@example.be', role: 'steward' });
    const mail = await t.smtp.waitFor('gatekeeper@example.be', /Steward Zone/);
    await steward.post(`${new URL(linkIn(mail, 'http://localhost/invitations/')).pathname}/accept`, {});
    const home = await steward.get(ctx.base);
    expect(home.status).toBe(200);
    // Their only part is the dashboard: no club menu, no setup checklist.
    const homeText = await home.text();
    expect(homeText).not.toContain('class="club-menu"');
    expect(homeText).not.toContain('class="card setup"');
    for (const path of [
      `${ctx.base}/venues`,
      `${ctx.base}/matches`,
      `${ctx.base}/matches/${id}`,
      `${ctx.base}/stands/${ctx.main.id}`,
      `${ctx.base}/orders`,
      `${ctx.base}/orders.csv`,
      `${ctx.base}/devices`,
    ]) {
      expect({ path, status: (await steward.get(path)).status }).toEqual({ path, status: 403 });
    }
    // Match day is theirs, though: they watch who is in.
    expect((await steward.get(`${ctx.base}/matches/${id}/attendance`)).status).toBe(200);
    expect((await steward.post(`${ctx.base}/matches/${id}/status`, { status: 'cancelled' })).status).toBe(403);
    expect((await db().select().from(match).where(eq(match.id, id)))[0]?.status).toBe('scheduled');
  });
  it('guides a new club through its setup checklist, from the venue to a match on sale, in the club menu', async () => {
    const ctx = await clubWithOwner(t, 'Checklist FC');
    const dashboard = async () => (await ctx.owner.get(ctx.base, en.headers)).text();
    const step = (html: string, name: string) => html.match(new RegExp(`<li class="(\\w+)"[^>]*>(?:(?!</li>).)*${name}`, 's'))?.[1];
    let page = await dashboard();
    expect(step(page, 'Your ground')).toBe('next');
    expect(page).toContain(`href="${ctx.base}/venues#add-venue"`);
    // The demo payment provider needs no payouts: that step is done from the start.
    expect(step(page, 'Payouts')).toBe('done');
    expect(page).toMatch(/<a href="\/club\/checklist-fc" aria-current="page">Dashboard<\/a>/);

    await postOk(ctx.owner, `${ctx.base}/venues`, { name: 'Park', street: 'Rue 1', postalCode: '1000', commune: 'Bruxelles' });
    page = await dashboard();
    expect([step(page, 'Your ground'), step(page, 'Its stands')]).toEqual(['done', 'next']);
    const [place] = await db().select().from(venue).where(eq(venue.clubId, ctx.club.id));
    await postOk(ctx.owner, `${ctx.base}/venues/${place!.id}/stands`, { name: 'Main', capacity: '100', price_adult: '10' });
    page = await dashboard();
    expect(step(page, 'A first match')).toBe('next');
    expect(page).toContain(`href="${ctx.base}/matches/new"`);
    // The venues page says what comes next, too.
    expect(await textOf(await ctx.owner.get(`${ctx.base}/venues`, en.headers))).toContain('Next step: A first match.');

    // The new-match form proposes the only venue, a Sunday kick-off at 15:00 and the stand ticked.
    const form = await (await ctx.owner.get(`${ctx.base}/matches/new`, en.headers)).text();
    expect(form).toMatch(new RegExp(`<option value="${place!.id}" selected="">`));
    expect(form).toMatch(/name="kickoffAt" type="datetime-local" value="\d{4}-\d{2}-\d{2}T15:00"/);
    const [main] = await db().select().from(stand).where(eq(stand.clubId, ctx.club.id));
    expect(form).toContain(`name="openStands[]" value="${main!.id}" checked=""`);
    const created = await postOk(ctx.owner, `${ctx.base}/matches/new`, {
      side: 'home',
      opponentName: 'Visitors FC',
      competitionId: await competitionId(t),
      venueId: place!.id,
      kickoffAt: brusselsIn(10),
      orderLimit: '10',
      'openStands[]': main!.id,
    });
    const id = created.split('/matches/')[1]!.split('#')[0]!;
    expect((await db().select().from(matchStand).where(eq(matchStand.matchId, id)))[0]).toMatchObject({ standId: main!.id, cap: 100 });
    page = await dashboard();
    expect(step(page, 'The match on sale')).toBe('next');
    expect(page).toContain(`href="${ctx.base}/matches/${id}"`);
    const matchPage = await (await ctx.owner.get(`${ctx.base}/matches/${id}`, en.headers)).text();
    expect(matchPage).toMatch(/<a href="\/club\/checklist-fc\/matches" aria-current="page">Matches<\/a>/);

    await postOk(ctx.owner, `${ctx.base}/matches/${id}/status`, { status: 'on_sale' });
    expect(await dashboard()).not.toContain('class="card setup"');
  });

  it('reports every error of a form at once', async () => {
    const ctx = await clubWithStands('All At Once');
    const response = await ctx.owner.post(
      `${ctx.base}/matches/new`,
      {
        side: 'home',
        opponentName: 'all at once',
        competitionId: await competitionId(t),
        venueId: '',
        kickoffAt: brusselsIn(-1),
        gatesOpenAt: brusselsIn(-1, '16:00'),
        orderLimit: '10',
      },
      en,
    );
    expect(response.status).toBe(400);
    const text = await textOf(response);
    for (const message of [
      'The kick-off must be in the future.',
      'The gates must open before the kick-off.',
      'A club cannot play against itself.',
      'Choose the venue of this home match.',
    ]) {
      expect(text).toContain(message);
    }

    // The stands form: each bad field of each stand, in one answer.
    const id = await newMatch(ctx);
    const stands = await ctx.owner.post(
      `${ctx.base}/matches/${id}/stands`,
      {
        [`open_${ctx.main.id}`]: 'on',
        [`cap_${ctx.main.id}`]: 'lots',
        [`price_${ctx.main.id}_adult`]: 'cheap',
        [`open_${ctx.north.id}`]: 'on',
        [`cap_${ctx.north.id}`]: '0',
      },
      en,
    );
    expect(stands.status).toBe(400);
    const standsText = await textOf(stands);
    expect(standsText).toContain('Enter a whole number.');
    expect(standsText).toContain('Enter a price in euros, like 12 or 12,50.');
    expect(standsText).toContain('Enter a number between 1 and 100000.');
    expect(await db().select().from(matchStand).where(eq(matchStand.matchId, id))).toEqual([]);

    // A status or archive value the forms never send changes nothing.
    const odd = await ctx.owner.post(`${ctx.base}/matches/${id}/status`, { status: 'played' }, en);
    expect(odd.headers.get('location')).toBe(`${ctx.base}/matches/${id}`);
    expect(await textOf(await ctx.owner.follow(odd))).toContain('This value is not valid.');
    const long = await ctx.owner.post(`${ctx.base}/matches/${id}/status`, {
      status: 'cancelled',
      confirm: 'yes',
      message: 'x'.repeat(1001),
    });
    expect(long.headers.get('location')).toBe(`${ctx.base}/matches/${id}/cancel`);
    expect((await db().select().from(match).where(eq(match.id, id)))[0]?.status).toBe('scheduled');
    await ctx.owner.post(`${ctx.base}/stands/${ctx.main.id}/archive`, { archived: 'yes' });
    expect((await db().select().from(stand).where(eq(stand.id, ctx.main.id)))[0]?.archivedAt).toBeNull();
  });

  it('shows a cancelled match read-only, without its danger zone', async () => {
    const ctx = await clubWithStands('Read Only FC');
    const id = await newMatch(ctx);
    const before = await (await ctx.owner.get(`${ctx.base}/matches/${id}`, en.headers)).text();
    expect(before).not.toContain('disabled');
    expect(before).toContain('id="danger"');
    await postOk(ctx.owner, `${ctx.base}/matches/${id}/status`, { status: 'cancelled', confirm: 'yes' });
    const after = await (await ctx.owner.get(`${ctx.base}/matches/${id}`, en.headers)).text();
    expect(after.match(/<fieldset class="plain" disabled="">/g)).toHaveLength(2);
    expect(after).not.toContain('id="danger"');
    expect(after).not.toContain('Save the stands');
    expect(after).toContain('This match is cancelled');
  });
});
