import type { Executor } from '../../db/client.ts';
import { type Outbox, QUEUES } from '../outbox.ts';

/** E-mails an order's tickets again (the buyer asked, or the club did for them). */
export async function resendTickets(db: Executor, outbox: Outbox, orderId: string) {
  await outbox.send(db, QUEUES.ticketsMail, { orderId });
}
