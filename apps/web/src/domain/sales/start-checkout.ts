import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { order } from '../../db/schema/index.ts';
import type { Ctx } from '../context.ts';
import { chargedCents } from '../credit/find-credit-balance.ts';
import { DomainError } from '../errors.ts';
import { placeSeasonOrder, type SeasonLine } from '../seasons/place-season-order.ts';
import { cancelPendingOrder } from './cancel-pending-order.ts';
import { guestOrderPath } from './guest-link.ts';
import { type Buyer, NotEnoughSeats, type OrderLine, placeOrder } from './place-order.ts';
import { releaseExpiredOrders } from './release-expired-orders.ts';

/** What a checkout places: a match's tickets, or a season product's passes (decision 021). */
type CheckoutInput = { actor: Buyer; matchId: string; lines: OrderLine[] } | { actor: Buyer; productId: string; lines: SeasonLine[] };

/**
 * A buyer's checkout from the match page (or a season product's page): the seats are held in a short transaction, then the payment
 * session is created after the commit, so that no call to the provider ever happens while a stand row
 * is locked. A free order is issued at once. If the provider fails, the seats go back at once.
 */
export async function startCheckout(
  db: Db,
  ctx: Ctx<'payments' | 'outbox' | 'config' | 'baseURL' | 'now'>,
  input: CheckoutInput,
): Promise<{ paid: boolean; reference: string; orderPath: string; url: string }> {
  const { payments, outbox } = ctx;
  const place = () => db.transaction((tx) => ('matchId' in input ? placeOrder(tx, ctx, input) : placeSeasonOrder(tx, ctx, input)));
  const placed = await place().catch(async (error: unknown) => {
    // Lapsed holds are released by a job every minute, not by every order: a buyer refused for seats
    // that only lapsed holds keep has them released (in a transaction of its own) and tries once more.
    // (A season order spans matches: every lapsed hold is released, once, when it is refused.)
    const lapsed = error instanceof NotEnoughSeats ? error.lapsed > 0 : error instanceof DomainError && error.code === 'season_sold_out';
    if (!lapsed) throw error;
    const matchId = 'matchId' in input ? input.matchId : undefined;
    const released = await db.transaction((tx) =>
      releaseExpiredOrders(tx, { outbox, now: ctx.now }, { actor: { kind: 'system' }, matchId }),
    );
    if (released === 0 && !matchId) throw error;
    return place();
  });
  // A guest's order is seen through its private link, an account's in the account.
  const orderPath = placed.accessToken ? guestOrderPath(placed.accessToken) : `/account/orders/${placed.reference}`;
  const orderPage = `${ctx.baseURL}${orderPath}`;
  if (placed.status === 'paid') return { paid: true, reference: placed.reference, orderPath, url: orderPage };
  let session: { sessionId: string; url: string };
  try {
    session = await payments.createSession(db, {
      orderId: placed.id,
      reference: placed.reference,
      email: placed.email,
      lines: placed.paymentLines,
      destinationAccountId: placed.destinationAccountId,
      totalCents: chargedCents(placed),
      feeCents: placed.feeCents,
      holdExpiresAt: placed.holdExpiresAt,
      successUrl: orderPage,
      cancelUrl: orderPage, // a page with a button to give up; no change on a GET
    });
  } catch (error) {
    await db.transaction((tx) => cancelPendingOrder(tx, { outbox }, { actor: { kind: 'system' }, order: { orderId: placed.id } }));
    throw error;
  }
  await db.update(order).set({ providerSessionId: session.sessionId }).where(eq(order.id, placed.id));
  return { paid: false, reference: placed.reference, orderPath, url: session.url };
}
