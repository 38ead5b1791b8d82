import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.ts';
import { boxOfficeSale, order, type SaleCategory } from '../../db/schema/index.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { guestOrderToken, guestTokenHash } from '../sales/guest-link.ts';
import { newReference, orderItemsCte } from '../sales/place-order.ts';
import { creditGiveBacks } from '../seasons/credit-give-backs.ts';
import { issueTickets } from '../tickets/issue-tickets.ts';
import { admitOrderTickets } from './admit-order-tickets.ts';
import { lockGateMatch, priceGateLines } from './gate-match.ts';
import { type GateDevice, requireSeller } from './gate-seller.ts';
import { openShift } from './open-shift.ts';
import { takeGateSeats } from './take-gate-seats.ts';

/** A box office device acting: the sale is its act (as a scan is), whoever holds it. */
export interface DeviceActor {
  kind: 'device';
  device: GateDevice;
}

export interface GateLine {
  matchStandId: string;
  category: SaleCategory;
  quantity: number;
}

export type GateSaleInput = {
  actor: DeviceActor;
  matchId: string;
  lines: GateLine[];
  /** The device's own id for this sale: the same sale sent again (a retry, a replayed upload) is recorded once. */
  clientSaleId: string;
} & ({ method: 'cash'; offline?: { soldAt: Date } } | { method: 'phone' });

/**
 * A sale at the gate by a device the club lets sell (else forbidden), with the match's prices, against
 * the steward's shift (opened by its first sale).
 * - cash: paid at once (channel box_office, provider cash, no FootArena fee), tickets issued and the
 *   people admitted by the same guarded admission as a scan, logged with the device. Offline sales,
 *   uploaded later, come only from the device's quota (takeGateSeats).
 * - phone: the seats are held and the order waits for the buyer to pay on their own phone, through
 *   the private page of the returned token (the checkout of a guest order); fulfilment then admits.
 */
export async function sellAtGate(
  tx: Tx,
  { outbox, config, payments, baseURL, now = new Date() }: Ctx<'outbox' | 'config' | 'payments' | 'baseURL' | 'now'>,
  input: GateSaleInput,
) {
  const dev = input.actor.device;
  await requireSeller(tx, dev);
  // One device's retries of one sale go one at a time: the second finds the first's record.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`gate-sale:${dev.id}:${input.clientSaleId}`}, 0))`);
  const [already] = await tx
    .select({ orderId: boxOfficeSale.orderId })
    .from(boxOfficeSale)
    .where(and(eq(boxOfficeSale.deviceId, dev.id), eq(boxOfficeSale.clientSaleId, input.clientSaleId)));
  if (already) return { ...(await saleAnswer(tx, already.orderId, config.ticketSealingKey)), replayed: true };

  const offline = input.method === 'cash' ? input.offline : undefined;
  // An offline sale happened: it is recorded unless the match was cancelled, even after the sale closed.
  const m = await lockGateMatch(tx, dev, input.matchId, now, { selling: !offline });
  const { priced, perStand, subtotalCents } = priceGateLines(m.prices, input.lines);
  const shift = await openShift(tx, dev, m.id, now);
  // Nothing to pay (free categories only): no payment page, the people go in as for cash.
  const method = subtotalCents === 0 ? 'cash' : input.method;
  const mode = method === 'phone' ? 'hold' : offline ? 'offline' : 'sell';
  for (const s of perStand) await takeGateSeats(tx, { deviceId: dev.id, matchId: m.id, ...s, mode });

  const orderId = randomUUID();
  const soldAt = offline ? new Date(Math.min(offline.soldAt.getTime(), now.getTime())) : now;
  const cash = method === 'cash';
  const items = orderItemsCte(tx, m.clubId, orderId, priced);
  await tx
    .with(items)
    .insert(order)
    .values({
      id: orderId,
      clubId: m.clubId,
      matchId: m.id,
      // Nobody to mail yet: the buyer may give an address on the payment page.
      email: '',
      // A basket paid on the phone is reached through a private link, as a guest's order.
      accessTokenHash: cash ? null : guestTokenHash(guestOrderToken(orderId, config.ticketSealingKey)),
      reference: newReference(),
      status: cash ? 'paid' : 'pending',
      subtotalCents,
      // FootArena's fee is on online payments only (decision 018): none at the gate.
      feeCents: 0,
      totalCents: subtotalCents,
      channel: 'box_office',
      provider: cash ? 'cash' : payments.kind,
      holdExpiresAt: cash ? soldAt : new Date(now.getTime() + config.holdMinutes * 60_000),
      paidAt: cash ? soldAt : null,
      createdAt: soldAt,
    });
  await tx.insert(boxOfficeSale).values({
    orderId,
    clubId: m.clubId,
    matchId: m.id,
    shiftId: shift.id,
    deviceId: dev.id,
    method,
    clientSaleId: input.clientSaleId,
    offline: Boolean(offline),
    soldAt,
  });
  if (cash) {
    await issueTickets(tx, outbox, orderId, config.ticketSealingKey);
    await admitOrderTickets(tx, { orderId, deviceId: dev.id, at: soldAt, offline: Boolean(offline) });
    // Seats season holders gave back and this sale took earn them their credit, as an online sale's do
    // (a sale by phone is credited at its fulfilment).
    if (subtotalCents > 0)
      await creditGiveBacks(
        tx,
        { outbox, baseURL },
        perStand.map((s) => s.matchStandId),
      );
  }
  return { ...(await saleAnswer(tx, orderId, config.ticketSealingKey)), replayed: false };
}

/** What the steward's screen shows of a sale: its state, money, tickets and how many are admitted. */
export async function saleAnswer(db: Executor, orderId: string, sealingKey: Buffer, deviceId?: string) {
  const row = await findGateSaleRow(db, orderId);
  // A device sees only its own sales (and so its club's).
  if (!row || (deviceId !== undefined && row.deviceId !== deviceId)) throw new DomainError('not_found');
  return { ...row, payToken: row.method === 'phone' ? guestOrderToken(orderId, sealingKey) : null };
}

async function findGateSaleRow(db: Executor, orderId: string) {
  const [row] = await db
    .select({
      orderId: order.id,
      reference: order.reference,
      status: order.status,
      totalCents: order.totalCents,
      method: boxOfficeSale.method,
      clubId: order.clubId,
      deviceId: boxOfficeSale.deviceId,
      tickets: sql<number>`(select count(*)::int from ticket t where t.order_id = ${order.id} and t.status = 'valid')`,
      admitted: sql<number>`(select count(*)::int from ticket t where t.order_id = ${order.id} and t.used_at is not null)`,
    })
    .from(order)
    .innerJoin(boxOfficeSale, eq(boxOfficeSale.orderId, order.id))
    .where(eq(order.id, orderId));
  return row;
}
