import { randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { demoPayment } from '../../db/schema/index.ts';
import type { PaymentProvider } from '../../domain/sales/payment-provider.ts';

/** The demo provider: a checkout page of our own, clearly marked, where the buyer pays or cancels. */
export function createDemoProvider(baseURL: string): PaymentProvider & {
  pay(db: Parameters<PaymentProvider['retrieveSession']>[0], sessionId: string, now?: Date): Promise<boolean>;
} {
  return {
    kind: 'demo',
    async createSession(db, request) {
      const sessionId = `demo_${randomBytes(18).toString('base64url')}`;
      await db
        .insert(demoPayment)
        .values({ sessionId, orderId: request.orderId, amountCents: request.totalCents, expiresAt: request.holdExpiresAt });
      return { sessionId, url: `${baseURL}/demo-pay/${sessionId}` };
    },
    async retrieveSession(db, sessionId) {
      const [session] = await db.select().from(demoPayment).where(eq(demoPayment.sessionId, sessionId));
      return session ? { paid: session.status === 'paid', amountCents: session.amountCents, orderId: session.orderId } : null;
    },
    async expireSession(db, sessionId) {
      await db
        .update(demoPayment)
        .set({ status: 'expired' })
        .where(and(eq(demoPayment.sessionId, sessionId), eq(demoPayment.status, 'open')));
    },
    async refund() {
      // No money moved, none to give back: the order's own state records the refund.
    },
    /** The buyer pressed "pay": an open, unexpired session becomes paid (once). */
    async pay(db, sessionId, now = new Date()) {
      const paid = await db
        .update(demoPayment)
        .set({ status: 'paid' })
        .where(and(eq(demoPayment.sessionId, sessionId), eq(demoPayment.status, 'open'), gt(demoPayment.expiresAt, now)))
        .returning({ id: demoPayment.sessionId });
      return paid.length > 0;
    },
  };
}

export type DemoProvider = ReturnType<typeof createDemoProvider>;
