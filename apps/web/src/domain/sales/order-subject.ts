import { alias } from 'drizzle-orm/pg-core';
import { seasonProduct, stand } from '../../db/schema/index.ts';
import { seasonProductTitle } from '../seasons/season-rules.ts';

// What an order bought: a match's tickets, or a season product's passes (decision 021). Lists and pages
// of orders left-join both and show whichever it is.

/** The season product's stand, joined beside a match stand's own. */
export const productStand = alias(stand, 'product_stand');

/** Columns naming an order's season product (all null for a match order); join seasonProduct and productStand. */
export const seasonColumns = { seasonName: seasonProduct.name, seasonLabel: seasonProduct.season, seasonStand: productStand.name };

/** The product's title from those columns, or null for a match order. */
export const seasonTitleOf = (r: { seasonName: string | null; seasonLabel: string | null; seasonStand: string | null }) =>
  r.seasonName && r.seasonLabel && r.seasonStand
    ? seasonProductTitle({ name: r.seasonName, season: r.seasonLabel, stand: r.seasonStand })
    : null;

/** The public page of what an order bought: its match, or its season product. */
export const orderSubjectPath = (o: { matchId: string | null; seasonProductId: string | null }) =>
  o.matchId ? `/matches/${o.matchId}` : `/seasons/${o.seasonProductId}`;

/** Where a refund mail sends its reader: the order in their account; a guest's order has no page there (their private link is in the tickets mail). */
export const refundMailUrl = (
  baseURL: string,
  o: { userId: string | null; reference: string; matchId: string | null; seasonProductId: string | null },
) => (o.userId ? `${baseURL}/account/orders/${o.reference}` : `${baseURL}${orderSubjectPath(o)}`);
