import { Hono } from 'hono';
import { ACTIVITY_PAGE_SIZE, listActivity } from '../../domain/activity/list-activity.ts';
import { listClubMatches } from '../../domain/catalog/list-club-matches.ts';
import { matchTitle } from '../../domain/catalog/match-title.ts';
import { isUuid } from '../../domain/ids.ts';
import { render } from '../../views/layouts/layout.tsx';
import { ActivityPage } from '../../views/pages/club/activity-page.tsx';
import { requireClub } from '../middleware/access.ts';
import type { AppEnv } from '../types.ts';

/** The club's activity log: who did what to money, seats, matches, staff and devices (owners and admins). */
export const activityRoutes = new Hono<AppEnv>().get('/:slug/activity', requireClub({ club: ['update'] }), async (c) => {
  const { club } = c.get('membership');
  const { db } = c.get('deps');
  const match = c.req.query('match');
  const matchId = isUuid(match) ? match : undefined;
  const [log, upcoming, past] = await Promise.all([
    listActivity(db, club.id, { matchId }),
    listClubMatches(db, club.id, { limit: 100 }),
    listClubMatches(db, club.id, { past: true, limit: 100 }),
  ]);
  const matches = [...upcoming, ...past].map((m) => ({
    id: m.id,
    title: matchTitle(m.isHome, club.name, m.opponentName),
    kickoffAt: m.kickoffAt,
  }));
  return render(
    c,
    <ActivityPage club={club} entries={log.entries} more={log.more} shown={ACTIVITY_PAGE_SIZE} matches={matches} matchId={matchId} />,
    { title: c.get('t')('activity.title') },
  );
});
