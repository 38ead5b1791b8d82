import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { competition, organization, venue } from '../../db/schema/index.ts';
import { clubNameForms } from '../clubs/club-name.ts';
import { DomainError, type ErrorCode, throwAll } from '../errors.ts';
import { fromBrusselsLocal, toBrusselsLocal } from '../time.ts';
import { findOpponentClubs } from './find-opponent-clubs.ts';

export interface MatchInput {
  isHome: boolean;
  opponentName: string;
  /**
   * Which platform club the opponent is, when its name fits several (`findOpponentClubs`): one of
   * their ids, or "none". Not read otherwise, so a choice left over from another name is harmless.
   */
  opponentChoice?: string;
  competitionId: string;
  venueId?: string;
  kickoffAt: Date;
  gatesOpenAt?: Date;
  saleOpensAt?: Date;
  /** Defaults to the kick-off. */
  saleClosesAt?: Date;
  orderLimit: number;
  /** People may go out and come back in (the scanner's Exit mode); default no. */
  allowReentry?: boolean;
  /** Holders may pass their tickets on; default yes. */
  allowTransfers?: boolean;
  /** "Children under N enter free" (counted at the gate); absent: off. */
  freeEntryUnder?: number;
}

/**
 * The rules every match obeys, checked before it is written: returns the row values, with the
 * opponent linked to a club of the platform when its name points to exactly one (or the club chose
 * among several), and the sale closing at kick-off unless said otherwise.
 */
export async function checkMatch(db: Executor, clubId: string, input: MatchInput, now: Date) {
  // Every rule is checked before any is reported: the form shows all its problems at once.
  const problems: DomainError[] = [];
  const problem = (code: ErrorCode, field: string) => problems.push(new DomainError(code, {}, field));
  if (input.kickoffAt <= now) problem('kickoff_in_past', 'kickoffAt');
  if (input.gatesOpenAt && input.gatesOpenAt > input.kickoffAt) problem('gates_open_after_kickoff', 'gatesOpenAt');
  const saleClosesAt = input.saleClosesAt ?? input.kickoffAt;
  if (saleClosesAt > input.kickoffAt) problem('sale_closes_after_kickoff', 'saleClosesAt');
  if (input.saleOpensAt && input.saleOpensAt >= saleClosesAt) problem('sale_window_inverted', 'saleOpensAt');

  const [own] = await db.select({ name: organization.name }).from(organization).where(eq(organization.id, clubId));
  const opponents = await findOpponentClubs(db, clubId, input.opponentName);
  let opponentClubId = opponents.linked;
  if (own && clubNameForms(own.name).full === clubNameForms(input.opponentName).full) problem('opponent_is_self', 'opponentName');
  else if (opponents.ambiguous) {
    const choice = input.opponentChoice;
    if (choice === 'none') opponentClubId = null;
    else if (choice && opponents.candidates.some((club) => club.id === choice)) opponentClubId = choice;
    else problem('opponent_ambiguous', 'opponentChoice');
  }
  const [league] = await db.select({ id: competition.id }).from(competition).where(eq(competition.id, input.competitionId));
  if (!league) problem('not_found', 'competitionId');
  if (input.isHome && !input.venueId) problem('venue_required', 'venueId');
  if (input.venueId) {
    const [place] = await db
      .select({ id: venue.id })
      .from(venue)
      .where(and(eq(venue.id, input.venueId), eq(venue.clubId, clubId)));
    if (!place) problem('not_found', 'venueId');
  }
  throwAll(problems);
  return {
    isHome: input.isHome,
    opponentName: input.opponentName,
    opponentClubId,
    competitionId: input.competitionId,
    venueId: input.venueId ?? null,
    kickoffAt: input.kickoffAt,
    gatesOpenAt: input.gatesOpenAt ?? null,
    saleOpensAt: input.saleOpensAt ?? null,
    saleClosesAt,
    orderLimit: input.orderLimit,
    allowReentry: input.allowReentry ?? false,
    allowTransfers: input.allowTransfers ?? true,
    freeEntryUnder: input.freeEntryUnder ?? null,
  };
}

/**
 * The kick-off a new match's form proposes: the first Sunday at 15:00, Brussels time, at least three
 * days ahead (amateur football's usual slot, and time enough to sell).
 */
export function suggestedKickoff(now: Date): Date {
  const day = new Date(`${toBrusselsLocal(now).slice(0, 10)}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 3);
  day.setUTCDate(day.getUTCDate() + ((7 - day.getUTCDay()) % 7));
  return fromBrusselsLocal(`${day.toISOString().slice(0, 10)}T15:00`);
}
