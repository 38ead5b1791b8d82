import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { guest, guestList, guestListStand, matchStand, order } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { guestOrderToken, guestTokenHash } from '../sales/guest-link.ts';
import { newReference, orderItemsCte } from '../sales/place-order.ts';
import { issueTickets } from '../tickets/issue-tickets.ts';

export interface NewGuest {
  name: string;
  email?: string | null;
  places: number;
}

/**
 * Guests of a list, in one stand of its allowance: all of them or none (an import is one call). The
 * places come out of the list's allowance by one guarded statement (refused with how many are left),
 * then move on the stand row from held to sold in one statement. Each guest gets a free order (channel
 * 'guest') with one signed ticket per place, category "guest": mailed like any buyer's when the guest
 * has an address (in `locale`, with the private link of a buyer without an account), else admitted by
 * name at the gate.
 */
export async function addGuests(
  tx: Tx,
  { outbox, config, now = new Date() }: Ctx<'outbox' | 'config' | 'now'>,
  input: {
    actor: Actor;
    clubId: string;
    guestListId: string;
    matchStandId: string;
    guests: NewGuest[];
    locale: string;
    imported?: boolean;
  },
): Promise<number> {
  const { clubId, guests } = input;
  const places = guests.reduce((sum, g) => sum + g.places, 0);
  if (guests.length === 0 || places <= 0) throw new DomainError('empty_order');
  const [list] = await tx
    .select({ id: guestList.id, matchId: guestList.matchId, name: guestList.name })
    .from(guestList)
    .where(and(eq(guestList.id, input.guestListId), eq(guestList.clubId, clubId)));
  if (!list) throw new DomainError('not_found');
  const [taken] = await tx
    .update(guestListStand)
    .set({ used: sql`${guestListStand.used} + ${places}` })
    .where(
      and(
        eq(guestListStand.guestListId, list.id),
        eq(guestListStand.matchStandId, input.matchStandId),
        eq(guestListStand.clubId, clubId),
        sql`${guestListStand.used} + ${places} <= ${guestListStand.allowance}`,
      ),
    )
    .returning({ id: guestListStand.id });
  if (!taken) {
    const [row] = await tx
      .select({ left: sql<number>`(${guestListStand.allowance} - ${guestListStand.used})::int` })
      .from(guestListStand)
      .where(and(eq(guestListStand.guestListId, list.id), eq(guestListStand.matchStandId, input.matchStandId)));
    throw new DomainError('guest_allowance_exceeded', { left: row?.left ?? 0, asked: places }, 'places');
  }
  // The allowance was held on the stand row: those seats are now sold (one statement, never below zero).
  const [moved] = await tx
    .update(matchStand)
    .set({ held: sql`${matchStand.held} - ${places}`, sold: sql`${matchStand.sold} + ${places}` })
    .where(and(eq(matchStand.id, input.matchStandId), eq(matchStand.clubId, clubId), sql`${matchStand.held} >= ${places}`))
    .returning({ id: matchStand.id });
  if (!moved) throw new DomainError('seats_gone');

  for (const g of guests) {
    const orderId = randomUUID();
    const email = g.email || null;
    const items = orderItemsCte(tx, clubId, orderId, [
      { matchStandId: input.matchStandId, category: 'guest', unitPriceCents: 0, quantity: g.places },
    ]);
    await tx
      .with(items)
      .insert(order)
      .values({
        id: orderId,
        clubId,
        matchId: list.matchId,
        email: email ?? '',
        buyerName: g.name,
        buyerLocale: input.locale,
        // Like a buyer without an account: the tickets mail links the order's private page.
        accessTokenHash: email ? guestTokenHash(guestOrderToken(orderId, config.ticketSealingKey)) : null,
        reference: newReference(),
        status: 'paid',
        subtotalCents: 0,
        feeCents: 0,
        totalCents: 0,
        channel: 'guest',
        provider: 'free',
        holdExpiresAt: now,
        paidAt: now,
      });
    await issueTickets(tx, outbox, orderId, config.ticketSealingKey, { mail: email !== null });
    await tx.insert(guest).values({
      clubId,
      matchId: list.matchId,
      guestListId: list.id,
      guestListStandId: taken.id,
      name: g.name,
      email,
      places: g.places,
      orderId,
    });
  }
  await recordActivity(tx, {
    clubId,
    actor: input.actor,
    action: input.imported ? 'guests.imported' : 'guests.added',
    subject: { matchId: list.matchId },
    details: { list: list.name, name: guests.length === 1 ? guests[0]!.name : undefined, count: guests.length, places },
  });
  return guests.length;
}
