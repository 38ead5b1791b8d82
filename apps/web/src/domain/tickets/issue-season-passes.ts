import { randomUUID } from 'node:crypto';
import { sign } from '@footarena/ticket-code';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { matchStand, orderItem, seasonOrderSeat, seasonPass } from '../../db/schema/index.ts';
import { insertSeasonPasses, insertTickets } from './insert-tickets.ts';

/**
 * The passes of a paid season order (decision 021): one signed code per seat for the season (the pass
 * id as ticket id, the product id as match id), and on every match whose seat the order took, an
 * ordinary ticket row of that pass, which carries that match's entry. Safe to call twice.
 */
export async function issueSeasonPasses(
  tx: Tx,
  paid: { id: string; clubId: string; seasonProductId: string },
  key: { keyId: string; privateKey: string },
): Promise<number> {
  const existing = await tx.select({ id: seasonPass.id }).from(seasonPass).where(eq(seasonPass.orderId, paid.id)).limit(1);
  if (existing.length > 0) return 0;
  const items = await tx.select().from(orderItem).where(eq(orderItem.orderId, paid.id));
  const matches = await tx
    .select({ matchId: matchStand.matchId })
    .from(seasonOrderSeat)
    .innerJoin(matchStand, eq(matchStand.id, seasonOrderSeat.matchStandId))
    .where(eq(seasonOrderSeat.orderId, paid.id));
  const passes = items.flatMap((item) =>
    Array.from({ length: item.quantity - item.refundedQuantity }, () => {
      const id = randomUUID();
      return {
        id,
        clubId: paid.clubId,
        productId: paid.seasonProductId,
        orderId: paid.id,
        orderItemId: item.id,
        keyId: key.keyId,
        code: sign({ keyId: key.keyId, ticketId: id, matchId: paid.seasonProductId }, key.privateKey),
      };
    }),
  );
  if (passes.length === 0) return 0;
  await insertSeasonPasses(tx, passes);
  await insertTickets(
    tx,
    passes.flatMap((pass) => matches.map(({ matchId }) => seasonTicketRow(pass, matchId, key))),
  );
  return passes.length;
}

/** A pass's ticket row on one match: a seat of its own on that match, the pass's code at the gate. */
export function seasonTicketRow(
  pass: { id: string; clubId: string; orderId: string; orderItemId: string },
  matchId: string,
  key: { keyId: string; privateKey: string },
  seatId?: string,
) {
  const id = randomUUID();
  return {
    id,
    seatId: seatId ?? id,
    clubId: pass.clubId,
    matchId,
    orderId: pass.orderId,
    orderItemId: pass.orderItemId,
    keyId: key.keyId,
    code: sign({ keyId: key.keyId, ticketId: id, matchId }, key.privateKey),
    seasonPassId: pass.id,
  };
}
