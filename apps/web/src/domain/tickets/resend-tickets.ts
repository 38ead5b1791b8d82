import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { order } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { QUEUES } from '../outbox.ts';

/** E-mails a paid order's tickets again (the buyer asked, or the club did for them). */
export async function resendTickets(tx: Tx, { outbox }: Ctx<'outbox'>, input: { actor: Actor; orderId: string }) {
  const [paid] = await tx
    .select({ clubId: order.clubId, matchId: order.matchId })
    .from(order)
    .where(and(eq(order.id, input.orderId), eq(order.status, 'paid')));
  if (!paid) throw new DomainError('not_found');
  await outbox.send(tx, QUEUES.ticketsMail, { orderId: input.orderId });
  await recordActivity(tx, {
    clubId: paid.clubId,
    actor: input.actor,
    action: 'order.tickets_resent',
    subject: { orderId: input.orderId, matchId: paid.matchId },
  });
}
