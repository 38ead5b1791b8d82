import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { match, organization } from '../db/schema/index.ts';
import { matchTitle } from '../domain/catalog/match-title.ts';
import { QUEUES, stableJobId } from '../domain/outbox.ts';
import { listMatchHolders } from '../domain/tickets/list-match-holders.ts';
import { formatDateTime, isLocale } from '../i18n/index.ts';
import type { Jobs } from './jobs.ts';
import { renderMail } from './mail-templates.ts';

/**
 * Tells everyone holding a valid ticket (listMatchHolders: buyers, season holders, whoever a ticket was
 * passed on or lent to) that their match moved (tickets stay valid), or that it is
 * postponed without a date yet: one mail per address, in the buyer's language; safe to run twice.
 */
export async function workMatchPostponed(jobs: Jobs, db: Db, baseURL: string, pollingIntervalSeconds = 2): Promise<void> {
  await jobs.boss.work<{ matchId: string; message?: string }>(QUEUES.matchPostponed, { pollingIntervalSeconds }, async ([job]) => {
    const [m] = await db
      .select({
        id: match.id,
        kickoffAt: match.kickoffAt,
        status: match.status,
        isHome: match.isHome,
        opponent: match.opponentName,
        club: organization.name,
      })
      .from(match)
      .innerJoin(organization, eq(organization.id, match.clubId))
      .where(eq(match.id, job!.data.matchId));
    if (!m) return;
    const holders = await listMatchHolders(db, m.id);
    const dateKey = m.status === 'postponed' ? 'tbd' : m.kickoffAt.toISOString();
    for (const holder of holders) {
      const locale = isLocale(holder.locale) ? holder.locale : undefined;
      const content = renderMail(
        m.status === 'postponed' ? 'matchPostponedNoDate' : 'matchPostponed',
        locale,
        {
          url: `${baseURL}/matches/${m.id}`,
          ...(holder.name ? { name: holder.name } : {}),
          match: matchTitle(m.isHome, m.club, m.opponent),
          date: formatDateTime(m.kickoffAt, locale ?? 'fr'),
        },
        { note: job!.data.message },
      );
      await jobs.send(
        db,
        QUEUES.mail,
        { to: holder.email, ...content },
        { id: stableJobId(`postponed:${m.id}:${dateKey}:${holder.email}`) },
      );
    }
  });
}
