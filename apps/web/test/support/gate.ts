import { randomUUID } from 'node:crypto';
import { sign } from '@footarena/ticket-code';
import type { Executor } from '../../src/db/client.ts';
import { order, orderItem, type PriceCategory } from '../../src/db/schema/index.ts';
import { insertTickets } from '../../src/domain/tickets/insert-tickets.ts';

/**
 * A paid order straight in the database (no checkout, no seats held): what the gate tests and the
 * redeem benchmark need behind the tickets they scan. Returns the order and its line ids, in order.
 */
export async function insertPaidOrder(
  db: Executor,
  input: {
    clubId: string;
    matchId: string;
    reference: string;
    lines: { matchStandId: string; category: PriceCategory; unitPriceCents: number; quantity: number }[];
  },
) {
  const { clubId, matchId, reference } = input;
  const [placed] = await db
    .insert(order)
    .values({
      clubId,
      matchId,
      email: 'fan@example.be',
      reference,
      status: 'paid',
      subtotalCents: 0,
      feeCents: 0,
      totalCents: 0,
      provider: 'free',
      holdExpiresAt: new Date(),
    })
    .returning({ id: order.id });
  const items = await db
    .insert(orderItem)
    .values(input.lines.map((line) => ({ clubId, orderId: placed!.id, ...line })))
    .returning({ id: orderItem.id });
  return { orderId: placed!.id, itemIds: items.map((i) => i.id) };
}

/** `n` valid tickets of an order line, signed with the club's key as fulfilment signs them. */
export async function insertSignedTickets(
  db: Executor,
  key: { keyId: string; privateKey: string },
  line: { clubId: string; matchId: string; orderId: string; orderItemId: string },
  n: number,
) {
  const rows = Array.from({ length: n }, () => {
    const id = randomUUID();
    return {
      id,
      seatId: id,
      ...line,
      keyId: key.keyId,
      code: sign({ keyId: key.keyId, ticketId: id, matchId: line.matchId }, key.privateKey),
    };
  });
  const inserted = [];
  for (let i = 0; i < rows.length; i += 1000) inserted.push(...(await insertTickets(db, rows.slice(i, i + 1000))));
  return inserted;
}
