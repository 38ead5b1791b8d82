import { eq } from 'drizzle-orm';
import { competition, matchStand, order, organization } from '../../src/db/schema/index.ts';
import { toBrusselsLocal } from '../../src/domain/time.ts';
import { createUser, signIn, type TestApp, type TestClient } from './harness.ts';

/** A signed-in owner of a fresh club, and ways to reach its back office. */
export async function clubWithOwner(t: TestApp, name: string, email = `${name.toLowerCase().replace(/\W+/g, '-')}@example.be`) {
  await createUser(t, email, `${name} owner`);
  const owner = await signIn(t, email);
  const response = await owner.post('/clubs/new', { name, commune: 'Bruxelles' });
  if (response.status !== 303) throw new Error(`club ${name} not created: ${response.status}`);
  // A new club lands on its first setup step, under /club/<slug>/.
  const slug = response.headers.get('location')!.match(/^\/club\/([^/#?]+)/)![1]!;
  const [club] = await t.runtime.deps.db.select().from(organization).where(eq(organization.slug, slug));
  return { owner, club: club!, slug, base: `/club/${slug}` };
}

export async function competitionId(t: TestApp, slug = 'p1-brabant-acff') {
  const [row] = await t.runtime.deps.db.select({ id: competition.id }).from(competition).where(eq(competition.slug, slug));
  return row!.id;
}

/** Brussels wall-clock "YYYY-MM-DDTHH:mm" `days` Brussels days from today (Brussels, not UTC: 00:30 is already tomorrow) at `time`. */
export function brusselsIn(days: number, time = '15:00'): string {
  const day = new Date(`${toBrusselsLocal(new Date()).slice(0, 10)}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return `${day.toISOString().slice(0, 10)}T${time}`;
}

/** Posts a form and returns where it redirected, failing loudly with the page text otherwise. */
export async function postOk(client: TestClient, path: string, form: Record<string, string>): Promise<string> {
  const response = await client.post(path, form);
  if (response.status !== 303) {
    const text = (await response.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    throw new Error(`POST ${path} → ${response.status}: ${text.slice(0, 1500)}`);
  }
  return response.headers.get('location')!;
}

/**
 * A home match on sale through the back office, as a club sets it up: a venue, a stand "Main" with
 * paying adults and free children, the match in 8 days with that stand open. Returns its ids.
 */
export async function matchOnSale(t: TestApp, ctx: Awaited<ReturnType<typeof clubWithOwner>>, opponentName = 'Scanners FC') {
  const { owner, base } = ctx;
  await postOk(owner, `${base}/venues`, { name: 'Park', street: 'Rue 1', postalCode: '1000', commune: 'Bruxelles' });
  const venueId = (await owner.get(`${base}/venues`).then((r) => r.text())).match(/venues\/([0-9a-f-]{36})\/stands/)![1]!;
  await postOk(owner, `${base}/venues/${venueId}/stands`, { name: 'Main', capacity: '50', price_adult: '10', price_child: '0' });
  const created = await postOk(owner, `${base}/matches/new`, {
    side: 'home',
    opponentName,
    competitionId: await competitionId(t),
    venueId,
    kickoffAt: brusselsIn(8),
    orderLimit: '10',
    allowTransfers: 'on', // ticked by default on the form
  });
  const matchId = created.split('/matches/')[1]!.split('#')[0]!;
  const standId = (await owner.get(`${base}/matches/${matchId}`).then((r) => r.text())).match(/name="open_([0-9a-f-]{36})"/)![1]!;
  await postOk(owner, `${base}/matches/${matchId}/stands`, {
    [`open_${standId}`]: 'on',
    [`price_${standId}_adult`]: '10',
    [`price_${standId}_child`]: '0',
  });
  await postOk(owner, `${base}/matches/${matchId}/status`, { status: 'on_sale' });
  const [opened] = await t.runtime.deps.db.select().from(matchStand).where(eq(matchStand.matchId, matchId));
  return { matchId, venueId, standId, matchStandId: opened!.id };
}

/** The tickets a club may tick for a refund on an order's page, as the page offers them (first ticket first). */
export async function refundableTickets(client: TestClient, base: string, orderId: string): Promise<string[]> {
  const html = await (await client.get(`${base}/orders/${orderId}`)).text();
  return [...html.matchAll(/<input type="checkbox" name="ticket\[\]" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
}

/** A signed-in buyer's order of `quantity` adult tickets, paid on the demo payment page: the paid order. */
export async function buyAndPay(t: TestApp, buyer: TestClient, matchId: string, matchStandId: string, quantity: number) {
  const checkout = await buyer.post(`/matches/${matchId}/checkout`, { [`q_${matchStandId}_adult`]: String(quantity) });
  const sessionPath = new URL(checkout.headers.get('location')!).pathname;
  await buyer.post(`${sessionPath}/pay`, {});
  const [paid] = await t.runtime.deps.db
    .select()
    .from(order)
    .where(eq(order.providerSessionId, sessionPath.split('/').at(-1)!));
  return paid!;
}
