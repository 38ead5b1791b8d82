import type { Executor } from '../../db/client.ts';
import { type Outbox, QUEUES, stableJobId } from '../outbox.ts';

/** The friend's mail of a lent seat: the tickets mail of that one ticket (a job: SMTP never blocks the loan). */
export async function sendLoanMail(tx: Executor, outbox: Outbox, loan: { orderId: string; ticketId: string }) {
  await outbox.send(
    tx,
    QUEUES.ticketsMail,
    { orderId: loan.orderId, ticketId: loan.ticketId, loan: true },
    { id: stableJobId(`loan-mail:${loan.ticketId}`) },
  );
}
