import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  competition,
  device,
  guest,
  guestList,
  guestListStand,
  invitation,
  match,
  matchStand,
  member,
  order,
  orderItem,
  organization,
  seasonPass,
  seasonProduct,
  stand,
  venue,
} from '../src/db/schema/index.ts';
import {
  createUser,
  databaseKinds,
  linkIn,
  PASSWORD,
  signIn,
  startTestApp,
  type TestApp,
  type TestClient,
  textOf,
} from './support/harness.ts';

describe.each(databaseKinds())('clubs and staff on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t?.close());

  const db = () => t.runtime.deps.db;

  /** `notClub`: a club with a name like this one that the founder confirms theirs is not. */
  async function registerClub(client: TestClient, name: string, commune = 'Ixelles', notClub?: string) {
    const response = await client.post('/clubs/new', {
      name,
      commune,
      colorPrimary: '#123456',
      colorSecondary: '',
      ...(notClub ? { 'notClub[]': notClub } : {}),
    });
    expect(response.status).toBe(303);
    const slug = response.headers.get('location')!.split('/')[2]!;
    const [club] = await db().select().from(organization).where(eq(organization.slug, slug));
    return club!;
  }

  async function membersOf(clubId: string) {
    return db().select({ userId: member.userId, role: member.role }).from(member).where(eq(member.organizationId, clubId));
  }

  /** Invites `email` into the club as `role`, then has that person accept from the mail's link. */
  async function inviteAndAccept(owner: TestClient, slug: string, email: string, role: 'admin' | 'steward', invitee: TestClient) {
    const before = t.smtp.to(email).length;
    expect((await owner.post(`/club/${slug}/staff/invite`, { email, role })).status).toBe(303);
    const mail = await t.smtp.waitFor(email, /staff/, { skip: before });
    const link = linkIn(mail, 'http://localhost/invitations/');
    const page = await invitee.get(link);
    expect(page.status).toBe(200);
    const accepted = await invitee.post(`${new URL(link).pathname}/accept`, {});
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`/club/${slug}`);
  }

  it('registers a club whose founder becomes its owner', async () => {
    await createUser(t, 'founder@example.be', 'Fatima Founder');
    const client = await signIn(t, 'founder@example.be');
    const club = await registerClub(client, 'Royal Ixelles Sporting', 'Ixelles');
    expect(club).toMatchObject({ name: 'Royal Ixelles Sporting', slug: 'royal-ixelles-sporting', commune: 'Ixelles', country: 'BE' });
    expect(club.colorPrimary).toBe('#123456');
    expect(club.status).toBe('active');
    expect(await membersOf(club.id)).toEqual([{ userId: expect.any(String), role: 'owner' }]);
    const page = await client.get('/club/royal-ixelles-sporting');
    expect(page.status).toBe(200);
    expect(await textOf(page)).toContain('Royal Ixelles Sporting');

    // The same name again: only once the founder says theirs is another club (see club-identity.test.ts).
    const twin = await registerClub(client, 'Royal Ixelles Sporting', 'Ixelles', club.id);
    expect(twin.slug).toBe('royal-ixelles-sporting-2');
    const list = await client.get('/clubs');
    expect(await list.text()).toContain('href="/club/royal-ixelles-sporting-2"');
  });

  it('explains what is wrong with a club form and registers nothing', async () => {
    await createUser(t, 'sloppy@example.be');
    const client = await signIn(t, 'sloppy@example.be');
    const response = await client.post(
      '/clubs/new',
      { name: 'X', commune: '', colorPrimary: 'red' },
      { headers: { 'accept-language': 'en' } },
    );
    expect(response.status).toBe(400);
    const text = await textOf(response);
    expect(text).toContain('At least 2 characters.');
    expect(text).toContain('This field is required.');
    expect(text).toContain('Pick a colour (format #RRGGBB).');
    expect(await db().select().from(organization).where(eq(organization.name, 'X'))).toEqual([]);
  });

  it('invites staff by e-mail; a new person signs up with that address and joins with the role given', async () => {
    await createUser(t, 'owner-a@example.be', 'Owner A');
    const owner = await signIn(t, 'owner-a@example.be');
    const club = await registerClub(owner, 'FC Schaerbeek Test', 'Schaerbeek');

    const response = await owner.post(`/club/${club.slug}/staff/invite`, { email: 'Steward.New@example.be', role: 'steward' });
    expect(response.status).toBe(303);
    const mail = await t.smtp.waitFor('steward.new@example.be', /FC Schaerbeek Test/);
    const link = linkIn(mail, 'http://localhost/invitations/');

    // Not signed in: the link leads to sign-in and back.
    const newcomer = t.client();
    const gate = await newcomer.get(link);
    expect(gate.status).toBe(303);
    expect(gate.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(new URL(link).pathname)}`);

    await newcomer.post('/sign-up', { name: 'Stefan Steward', email: 'steward.new@example.be', password: PASSWORD });
    const verify = await t.smtp.waitFor('steward.new@example.be', /Confirmez/);
    await newcomer.get(linkIn(verify, 'http://localhost/api/auth/verify-email'));
    expect(newcomer.signedIn).toBe(true);
    const invitationPage = await newcomer.get(link);
    expect(await textOf(invitationPage)).toContain('FC Schaerbeek Test');
    expect((await newcomer.post(`${new URL(link).pathname}/accept`, {})).status).toBe(303);

    expect((await membersOf(club.id)).map((m) => m.role).sort()).toEqual(['owner', 'steward']);
    expect((await newcomer.get(`/club/${club.slug}`)).status).toBe(200);
    // A steward only scans: the staff pages and actions are closed to them.
    expect((await newcomer.get(`/club/${club.slug}/staff`)).status).toBe(403);
    expect((await newcomer.post(`/club/${club.slug}/staff/invite`, { email: 'friend@example.be', role: 'admin' })).status).toBe(403);
    const pending = await db().select().from(invitation).where(eq(invitation.email, 'friend@example.be'));
    expect(pending).toEqual([]);
  });

  it('lets one person be on the staff of several clubs, with a role in each', async () => {
    await createUser(t, 'owner-b@example.be');
    await createUser(t, 'owner-c@example.be');
    await createUser(t, 'volunteer@example.be', 'Victor Volunteer');
    const ownerB = await signIn(t, 'owner-b@example.be');
    const ownerC = await signIn(t, 'owner-c@example.be');
    const volunteer = await signIn(t, 'volunteer@example.be');
    const clubB = await registerClub(ownerB, 'Union Evere');
    const clubC = await registerClub(ownerC, 'Sporting Jette');
    await inviteAndAccept(ownerB, clubB.slug, 'volunteer@example.be', 'admin', volunteer);
    await inviteAndAccept(ownerC, clubC.slug, 'volunteer@example.be', 'steward', volunteer);

    const list = await textOf(await volunteer.get('/clubs', { 'accept-language': 'en' }));
    expect(list).toContain('Union Evere Administrator');
    expect(list).toContain('Sporting Jette Steward');
    expect((await volunteer.get(`/club/${clubB.slug}/staff`)).status).toBe(200);
    expect((await volunteer.get(`/club/${clubC.slug}/staff`)).status).toBe(403);
  });

  it('changes a role, removes a member, and never removes the owner', async () => {
    await createUser(t, 'owner-d@example.be');
    await createUser(t, 'helper-d@example.be');
    const owner = await signIn(t, 'owner-d@example.be');
    const helper = await signIn(t, 'helper-d@example.be');
    const club = await registerClub(owner, 'Atlas Molenbeek');
    await inviteAndAccept(owner, club.slug, 'helper-d@example.be', 'steward', helper);
    const rows = await db().select({ id: member.id, role: member.role }).from(member).where(eq(member.organizationId, club.id));
    const helperRow = rows.find((r) => r.role === 'steward')!;
    const ownerRow = rows.find((r) => r.role === 'owner')!;

    expect((await owner.post(`/club/${club.slug}/staff/${helperRow.id}/role`, { role: 'admin' })).status).toBe(303);
    expect((await membersOf(club.id)).map((m) => m.role).sort()).toEqual(['admin', 'owner']);
    expect((await owner.post(`/club/${club.slug}/staff/${helperRow.id}/role`, { role: 'owner' })).status).toBe(303);
    expect((await membersOf(club.id)).map((m) => m.role).sort()).toEqual(['admin', 'owner']); // owner is not a role to hand out here

    // The new admin cannot remove the owner, nor demote them: refused with a message, nothing changes.
    const removal = await helper.post(`/club/${club.slug}/staff/${ownerRow.id}/remove`, {}, { headers: { 'accept-language': 'en' } });
    expect(removal.status).toBe(303);
    expect(await textOf(await helper.follow(removal))).toContain('The owner of a club cannot be removed.');
    const demotion = await helper.post(`/club/${club.slug}/staff/${ownerRow.id}/role`, { role: 'steward' });
    expect(demotion.status).toBe(303);
    expect(await textOf(await helper.follow(demotion))).toContain('You are not allowed to do this.');
    expect((await membersOf(club.id)).map((m) => m.role).sort()).toEqual(['admin', 'owner']);

    expect((await owner.post(`/club/${club.slug}/staff/${helperRow.id}/remove`, {})).status).toBe(303);
    expect((await membersOf(club.id)).map((m) => m.role)).toEqual(['owner']);
    expect((await helper.get(`/club/${club.slug}`)).status).toBe(404);
  });

  it('shows an invitation only to the person it was sent to', async () => {
    await createUser(t, 'owner-e@example.be');
    await createUser(t, 'someone-else@example.be');
    const owner = await signIn(t, 'owner-e@example.be');
    const club = await registerClub(owner, 'Olympic Laeken');
    await owner.post(`/club/${club.slug}/staff/invite`, { email: 'intended@example.be', role: 'admin' });
    const mail = await t.smtp.waitFor('intended@example.be');
    const path = new URL(linkIn(mail, 'http://localhost/invitations/')).pathname;
    const intruder = await signIn(t, 'someone-else@example.be');
    expect((await intruder.get(path)).status).toBe(404);
    expect((await intruder.post(`${path}/accept`, {})).status).toBe(404);
    expect((await membersOf(club.id)).length).toBe(1);
  });

  it('walls clubs off: a member of club A gets 404 on every club route of club B and changes nothing', async () => {
    await createUser(t, 'owner-x@example.be');
    await createUser(t, 'owner-y@example.be');
    await createUser(t, 'staff-y@example.be');
    const ownerA = await signIn(t, 'owner-x@example.be');
    const ownerB = await signIn(t, 'owner-y@example.be');
    const staffB = await signIn(t, 'staff-y@example.be');
    await registerClub(ownerA, 'Club Alpha Walled');
    const clubB = await registerClub(ownerB, 'Club Beta Walled');
    await inviteAndAccept(ownerB, clubB.slug, 'staff-y@example.be', 'steward', staffB);
    await ownerB.post(`/club/${clubB.slug}/staff/invite`, { email: 'pending-y@example.be', role: 'admin' });
    const [stewardB] = await db()
      .select({ id: member.id })
      .from(member)
      .where(and(eq(member.organizationId, clubB.id), eq(member.role, 'steward')));
    const [pendingB] = await db().select({ id: invitation.id }).from(invitation).where(eq(invitation.email, 'pending-y@example.be'));
    const before = {
      members: await membersOf(clubB.id),
      club: await db().select().from(organization).where(eq(organization.id, clubB.id)),
    };

    // Club B also has a venue, a stand and a match: their real ids go into the routes below.
    const [venueB] = await db()
      .insert(venue)
      .values({ clubId: clubB.id, name: 'B Park', street: 'x 1', postalCode: '1000', commune: 'B' })
      .returning();
    const [standB] = await db().insert(stand).values({ clubId: clubB.id, venueId: venueB!.id, name: 'B stand', capacity: 100 }).returning();
    const [compB] = await db().select().from(competition).limit(1);
    const [matchB] = await db()
      .insert(match)
      .values({
        clubId: clubB.id,
        venueId: venueB!.id,
        competitionId: compB!.id,
        opponentName: 'Z',
        kickoffAt: new Date(Date.now() + 864e6),
      })
      .returning();
    const [orderB] = await db()
      .insert(order)
      .values({
        clubId: clubB.id,
        matchId: matchB!.id,
        email: 'buyer-b@example.be',
        reference: 'FA-CLUBB01',
        status: 'paid',
        subtotalCents: 1000,
        feeCents: 100,
        totalCents: 1100,
        provider: 'demo',
        holdExpiresAt: new Date(),
      })
      .returning();
    const [standB2] = await db()
      .insert(matchStand)
      .values({ clubId: clubB.id, matchId: matchB!.id, standId: standB!.id, cap: 10, sold: 1 })
      .returning();
    const [itemB] = await db()
      .insert(orderItem)
      .values({ clubId: clubB.id, orderId: orderB!.id, matchStandId: standB2!.id, category: 'adult', unitPriceCents: 1000, quantity: 1 })
      .returning();
    const [deviceB] = await db().insert(device).values({ clubId: clubB.id, name: 'B gate', kind: 'gate' }).returning();
    // A guest list of club B with one guest on it (their order is orderB, for the wall it makes no difference).
    const [listB] = await db()
      .insert(guestList)
      .values({ clubId: clubB.id, matchId: matchB!.id, name: 'B sponsors', kind: 'sponsors' })
      .returning();
    const [listStandB] = await db()
      .insert(guestListStand)
      .values({ clubId: clubB.id, guestListId: listB!.id, matchStandId: standB2!.id, allowance: 1, used: 1 })
      .returning();
    const [guestB] = await db()
      .insert(guest)
      .values({
        clubId: clubB.id,
        matchId: matchB!.id,
        guestListId: listB!.id,
        guestListStandId: listStandB!.id,
        name: 'B guest',
        places: 1,
        orderId: orderB!.id,
      })
      .returning();
    // A season ticket product of club B with one pass (on orderB: for the wall it makes no difference).
    const [productB] = await db()
      .insert(seasonProduct)
      .values({ clubId: clubB.id, season: '2026–27', name: 'B season', standId: standB!.id })
      .returning();
    const [passB] = await db()
      .insert(seasonPass)
      .values({
        id: randomUUID(),
        clubId: clubB.id,
        productId: productB!.id,
        orderId: orderB!.id,
        orderItemId: itemB!.id,
        keyId: 'wall-key',
        code: 'wall-pass-code',
        shortCode: 'WALLPASS1',
      })
      .returning();
    const ids: Record<string, string> = {
      ':productId': productB!.id,
      ':passId': passB!.id,
      ':listId': listB!.id,
      ':guestId': guestB!.id,
      ':deviceId': deviceB!.id,
      ':orderId': orderB!.id,
      ':itemId': itemB!.id,
      ':slug': clubB.slug,
      ':memberId': stewardB!.id,
      ':invitationId': pendingB!.id,
      ':venueId': venueB!.id,
      ':standId': standB!.id,
      ':matchId': matchB!.id,
    };
    const clubRoutes = t.app.routes.filter((r) => r.path.startsWith('/club/:slug') && r.method !== 'ALL');
    expect(clubRoutes.length).toBeGreaterThanOrEqual(20);
    for (const route of clubRoutes) {
      const path = route.path.replace(/:\w+/g, (param) => {
        if (!ids[param]) throw new Error(`no id of club B for ${param} in ${route.path}`);
        return ids[param];
      });
      const response =
        route.method === 'GET' ? await ownerA.get(path) : await ownerA.post(path, { email: 'mole@example.be', role: 'admin' });
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 404,
      });
    }
    // Through its own club's address, with club B's ids: not found either.
    const own = (await db().select().from(organization).where(eq(organization.name, 'Club Alpha Walled')))[0]!;
    const crossIds = [
      `/club/${own.slug}/staff/${stewardB!.id}/remove`,
      `/club/${own.slug}/staff/${stewardB!.id}/role`,
      `/club/${own.slug}/invitations/${pendingB!.id}/cancel`,
    ];
    for (const path of crossIds) {
      expect({ path, status: (await ownerA.post(path, { role: 'admin' })).status }).toEqual({ path, status: 404 });
    }
    expect((await ownerA.get(`/club/${own.slug}/matches/${matchB!.id}/attendance`)).status).toBe(404);
    expect(await membersOf(clubB.id)).toEqual(before.members);
    expect(await db().select().from(organization).where(eq(organization.id, clubB.id))).toEqual(before.club);
    expect(await db().select().from(match).where(eq(match.id, matchB!.id))).toEqual([matchB]);
    expect(await db().select().from(guest).where(eq(guest.id, guestB!.id))).toEqual([guestB]);
    expect(await db().select().from(guestListStand).where(eq(guestListStand.id, listStandB!.id))).toEqual([listStandB]);
    expect(await db().select().from(stand).where(eq(stand.id, standB!.id))).toEqual([standB]);
    expect(await db().select().from(venue).where(eq(venue.id, venueB!.id))).toEqual([venueB]);
    expect(await db().select().from(order).where(eq(order.id, orderB!.id))).toEqual([orderB]);
    expect(await db().select().from(orderItem).where(eq(orderItem.id, itemB!.id))).toEqual([itemB]);
    expect(await db().select().from(device).where(eq(device.id, deviceB!.id))).toEqual([deviceB]);
    expect(await db().select().from(seasonProduct).where(eq(seasonProduct.id, productB!.id))).toEqual([productB]);
    expect(await db().select().from(seasonPass).where(eq(seasonPass.id, passB!.id))).toEqual([passB]);
    const [stillPending] = await db().select({ status: invitation.status }).from(invitation).where(eq(invitation.id, pendingB!.id));
    expect(stillPending?.status).toBe('pending');
    expect(await db().select().from(invitation).where(eq(invitation.email, 'mole@example.be'))).toEqual([]);
  });

  it('lets the platform admin list and suspend a club, whose matches then disappear and whose back office turns read-only', async () => {
    const { password } = await t.runtime.deps.auth.$context;
    const { seedDemo } = await import('../src/cli/demo-data.ts');
    await seedDemo(db(), (p) => password.hash(p));
    const admin = await signIn(t, 'platform@demo.footarena.be', 'demo-platform-2026');
    const clubAdmin = await signIn(t, 'admin@demo.footarena.be', 'demo-clubadmin-2026');
    const supporter = await signIn(t, 'supporter@demo.footarena.be', 'demo-supporter-2026');

    expect((await supporter.get('/admin/clubs')).status).toBe(403);
    expect((await t.client().get('/admin/clubs')).status).toBe(303);
    const list = await textOf(await admin.get('/admin/clubs?q=molenbeek'));
    expect(list).toContain('FC Molenbeek (demo)');
    expect(list).not.toContain('RFC Saint-Gilles (demo)');

    const [club] = await db().select().from(organization).where(eq(organization.slug, 'fc-molenbeek-demo'));
    expect(await textOf(await t.client().get('/'))).toContain('FC Molenbeek (demo)');
    expect((await supporter.post(`/admin/clubs/${club!.id}/status`, { status: 'suspended' })).status).toBe(403);
    expect((await admin.post(`/admin/clubs/${club!.id}/status`, { status: 'suspended' })).status).toBe(303);
    const [suspended] = await db().select().from(organization).where(eq(organization.id, club!.id));
    expect(suspended?.status).toBe('suspended');

    expect(await textOf(await t.client().get('/'))).not.toContain('FC Molenbeek (demo)');
    const backOffice = await clubAdmin.get('/club/fc-molenbeek-demo', { 'accept-language': 'en' });
    expect(backOffice.status).toBe(200);
    expect(await textOf(backOffice)).toContain('Ce club est suspendu par FootArena'); // the admin's own setting beats the browser's
    const blocked = await clubAdmin.post('/club/fc-molenbeek-demo/staff/invite', { email: 'new@example.be', role: 'admin' });
    expect(blocked.status).toBe(403);

    // An invitation of a suspended club cannot be taken up meanwhile.
    const pendingBefore = await db().select({ id: invitation.id }).from(invitation).where(eq(invitation.organizationId, club!.id));
    expect(pendingBefore).toEqual([]);
    await db()
      .insert(invitation)
      .values({
        id: 'suspended-club-invite',
        organizationId: club!.id,
        email: 'supporter@demo.footarena.be',
        role: 'steward',
        status: 'pending',
        expiresAt: new Date(Date.now() + 86_400_000),
        inviterId: (await db().select({ id: member.userId }).from(member).where(eq(member.organizationId, club!.id)))[0]!.id,
      });
    expect((await supporter.get('/invitations/suspended-club-invite')).status).toBe(404);
    expect((await supporter.post('/invitations/suspended-club-invite/accept', {})).status).toBe(404);
    expect((await membersOf(club!.id)).length).toBe(1);

    expect((await admin.post(`/admin/clubs/${club!.id}/status`, { status: 'closed' })).status).toBe(303);
    expect((await db().select().from(organization).where(eq(organization.id, club!.id)))[0]?.status).toBe('suspended');
    expect((await admin.post(`/admin/clubs/${club!.id}/status`, { status: 'active' })).status).toBe(303);
    expect(await textOf(await t.client().get('/'))).toContain('FC Molenbeek (demo)');
  });

  it('edits the club profile and its logo, checked by content, served publicly and cache-safe', async () => {
    await createUser(t, 'owner-logo@example.be');
    await createUser(t, 'steward-logo@example.be');
    const owner = await signIn(t, 'owner-logo@example.be');
    const steward = await signIn(t, 'steward-logo@example.be');
    const club = await registerClub(owner, 'Logo United');
    await inviteAndAccept(owner, club.slug, 'steward-logo@example.be', 'steward', steward);

    expect((await steward.get(`/club/${club.slug}/settings`)).status).toBe(403);
    expect((await steward.post(`/club/${club.slug}/settings`, { name: 'Hijacked', commune: 'X' })).status).toBe(403);
    const saved = await owner.post(`/club/${club.slug}/settings`, { name: 'Logo United FC', commune: 'Forest', colorPrimary: '#ff0000' });
    expect(saved.status).toBe(303);
    const [updated] = await db().select().from(organization).where(eq(organization.id, club.id));
    expect(updated).toMatchObject({ name: 'Logo United FC', commune: 'Forest', colorPrimary: '#ff0000', slug: club.slug });

    const png = new Uint8Array(2048);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    png[100] = 42;
    const upload = (bytes: Uint8Array<ArrayBuffer>, name: string, type: string) => {
      const form = new FormData();
      form.set('logo', new File([bytes], name, { type }));
      return owner.postMultipart(`/club/${club.slug}/settings/logo`, form);
    };
    expect((await upload(png, 'crest.png', 'image/png')).status).toBe(303);
    const [withLogo] = await db().select().from(organization).where(eq(organization.id, club.id));
    expect(withLogo!.logo).toMatch(new RegExp(`^/logos/${club.id}\\?v=[0-9a-f]{12}$`));
    const served = await t.client().get(withLogo!.logo!);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toContain('immutable');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);

    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const refused = await upload(svg, 'evil.png', 'image/png');
    expect(refused.status).toBe(400);
    expect(await textOf(refused)).toContain('This file is not a PNG, JPEG or WebP image.');
    const big = new Uint8Array(250 * 1024);
    big.set([0xff, 0xd8, 0xff]);
    expect(await textOf(await upload(big, 'big.jpg', 'image/jpeg'))).toContain('This image is too large (at most 200 KB).');
    expect((await upload(new Uint8Array(400 * 1024), 'huge.jpg', 'image/jpeg')).status).toBe(413);
    const [unchanged] = await db().select().from(organization).where(eq(organization.id, club.id));
    expect(unchanged!.logo).toBe(withLogo!.logo); // a refused upload keeps the logo that was there

    expect((await owner.post(`/club/${club.slug}/settings/logo/remove`, {})).status).toBe(303);
    expect((await t.client().get(withLogo!.logo!)).status).toBe(404);
  });

  it('lets the platform admin add and rename competitions, keeping their address', async () => {
    const { password } = await t.runtime.deps.auth.$context;
    const { seedDemo } = await import('../src/cli/demo-data.ts');
    await seedDemo(db(), (p) => password.hash(p));
    const admin = await signIn(t, 'platform@demo.footarena.be', 'demo-platform-2026');
    const supporter = await signIn(t, 'supporter@demo.footarena.be', 'demo-supporter-2026');
    expect((await supporter.get('/admin/competitions')).status).toBe(403);
    expect((await supporter.post('/admin/competitions', { name: 'Sneaky Cup', kind: 'cup' })).status).toBe(403);

    expect((await admin.post('/admin/competitions', { name: 'Coupe de Bruxelles', kind: 'cup' })).status).toBe(303);
    const [added] = await db().select().from(competition).where(eq(competition.name, 'Coupe de Bruxelles'));
    expect(added).toMatchObject({ slug: 'coupe-de-bruxelles', kind: 'cup' });
    expect(await (await t.client().get('/')).text()).toContain('<option value="coupe-de-bruxelles">Coupe de Bruxelles</option>');

    expect((await admin.post(`/admin/competitions/${added!.id}`, { name: 'Coupe de Bruxelles-Capitale', kind: 'cup' })).status).toBe(303);
    const [renamed] = await db().select().from(competition).where(eq(competition.id, added!.id));
    expect(renamed).toMatchObject({ name: 'Coupe de Bruxelles-Capitale', slug: 'coupe-de-bruxelles' });
    const bad = await admin.post('/admin/competitions', { name: 'X', kind: 'tournament' }, { headers: { 'accept-language': 'en' } });
    expect(bad.status).toBe(400);
    expect((await admin.post('/admin/competitions', { name: 'Coupe de Bruxelles', kind: 'cup' })).status).toBe(303); // same name: another slug
    expect((await db().select().from(competition).where(eq(competition.slug, 'coupe-de-bruxelles-2'))).length).toBe(1);
  });
});
