import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { device, match, organization, stand, venue } from '../../db/schema/index.ts';
import { matchTitle } from '../catalog/match-title.ts';
import { deviceActive } from './device-active.ts';

/**
 * The club's devices, with what each may admit: `matches` / `stands` are null for every one of the
 * club, otherwise the chosen ones by name (a chosen match or stand deleted since is left out).
 */
export async function listDevices(db: Executor, clubId: string) {
  const devices = await db
    .select({
      id: device.id,
      name: device.name,
      kind: device.kind,
      paired: sql<boolean>`${device.tokenHash} is not null`,
      revokedAt: device.revokedAt,
      /** Revoked, or the browser of someone no longer on the staff. */
      inactive: sql<boolean>`not (${deviceActive})`,
      pairingExpiresAt: device.pairingExpiresAt,
      matchIds: device.matchIds,
      standIds: device.standIds,
      lastSeenAt: device.lastSeenAt,
      health: device.health,
    })
    .from(device)
    .where(eq(device.clubId, clubId))
    .orderBy(asc(device.name));
  const matchIds = [...new Set(devices.flatMap((d) => d.matchIds ?? []))];
  const standIds = [...new Set(devices.flatMap((d) => d.standIds ?? []))];
  const [matches, stands] = await Promise.all([
    matchIds.length
      ? db
          .select({ id: match.id, isHome: match.isHome, club: organization.name, opponent: match.opponentName, kickoffAt: match.kickoffAt })
          .from(match)
          .innerJoin(organization, eq(organization.id, match.clubId))
          .where(and(eq(match.clubId, clubId), inArray(match.id, matchIds)))
          .orderBy(asc(match.kickoffAt))
      : [],
    standIds.length
      ? db
          .select({ id: stand.id, name: stand.name, venue: venue.name })
          .from(stand)
          .innerJoin(venue, eq(venue.id, stand.venueId))
          .where(and(eq(stand.clubId, clubId), inArray(stand.id, standIds)))
          .orderBy(asc(venue.name), asc(stand.name))
      : [],
  ]);
  const chosenMatches = matches.map((m) => ({ id: m.id, title: matchTitle(m.isHome, m.club, m.opponent), kickoffAt: m.kickoffAt }));
  return devices.map(({ matchIds: onlyMatches, standIds: onlyStands, ...d }) => ({
    ...d,
    matches: onlyMatches ? chosenMatches.filter((m) => onlyMatches.includes(m.id)) : null,
    stands: onlyStands ? stands.filter((s) => onlyStands.includes(s.id)) : null,
  }));
}
