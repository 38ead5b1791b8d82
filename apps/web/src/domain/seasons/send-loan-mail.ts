import type { Executor } from '../../db/client.ts';
import { type Outbox, QUEUES, stableJobId } from '../outbox.ts';

/** The friend's mail of a lent seat: the tickets mail of that one ticket (a job: SMTP never blocks the loan). */
export async function sendLoanMail(tx: Executor, outbox: Outbox, loan: { ticketId: string }) {
  await outbox.send(tx, QUEUES.ticketsMail, { lentTicketId: loan.ticketId }, { id: stableJobId(`loan-mail:${loan.ticketId}`) });
}
