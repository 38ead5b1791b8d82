/**
 * A match as one buyer may buy it: the `member` price of its stands only for a member (isMember), so
 * nobody else sees it on the page or gets it priced in a basket (priceBasket prices only the
 * categories the match offers). placeOrder checks it again when the order is placed.
 */
export function offerMemberPrices<M extends { stands: { prices: { category: string }[] }[] }>(m: M, member: boolean): M {
  if (member) return m;
  return { ...m, stands: m.stands.map((s) => ({ ...s, prices: s.prices.filter((p) => p.category !== 'member') })) };
}
