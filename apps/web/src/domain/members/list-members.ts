import { and, asc, count, eq, ilike, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { clubMember } from '../../db/schema/index.ts';
import { containsPattern } from '../like-pattern.ts';

/** At most this many members on one page; the count says how many match in all. */
export const MEMBERS_SHOWN = 200;

/** A club's members by name, narrowed by a search on name, e-mail or member number, and how many there are. */
export async function listMembers(db: Executor, clubId: string, { q = '' }: { q?: string } = {}) {
  const text = q.trim();
  const where = and(
    eq(clubMember.clubId, clubId),
    text
      ? or(
          ilike(clubMember.name, containsPattern(text)),
          ilike(clubMember.email, containsPattern(text)),
          ilike(clubMember.memberNumber, containsPattern(text)),
        )
      : undefined,
  );
  const members = await db.select().from(clubMember).where(where).orderBy(asc(clubMember.name), asc(clubMember.id)).limit(MEMBERS_SHOWN);
  const [total] = await db.select({ n: count() }).from(clubMember).where(where);
  return { members, count: total?.n ?? 0 };
}
