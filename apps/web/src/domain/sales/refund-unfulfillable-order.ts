import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { order } from '../../db/schema/index.ts';
import { isLocale } from '../../i18n/index.ts';
import { renderMail } from '../../integrations/mail/templates.ts';
import type { PaymentProvider } from '../../integrations/payments/provider.ts';
import { type Outbox, QUEUES } from '../../jobs/jobs.ts';

/**
 * A payment that completed after its hold lapsed, when the seats were sold meanwhile: never
 * oversold, never paid without tickets — the whole amount goes back and the buyer is told.
 */
export async function refundUnfulfillableOrder(
  tx: Tx,
  payments: PaymentProvider,
  outbox: Outbox,
  input: { sessionId: string; paymentId: string | null; baseURL: string; locale?: string | null },
) {
  const [refunded] = await tx
    .update(order)
    .set({ status: 'refunded', providerPaymentId: input.paymentId, refundedCents: sql`${order.totalCents}` })
    .where(and(eq(order.providerSessionId, input.sessionId), inArray(order.status, ['pending', 'expired', 'cancelled'])))
    .returning();
  if (!refunded) return null; // already handled
  await payments.refund(tx, {
    sessionId: input.sessionId,
    paymentId: input.paymentId,
    amountCents: refunded.totalCents,
    idempotencyKey: `refund-unfulfillable-${refunded.id}`,
  });
  const locale = isLocale(input.locale) ? input.locale : undefined;
  await outbox.send(tx, QUEUES.mail, {
    to: refunded.email,
    ...renderMail('seatsGone', locale, { url: `${input.baseURL}/matches/${refunded.matchId}`, reference: refunded.reference }),
  });
  return refunded;
}
