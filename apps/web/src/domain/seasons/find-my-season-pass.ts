import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  match,
  matchStand,
  order,
  orderItem,
  organization,
  seasonGiveBack,
  seasonLoan,
  seasonPass,
  seasonProduct,
  seasonProductMatch,
  stand,
  supporterCredit,
  ticket,
  venue,
} from '../../db/schema/index.ts';
import { matchTitle } from '../catalog/match-title.ts';
import { isUuid } from '../ids.ts';
import { quoteGiveBack } from './quote-give-back.ts';

export type SeasonMatchState =
  | { kind: 'to_come' }
  | { kind: 'entered' }
  | { kind: 'missed' }
  | { kind: 'lent'; holder: string; undoable: boolean }
  | { kind: 'given_back'; creditCents: number; credited: boolean }
  | { kind: 'revoked' };

/**
 * A holder's pass as their page shows it: each covered match with what became of its seat (to come,
 * entered, lent to whom, given back and whether credited), the credit a give-back would earn, and
 * their credit balance at the club. Null when the pass is not of an order of theirs.
 */
export async function findMySeasonPass(db: Executor, userId: string, passId: string, now = new Date()) {
  if (!isUuid(passId)) return null;
  const [pass] = await db
    .select({
      id: seasonPass.id,
      clubId: seasonPass.clubId,
      club: organization.name,
      productId: seasonPass.productId,
      product: seasonProduct.name,
      season: seasonProduct.season,
      stand: stand.name,
      category: orderItem.category,
      status: seasonPass.status,
      code: seasonPass.code,
      shortCode: seasonPass.shortCode,
      reference: order.reference,
    })
    .from(seasonPass)
    .innerJoin(order, eq(order.id, seasonPass.orderId))
    .innerJoin(orderItem, eq(orderItem.id, seasonPass.orderItemId))
    .innerJoin(seasonProduct, eq(seasonProduct.id, seasonPass.productId))
    .innerJoin(stand, eq(stand.id, seasonProduct.standId))
    .innerJoin(organization, eq(organization.id, seasonPass.clubId))
    .where(and(eq(seasonPass.id, passId), eq(order.userId, userId)));
  if (!pass) return null;
  const [matches, rows, loans, givenBack, [balance], quote] = await Promise.all([
    db
      .select({
        id: match.id,
        kickoffAt: match.kickoffAt,
        status: match.status,
        isHome: match.isHome,
        opponent: match.opponentName,
        venue: venue.name,
        street: venue.street,
        postalCode: venue.postalCode,
        commune: venue.commune,
      })
      .from(seasonProductMatch)
      .innerJoin(match, eq(match.id, seasonProductMatch.matchId))
      .leftJoin(venue, eq(venue.id, match.venueId))
      .where(eq(seasonProductMatch.productId, pass.productId))
      .orderBy(asc(match.kickoffAt)),
    db
      .select({ matchId: ticket.matchId, status: ticket.status, usedAt: ticket.usedAt, createdAt: ticket.createdAt })
      .from(ticket)
      .where(eq(ticket.seasonPassId, pass.id))
      .orderBy(asc(ticket.createdAt)),
    db
      .select({ matchId: seasonLoan.matchId, email: seasonLoan.email, name: seasonLoan.name, status: ticket.status, usedAt: ticket.usedAt })
      .from(seasonLoan)
      .innerJoin(ticket, eq(ticket.id, seasonLoan.ticketId))
      .where(and(eq(seasonLoan.passId, pass.id), sql`${seasonLoan.undoneAt} is null`)),
    db
      .select({ matchId: matchStand.matchId, creditCents: seasonGiveBack.creditCents, creditedAt: seasonGiveBack.creditedAt })
      .from(seasonGiveBack)
      .innerJoin(matchStand, eq(matchStand.id, seasonGiveBack.matchStandId))
      .where(eq(seasonGiveBack.passId, pass.id)),
    db
      .select({ cents: sql<number>`coalesce(sum(${supporterCredit.amountCents}), 0)::int` })
      .from(supporterCredit)
      .where(and(eq(supporterCredit.userId, userId), eq(supporterCredit.clubId, pass.clubId))),
    quoteGiveBack(db, pass),
  ]);
  return {
    ...pass,
    creditCents: balance?.cents ?? 0,
    giveBackCents: quote,
    matches: matches.map((m) => {
      const started = m.kickoffAt.getTime() <= now.getTime() || m.status === 'played' || m.status === 'cancelled';
      // The row the season code stands for there: the valid one, else the latest.
      const mine = rows.filter((r) => r.matchId === m.id);
      const row = mine.find((r) => r.status === 'valid') ?? mine.at(-1);
      const loan = loans.find((l) => l.matchId === m.id);
      const back = givenBack.find((g) => g.matchId === m.id);
      const state: SeasonMatchState = loan
        ? { kind: 'lent', holder: loan.name ?? loan.email, undoable: !started && loan.status === 'valid' && !loan.usedAt }
        : back
          ? { kind: 'given_back', creditCents: back.creditCents, credited: back.creditedAt !== null }
          : row?.usedAt
            ? { kind: 'entered' }
            : row?.status !== 'valid'
              ? { kind: 'revoked' }
              : started
                ? { kind: 'missed' }
                : { kind: 'to_come' };
      const { id, kickoffAt, venue, street, postalCode, commune } = m;
      const title = matchTitle(m.isHome, pass.club, m.opponent);
      // attending: the holder goes there with this pass (the pass's calendar lists it): not lent, given back or revoked.
      return { id, kickoffAt, title, state, attending: state.kind === 'to_come', venue, street, postalCode, commune };
    }),
  };
}
export type MySeasonPass = NonNullable<Awaited<ReturnType<typeof findMySeasonPass>>>;
