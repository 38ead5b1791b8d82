import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, clubMember, matchStandPrice, order, orderItem, user } from '../src/db/schema/index.ts';
import { parseMemberCsv } from '../src/domain/members/parse-member-csv.ts';
import { clubWithOwner, matchOnSale } from './support/catalog.ts';
import { createUser, databaseKinds, signIn, startTestApp, type TestApp, textOf } from './support/harness.ts';

describe('reading a member CSV', () => {
  it('reads ";" or ",", a BOM, quotes and CRLF, columns named by the header in any order', () => {
    expect(parseMemberCsv('\uFEFFnuméro;Nom;E-mail\r\n"A-1";"Dupont; Marie";Marie@Example.be\r\n\r\nA-2;Jan;jan@example.be\r\n')).toEqual({
      ok: true,
      members: [
        { name: 'Dupont; Marie', email: 'marie@example.be', memberNumber: 'A-1', line: 2 },
        { name: 'Jan', email: 'jan@example.be', memberNumber: 'A-2', line: 4 },
      ],
    });
  });

  it('reports every bad line by its number: bad e-mail, missing number, the same e-mail or number twice', () => {
    const csv =
      'name,email,member number\nAnn,ann@example.be,1\nBob,not-an-address,2\nCid,cid@example.be,\nDee,ANN@example.be,4\nEve,eve@example.be,1\n';
    expect(parseMemberCsv(csv)).toEqual({
      ok: false,
      problems: [
        { line: 3, problem: 'email_invalid' },
        { line: 4, problem: 'number_missing' },
        { line: 5, problem: 'email_twice' },
        { line: 6, problem: 'number_twice' },
      ],
    });
    expect(parseMemberCsv('name,email,number\n')).toEqual({ ok: false, problems: [{ line: 1, problem: 'no_rows' }] });
  });
});

describe.each(databaseKinds())('members and member prices on %s', (kind) => {
  let t: TestApp;
  const db = () => t.runtime.deps.db;
  let ctx: Awaited<ReturnType<typeof clubWithOwner>>;
  let ids: Awaited<ReturnType<typeof matchOnSale>>;
  const membersOf = () => db().select().from(clubMember).where(eq(clubMember.clubId, ctx.club.id));
  const upload = (csv: string) => {
    const form = new FormData();
    form.set('csv', new File([csv], 'members.csv', { type: 'text/csv' }));
    return ctx.owner.postMultipart(`${ctx.base}/members/import`, form);
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    ctx = await clubWithOwner(t, 'Members FC');
    ids = await matchOnSale(t, ctx);
    await db().insert(matchStandPrice).values({ clubId: ctx.club.id, matchStandId: ids.matchStandId, category: 'member', priceCents: 600 });
  });
  afterAll(() => t?.close());

  it('imports a CSV all or nothing, reporting lines already on the list, then lists, searches, adds and removes', async () => {
    const page = await textOf(await ctx.owner.get(`${ctx.base}/members`));
    expect(page).toContain('No members yet');
    expect(await textOf(await ctx.owner.get(ctx.base))).toContain('Members'); // in the club menu

    const bad = await upload('name;email;member number\r\nAnn;ann@example.be;M1\r\nBob;bob@;M2\r\n;x@example.be;M3\r\n');
    expect(bad.status).toBe(400);
    const text = await textOf(bad);
    expect(text).toContain('Nothing was imported');
    expect(text).toContain('Line 3: the e-mail address is not valid');
    expect(text).toContain('Line 4: the name is missing');
    expect(await membersOf()).toHaveLength(0);

    expect((await upload('name;email;member number\r\nAnn Member;ann@example.be;M1\r\nBob Member;bob@example.be;M2\r\n')).status).toBe(303);
    expect(await membersOf()).toHaveLength(2);

    const again = await upload('name,email,member number\nCid,cid@example.be,M3\nAnn Again,ANN@example.be,M9\nDee,dee@example.be,M2\n');
    expect(again.status).toBe(400);
    const againText = await textOf(again);
    expect(againText).toContain('Line 3: this e-mail address is already on the member list');
    expect(againText).toContain('Line 4: this member number is already on the member list');
    expect(await membersOf()).toHaveLength(2); // Cid was good, but nothing is half-imported

    expect((await ctx.owner.post(`${ctx.base}/members`, { name: 'Cid Member', email: 'cid@example.be', memberNumber: 'M3' })).status).toBe(
      303,
    );
    const twice = await ctx.owner.post(`${ctx.base}/members`, { name: 'Cid Twice', email: 'cid@example.be', memberNumber: 'M4' });
    expect(twice.status).toBe(409);
    expect(await textOf(twice)).toContain('already on the list');

    const listed = await textOf(await ctx.owner.get(`${ctx.base}/members`));
    expect(listed).toContain('3 members');
    const found = await textOf(await ctx.owner.get(`${ctx.base}/members?q=bob`));
    expect(found).toContain('1 member found');
    expect(found).toContain('Bob Member');
    expect(found).not.toContain('Ann Member');

    const [cid] = (await membersOf()).filter((m) => m.email === 'cid@example.be');
    expect((await ctx.owner.post(`${ctx.base}/members/${cid!.id}/remove`, {})).status).toBe(303);
    expect((await membersOf()).map((m) => m.email).sort()).toEqual(['ann@example.be', 'bob@example.be']);
    const lines = await db().select({ action: activity.action }).from(activity).where(eq(activity.clubId, ctx.club.id));
    expect(lines.map((l) => l.action)).toEqual(expect.arrayContaining(['members.imported', 'members.added', 'members.removed']));
  });

  it('keeps the member list to owners and admins', async () => {
    await createUser(t, 'outsider@example.be', 'Out Sider');
    const outsider = await signIn(t, 'outsider@example.be');
    expect((await outsider.get(`${ctx.base}/members`)).status).toBe(404);
  });

  it('offers the member price only to a signed-in buyer whose verified e-mail is on the list, and refuses it otherwise', async () => {
    const memberLine = { [`q_${ids.matchStandId}_member`]: '2' };
    const offersMemberPrice = async (client: ReturnType<TestApp['client']>) =>
      (await (await client.get(`/matches/${ids.matchId}`)).text()).includes(`name="q_${ids.matchStandId}_member"`);
    // A member: the page shows the price, the order is priced at it.
    await createUser(t, 'ann@example.be', 'Ann Member');
    const ann = await signIn(t, 'ann@example.be');
    expect(await offersMemberPrice(ann)).toBe(true);
    expect((await ann.post(`/matches/${ids.matchId}/checkout`, memberLine)).status).toBe(303);
    const [annOrder] = await db()
      .select({ unit: orderItem.unitPriceCents, category: orderItem.category, subtotal: order.subtotalCents })
      .from(order)
      .innerJoin(orderItem, eq(orderItem.orderId, order.id))
      .innerJoin(user, eq(user.id, order.userId))
      .where(eq(user.email, 'ann@example.be'));
    expect(annOrder).toEqual({ unit: 600, category: 'member', subtotal: 1200 });

    // Bob is on the list but his address is not verified: no member price.
    await createUser(t, 'bob@example.be', 'Bob Member');
    const bob = await signIn(t, 'bob@example.be');
    await db().update(user).set({ emailVerified: false }).where(eq(user.email, 'bob@example.be'));
    expect(await offersMemberPrice(bob)).toBe(false);
    const refused = await bob.post(`/matches/${ids.matchId}/checkout`, memberLine);
    expect(refused.status).toBe(409);
    expect(await textOf(refused)).toContain('The member price is for club members');

    // Someone not on the list.
    await createUser(t, 'nobody@example.be', 'No Body');
    const nobody = await signIn(t, 'nobody@example.be');
    expect(await offersMemberPrice(nobody)).toBe(false);
    expect(await offersMemberPrice(t.client())).toBe(false);
    expect((await nobody.post(`/matches/${ids.matchId}/checkout`, memberLine)).status).toBe(409);

    // A guest, even with a member's address.
    const guest = t.client();
    const asGuest = await guest.post(`/matches/${ids.matchId}/checkout`, {
      ...memberLine,
      as: 'guest',
      name: 'Ann',
      email: 'ann@example.be',
    });
    expect(asGuest.status).toBe(409);
    const placed = await db()
      .select({ id: order.id })
      .from(order)
      .innerJoin(orderItem, eq(orderItem.orderId, order.id))
      .where(and(eq(order.clubId, ctx.club.id), eq(orderItem.category, 'member')));
    expect(placed).toHaveLength(1); // Ann's only
  });
});
