import { createHash, createHmac } from 'node:crypto';

/**
 * A guest's private link to an order: the token is an HMAC of the order's id under the app's sealing
 * key, so that every mail about the order (tickets, a re-send) can carry the link, while the database
 * holds only its hash, to find the order by — the token itself is stored nowhere.
 */
export function guestOrderToken(orderId: string, key: Buffer): string {
  return createHmac('sha256', key).update(`guest-order:${orderId}`).digest('base64url');
}

export const guestTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Where a guest sees their order and its tickets. */
export const guestOrderPath = (token: string) => `/guest-orders/${token}`;

/** Where the buyer sees an order: a guest's private link, or the order in the account. */
export function buyerOrderPath(o: { id: string; reference: string; guest: boolean }, key: Buffer): string {
  return o.guest ? guestOrderPath(guestOrderToken(o.id, key)) : `/account/orders/${o.reference}`;
}
