import { and, asc, eq, gte, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { match, matchStand, organization, stand } from '../../db/schema/index.ts';
import { matchTitle } from '../catalog/match-title.ts';

/** Matches stay on a scanner's list until this long after kick-off (late arrivals, second half). */
const AFTER_KICKOFF_MS = 12 * 60 * 60_000;

export interface DeviceScope {
  clubId: string;
  matchIds: readonly string[] | null;
  standIds: readonly string[] | null;
}

/** The club's home matches a device may admit for, current and upcoming, with the stands it may admit. */
export async function listDeviceMatches(db: Executor, scope: DeviceScope, now = new Date()) {
  const matches = await db
    .select({
      id: match.id,
      isHome: match.isHome,
      club: organization.name,
      opponent: match.opponentName,
      kickoffAt: match.kickoffAt,
      gatesOpenAt: match.gatesOpenAt,
      freeEntryUnder: match.freeEntryUnder,
    })
    .from(match)
    .innerJoin(organization, eq(organization.id, match.clubId))
    .where(
      and(
        eq(match.clubId, scope.clubId),
        eq(match.isHome, true),
        ne(match.status, 'cancelled'),
        gte(match.kickoffAt, new Date(now.getTime() - AFTER_KICKOFF_MS)),
        scope.matchIds ? inArray(match.id, [...scope.matchIds]) : undefined,
      ),
    )
    .orderBy(asc(match.kickoffAt))
    .limit(20);
  const stands =
    matches.length === 0
      ? []
      : await db
          .select({ matchId: matchStand.matchId, id: stand.id, name: stand.name })
          .from(matchStand)
          .innerJoin(stand, eq(stand.id, matchStand.standId))
          .where(
            and(
              eq(matchStand.clubId, scope.clubId),
              inArray(
                matchStand.matchId,
                matches.map((m) => m.id),
              ),
              scope.standIds ? inArray(stand.id, [...scope.standIds]) : undefined,
            ),
          )
          .orderBy(asc(stand.name));
  return matches.map((m) => ({
    id: m.id,
    title: matchTitle(m.isHome, m.club, m.opponent),
    kickoffAt: m.kickoffAt,
    gatesOpenAt: m.gatesOpenAt,
    stands: stands.filter((s) => s.matchId === m.id).map(({ id, name }) => ({ id, name })),
    freeEntryUnder: m.freeEntryUnder,
  }));
}

/** Whether a device may admit for this match, and which of its stands (null: every one). */
export function scopeStands(scope: DeviceScope, matchId: string, standId: string | undefined): readonly string[] | null | 'forbidden' {
  if (scope.matchIds && !scope.matchIds.includes(matchId)) return 'forbidden';
  if (standId === undefined) return scope.standIds;
  if (scope.standIds && !scope.standIds.includes(standId)) return 'forbidden';
  return [standId];
}
