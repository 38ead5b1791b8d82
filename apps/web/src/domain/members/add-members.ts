import { and, eq, inArray, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { clubMember } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { MemberCsvProblem, NewMember } from './parse-member-csv.ts';

/**
 * Members onto the club's list, all or none: one typed by hand (already on the list: member_exists),
 * or a CSV's every line (lines whose e-mail or number is already on the list are reported by line, and
 * nothing is added). A concurrent addition of the same person fails the unique index, so the whole
 * import rolls back rather than half-importing.
 */
export async function addMembers(
  tx: Tx,
  _ctx: Ctx,
  input: { actor: Actor; clubId: string; members: NewMember[]; imported: boolean },
): Promise<{ ok: true; count: number } | { ok: false; problems: { line: number; problem: MemberCsvProblem }[] }> {
  const { clubId, members } = input;
  if (members.length === 0) return { ok: true, count: 0 };
  const existing = await tx
    .select({ email: clubMember.email, memberNumber: clubMember.memberNumber })
    .from(clubMember)
    .where(
      and(
        eq(clubMember.clubId, clubId),
        or(
          inArray(
            clubMember.email,
            members.map((m) => m.email),
          ),
          inArray(
            clubMember.memberNumber,
            members.map((m) => m.memberNumber),
          ),
        ),
      ),
    );
  const emails = new Set(existing.map((m) => m.email));
  const numbers = new Set(existing.map((m) => m.memberNumber));
  const problems = members.flatMap(({ line = 1, ...m }) => [
    ...(emails.has(m.email) ? [{ line, problem: 'email_on_list' as const }] : []),
    ...(numbers.has(m.memberNumber) ? [{ line, problem: 'number_on_list' as const }] : []),
  ]);
  if (problems.length > 0) {
    if (!input.imported) throw new DomainError('member_exists', {}, emails.has(members[0]!.email) ? 'email' : 'memberNumber');
    return { ok: false, problems };
  }
  await tx.insert(clubMember).values(members.map(({ name, email, memberNumber }) => ({ clubId, name, email, memberNumber })));
  const [one] = members;
  await recordActivity(tx, {
    clubId,
    actor: input.actor,
    action: input.imported ? 'members.imported' : 'members.added',
    details: input.imported ? { count: members.length } : { name: one!.name, email: one!.email },
  });
  return { ok: true, count: members.length };
}
