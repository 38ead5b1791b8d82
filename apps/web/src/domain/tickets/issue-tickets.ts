import { randomUUID } from 'node:crypto';
import { sign } from '@footarena/ticket-code';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { order, orderItem, ticket } from '../../db/schema/index.ts';
import { type Outbox, QUEUES, stableJobId } from '../outbox.ts';
import { insertTickets } from './insert-tickets.ts';
import { issueSeasonPasses } from './issue-season-passes.ts';
import { activeSigningKey } from './signing-key.ts';

/**
 * One signed ticket per seat of a paid order, in the fulfilment's transaction, and the e-mail that
 * delivers them. Safe to call twice: an order that already has its tickets gets no more.
 */
export async function issueTickets(
  tx: Tx,
  outbox: Outbox,
  orderId: string,
  sealingKey: Buffer,
  /** mail: false for tickets nobody is mailed (a guest admitted by name, a free entry admitted at once). */
  { mail = true }: { mail?: boolean } = {},
): Promise<number> {
  const existing = await tx.select({ id: ticket.id }).from(ticket).where(eq(ticket.orderId, orderId)).limit(1);
  if (existing.length > 0) return 0;
  const [paid] = await tx
    .select({ clubId: order.clubId, matchId: order.matchId, seasonProductId: order.seasonProductId })
    .from(order)
    .where(eq(order.id, orderId));
  if (!paid) return 0;
  const key = await activeSigningKey(tx, paid.clubId, sealingKey);
  const { matchId, seasonProductId } = paid;
  const issued = matchId
    ? await issueMatchTickets(tx, { id: orderId, clubId: paid.clubId, matchId }, key)
    : await issueSeasonPasses(tx, { id: orderId, clubId: paid.clubId, seasonProductId: seasonProductId! }, key);
  // The buyer's e-mail with every ticket (QR images, PDF, calendar): a job, so an SMTP outage delays
  // it but never blocks or undoes the order.
  if (mail) await outbox.send(tx, QUEUES.ticketsMail, { orderId }, { id: stableJobId(`tickets-mail:${orderId}`) });
  return issued;
}

/** One ticket per seat of a match order's lines. */
async function issueMatchTickets(
  tx: Tx,
  paid: { id: string; clubId: string; matchId: string },
  key: { keyId: string; privateKey: string },
): Promise<number> {
  const { id: orderId, matchId } = paid;
  const items = await tx.select().from(orderItem).where(eq(orderItem.orderId, orderId));
  const rows = items.flatMap((item) =>
    Array.from({ length: item.quantity - item.refundedQuantity }, () => {
      const id = randomUUID();
      return {
        id,
        seatId: id,
        clubId: paid.clubId,
        matchId,
        orderId,
        orderItemId: item.id,
        keyId: key.keyId,
        code: sign({ keyId: key.keyId, ticketId: id, matchId }, key.privateKey),
      };
    }),
  );
  if (rows.length > 0) await insertTickets(tx, rows);
  return rows.length;
}
