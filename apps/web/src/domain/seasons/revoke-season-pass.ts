import { and, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { match, order, seasonPass, seasonProduct, ticket, user } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import { PLAYED_AFTER_MS } from '../catalog/match-status.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { revokeTickets } from '../tickets/revoke-tickets.ts';

/**
 * A pass revoked by the club: the pass itself, and its valid ticket rows on every match not yet played,
 * so its code stops at once online, and offline after the next sync (as any revoked ticket). Played
 * matches keep their history. The money is a refund's business (the order's page). Revoking twice is a no-op.
 */
export async function revokeSeasonPass(
  tx: Tx,
  { now = new Date() }: Ctx<'now'>,
  input: { actor: Actor; clubId: string; passId: string; reason: string },
): Promise<{ tickets: number }> {
  const { clubId, passId } = input;
  const [pass] = await tx
    .select({
      id: seasonPass.id,
      status: seasonPass.status,
      orderId: seasonPass.orderId,
      shortCode: seasonPass.shortCode,
      product: seasonProduct.name,
      holder: sql<string>`coalesce(${order.buyerName}, ${user.name}, ${order.email})`,
    })
    .from(seasonPass)
    .innerJoin(seasonProduct, eq(seasonProduct.id, seasonPass.productId))
    .innerJoin(order, eq(order.id, seasonPass.orderId))
    .leftJoin(user, eq(user.id, order.userId))
    .where(and(eq(seasonPass.id, passId), eq(seasonPass.clubId, clubId)))
    .for('update', { of: seasonPass });
  if (!pass) throw new DomainError('not_found');
  if (pass.status === 'revoked') return { tickets: 0 };
  await tx.update(seasonPass).set({ status: 'revoked', revokedAt: now }).where(eq(seasonPass.id, passId));
  const future = await tx
    .select({ id: ticket.id })
    .from(ticket)
    .innerJoin(match, eq(match.id, ticket.matchId))
    .where(
      and(eq(ticket.seasonPassId, passId), eq(ticket.status, 'valid'), gt(match.kickoffAt, new Date(now.getTime() - PLAYED_AFTER_MS))),
    );
  await revokeTickets(tx, { ticketIds: future.map((t) => t.id) });
  await recordActivity(tx, {
    clubId,
    actor: input.actor,
    action: 'season.pass_revoked',
    subject: { orderId: pass.orderId },
    details: { product: pass.product, holder: pass.holder, pass: pass.shortCode, tickets: future.length, reason: input.reason },
  });
  return { tickets: future.length };
}
