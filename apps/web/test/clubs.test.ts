import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitation, member, organization } from '../src/db/schema/index.ts';
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

  async function registerClub(client: TestClient, name: string, commune = 'Ixelles') {
    const response = await client.post('/clubs/new', { name, commune, colorPrimary: '#123456', colorSecondary: '' });
    expect(response.status).toBe(303);
    const slug = response.headers.get('location')!.replace('/club/', '');
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

    const twin = await registerClub(client, 'Royal Ixelles Sporting', 'Ixelles');
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

    // The new admin cannot remove the owner, nor demote them.
    await helper.post(`/club/${club.slug}/staff/${ownerRow.id}/remove`, {});
    await helper.post(`/club/${club.slug}/staff/${ownerRow.id}/role`, { role: 'steward' });
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
    await registerClub(ownerA, 'Club A Walled');
    const clubB = await registerClub(ownerB, 'Club B Walled');
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

    const clubRoutes = t.app.routes.filter((r) => r.path.startsWith('/club/:slug') && r.method !== 'ALL');
    expect(clubRoutes.length).toBeGreaterThanOrEqual(6);
    for (const route of clubRoutes) {
      const path = route.path.replace(':slug', clubB.slug).replace(':memberId', stewardB!.id).replace(':invitationId', pendingB!.id);
      const response =
        route.method === 'GET' ? await ownerA.get(path) : await ownerA.post(path, { email: 'mole@example.be', role: 'admin' });
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 404,
      });
    }
    expect(await membersOf(clubB.id)).toEqual(before.members);
    expect(await db().select().from(organization).where(eq(organization.id, clubB.id))).toEqual(before.club);
    const [stillPending] = await db().select({ status: invitation.status }).from(invitation).where(eq(invitation.id, pendingB!.id));
    expect(stillPending?.status).toBe('pending');
    expect(await db().select().from(invitation).where(eq(invitation.email, 'mole@example.be'))).toEqual([]);
  });

  it('lets the platform admin list and suspend a club, whose matches then disappear and whose back office turns read-only', async () => {
    const { password } = await t.runtime.deps.auth.$context;
    const { seedDemo } = await import('../src/db/seed-demo.ts');
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

    expect((await admin.post(`/admin/clubs/${club!.id}/status`, { status: 'closed' })).status).toBe(303);
    expect((await db().select().from(organization).where(eq(organization.id, club!.id)))[0]?.status).toBe('suspended');
    expect((await admin.post(`/admin/clubs/${club!.id}/status`, { status: 'active' })).status).toBe(303);
    expect(await textOf(await t.client().get('/'))).toContain('FC Molenbeek (demo)');
  });
});
