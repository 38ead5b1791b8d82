import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { match, matchStand, order, scan, stand, ticket } from '../../db/schema/index.ts';
import { takeGateSeats } from '../boxoffice/take-gate-seats.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { notEnoughSeats } from '../guests/take-allowance.ts';
import { newReference, orderItemsCte } from '../sales/place-order.ts';
import { issueTickets } from '../tickets/issue-tickets.ts';
import { firstAnswer, recordScan } from './redeem-ticket.ts';

/**
 * One child entering free ("children under N enter free", a setting of the match), counted by one tap
 * of a steward's device on a stand: one seat taken by the guarded statement (invariant 1; refused with
 * stand_full when the stand has none left), a free order (channel 'free_entry', category "child"), one
 * ticket issued and admitted at once, and the scan logged with the device. The tap's nonce makes a
 * repeat harmless: the scan's log entry is written first, so the same tap sent twice takes one seat.
 * A tap counted offline (`countedAt`) takes one of the seats the device reserved while online instead
 * (its quota), so that offline free entries stay within the stand too.
 */
export async function countFreeEntry(
  tx: Tx,
  { config, outbox, now = new Date() }: Ctx<'config' | 'outbox' | 'now'>,
  input: {
    clubId: string;
    matchId: string;
    deviceId: string;
    standId: string;
    nonce: string;
    standIds: readonly string[] | null;
    /** Counted offline at this time (the device's clock): the seat comes from the device's quota. */
    countedAt?: Date;
  },
) {
  // A device clock ahead of the server's cannot put an entry in the future.
  const at = input.countedAt && input.countedAt.getTime() < now.getTime() ? input.countedAt : now;
  const scanInput = {
    clubId: input.clubId,
    matchId: input.matchId,
    deviceId: input.deviceId,
    nonce: input.nonce,
    code: `free-entry:${input.standId}`,
    standIds: input.standIds,
    gatesOpenAt: null,
  };
  const seen = await firstAnswer(tx, scanInput);
  if (seen) return { repeated: true, ticketId: seen.ticketId };
  const [m] = await tx
    .select({ freeEntryUnder: match.freeEntryUnder, status: match.status, matchStandId: matchStand.id, stand: stand.name })
    .from(match)
    .innerJoin(matchStand, and(eq(matchStand.matchId, match.id), eq(matchStand.standId, input.standId)))
    .innerJoin(stand, eq(stand.id, matchStand.standId))
    .where(and(eq(match.id, input.matchId), eq(match.clubId, input.clubId)));
  if (!m || m.status === 'cancelled') throw new DomainError('not_found');
  if (input.standIds && !input.standIds.includes(input.standId)) throw new DomainError('forbidden');
  // One counted offline while free entries were on is taken even if they were switched off since: the child is in.
  if (m.freeEntryUnder === null && !input.countedAt) throw new DomainError('free_entry_off');
  // The log entry first: a tap sent twice at once waits here for the first, then replays it.
  const offline = input.countedAt ? { offline: true, deviceResult: 'ok' as const } : {};
  const repeat = await recordScan(tx, scanInput, { result: 'ok', ticketId: null }, { scannedAt: at, ...offline });
  if (repeat) return { repeated: true, ticketId: repeat.ticketId };
  // Counted offline: one of the seats the device kept (its quota, as an offline cash sale takes them).
  const seat = { deviceId: input.deviceId, matchId: input.matchId, matchStandId: m.matchStandId, standName: m.stand, quantity: 1 };
  if (input.countedAt) await takeGateSeats(tx, { ...seat, mode: 'offline' });
  else await takeFromStand(tx, m.matchStandId, m.stand);
  const orderId = randomUUID();
  const items = orderItemsCte(tx, input.clubId, orderId, [
    { matchStandId: m.matchStandId, category: 'child', unitPriceCents: 0, quantity: 1 },
  ]);
  await tx.with(items).insert(order).values({
    id: orderId,
    clubId: input.clubId,
    matchId: input.matchId,
    email: '',
    reference: newReference(),
    status: 'paid',
    subtotalCents: 0,
    feeCents: 0,
    totalCents: 0,
    channel: 'free_entry',
    provider: 'free',
    holdExpiresAt: now,
    paidAt: now,
  });
  await issueTickets(tx, outbox, orderId, config.ticketSealingKey, { mail: false });
  const [admitted] = await tx
    .update(ticket)
    .set({ usedAt: at, usedByDevice: input.deviceId })
    .where(and(eq(ticket.orderId, orderId), isNull(ticket.usedAt)))
    .returning({ id: ticket.id });
  await tx
    .update(scan)
    .set({ ticketId: admitted!.id })
    .where(and(eq(scan.deviceId, input.deviceId), eq(scan.nonce, input.nonce)));
  return { repeated: false, ticketId: admitted!.id };
}

/** One seat of the stand, by the guarded statement every channel uses (invariant 1). */
async function takeFromStand(tx: Tx, matchStandId: string, standName: string) {
  const [taken] = await tx
    .update(matchStand)
    .set({ sold: sql`${matchStand.sold} + 1` })
    .where(and(eq(matchStand.id, matchStandId), sql`${matchStand.sold} + ${matchStand.held} + 1 <= ${matchStand.cap}`))
    .returning({ id: matchStand.id });
  if (!taken) {
    const full = await notEnoughSeats(tx, matchStandId);
    throw new DomainError('stand_full', { stand: full.params.stand ?? standName });
  }
}
