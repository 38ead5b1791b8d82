import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { guest, guestList, guestListStand, matchStand, order, ticket } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';

/**
 * Takes a guest off their list, until they are used: their tickets are revoked (the gate refuses them
 * from now on) and their places go back to the list's allowance (sold → held on the stand row). A guest
 * any of whose places entered cannot be removed (guest_entered): the revocation and the admission both
 * change the ticket rows, so of the two racing, either the entry is seen here or the gate refuses it.
 */
export async function removeGuest(tx: Tx, { now = new Date() }: Ctx<'now'>, input: { actor: Actor; clubId: string; guestId: string }) {
  const { clubId } = input;
  const [found] = await tx
    .select({
      id: guest.id,
      name: guest.name,
      places: guest.places,
      orderId: guest.orderId,
      matchId: guest.matchId,
      listStandId: guest.guestListStandId,
      list: guestList.name,
    })
    .from(guest)
    .innerJoin(guestList, eq(guestList.id, guest.guestListId))
    .where(and(eq(guest.id, input.guestId), eq(guest.clubId, clubId)))
    .for('update', { of: guest });
  if (!found) throw new DomainError('not_found');
  await tx
    .update(ticket)
    .set({ status: 'revoked', revokedAt: now })
    .where(and(eq(ticket.orderId, found.orderId), eq(ticket.status, 'valid'), isNull(ticket.usedAt)));
  const [entered] = await tx
    .select({ id: ticket.id })
    .from(ticket)
    .where(and(eq(ticket.orderId, found.orderId), isNotNull(ticket.usedAt)))
    .limit(1);
  if (entered) throw new DomainError('guest_entered', { name: found.name }); // rolls the revocation back
  const [back] = await tx
    .update(guestListStand)
    .set({ used: sql`${guestListStand.used} - ${found.places}` })
    .where(eq(guestListStand.id, found.listStandId))
    .returning({ matchStandId: guestListStand.matchStandId });
  await tx
    .update(matchStand)
    .set({ held: sql`${matchStand.held} + ${found.places}`, sold: sql`${matchStand.sold} - ${found.places}` })
    .where(eq(matchStand.id, back!.matchStandId));
  await tx.update(order).set({ status: 'cancelled' }).where(eq(order.id, found.orderId));
  await tx.delete(guest).where(eq(guest.id, found.id));
  await recordActivity(tx, {
    clubId,
    actor: input.actor,
    action: 'guests.removed',
    subject: { matchId: found.matchId },
    details: { list: found.list, name: found.name, places: found.places },
  });
}
