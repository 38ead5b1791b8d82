import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { clubFollower, match, organization, user } from '../db/schema/index.ts';
import { matchTitle } from '../domain/catalog/match-title.ts';
import { QUEUES, stableJobId } from '../domain/outbox.ts';
import { formatDateTime, isLocale } from '../i18n/index.ts';
import type { Jobs } from './jobs.ts';
import { renderMail } from './mail-templates.ts';

/**
 * Fans a match put on sale out to one mail per follower of the club, each in the follower's own
 * language. Safe to run twice: each mail job has an id derived from the match and the follower.
 */
export async function workMatchOnSale(jobs: Jobs, db: Db, baseURL: string, pollingIntervalSeconds = 2): Promise<void> {
  await jobs.boss.work<{ matchId: string }>(QUEUES.matchOnSale, { pollingIntervalSeconds }, async ([job]) => {
    const matchId = job!.data.matchId;
    const [m] = await db
      .select({
        id: match.id,
        kickoffAt: match.kickoffAt,
        isHome: match.isHome,
        opponent: match.opponentName,
        clubId: match.clubId,
        club: organization.name,
      })
      .from(match)
      .innerJoin(organization, eq(organization.id, match.clubId))
      .where(eq(match.id, matchId));
    if (!m) return; // deleted meanwhile
    const followers = await db
      .select({ userId: user.id, email: user.email, name: user.name, locale: user.locale, token: clubFollower.unsubscribeToken })
      .from(clubFollower)
      .innerJoin(user, eq(user.id, clubFollower.userId))
      .where(eq(clubFollower.clubId, m.clubId));
    for (const follower of followers) {
      const locale = isLocale(follower.locale) ? follower.locale : undefined;
      const content = renderMail(
        'matchOnSale',
        locale,
        {
          url: `${baseURL}/matches/${m.id}`,
          name: follower.name,
          match: matchTitle(m.isHome, m.club, m.opponent),
          club: m.club,
          opponent: m.opponent,
          date: formatDateTime(m.kickoffAt, locale ?? 'fr'),
        },
        { unsubscribeUrl: `${baseURL}/unsubscribe/${follower.token}` },
      );
      await jobs.send(db, QUEUES.mail, { to: follower.email, ...content }, { id: stableJobId(`on-sale:${m.id}:${follower.userId}`) });
    }
  });
}
