import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { addMembers } from '../../domain/members/add-members.ts';
import { listMembers } from '../../domain/members/list-members.ts';
import { type MemberCsvProblem, parseMemberCsv } from '../../domain/members/parse-member-csv.ts';
import { removeMember } from '../../domain/members/remove-member.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { render } from '../../views/layouts/layout.tsx';
import { type MembersForm, MembersPage } from '../../views/pages/club/members-page.tsx';
import { domainMessage } from '../errors.tsx';
import { text } from '../fields.ts';
import { type FieldErrors, type FormValues, parseForm } from '../forms.ts';
import { requireClub } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import { emailField } from '../public/auth-schemas.ts';
import type { AppEnv } from '../types.ts';

/** The member list is the club's to manage: owners and admins. */
const manage = requireClub({ club: ['update'] });

/** A member CSV is small: a few thousand lines at most. */
const MAX_CSV_BYTES = 256 * 1024;

const CSV_PROBLEM_KEY: Record<MemberCsvProblem, MessageKey> = {
  name_missing: 'guests.csv.nameMissing',
  name_too_long: 'guests.csv.nameTooLong',
  email_invalid: 'guests.csv.emailInvalid',
  number_missing: 'members.csv.numberMissing',
  number_too_long: 'members.csv.numberTooLong',
  email_twice: 'members.csv.emailTwice',
  number_twice: 'members.csv.numberTwice',
  email_on_list: 'members.csv.emailOnList',
  number_on_list: 'members.csv.numberOnList',
  no_rows: 'members.csv.noRows',
  too_many_rows: 'members.csv.tooManyRows',
};

const memberForm = z.object({ name: text(1, 120), email: emailField, memberNumber: text(1, 40) });

/** The club's members (/club/:slug/members): list and search, one by hand, a CSV, removal. */
export const memberRoutes = new Hono<AppEnv>()
  .get('/:slug/members', manage, (c) => showMembers(c))
  .post('/:slug/members', manage, async (c) => {
    const form = await parseForm(c, memberForm);
    if (!form.ok) return showMembers(c, { form: 'add', values: form.values, errors: form.errors }, 400);
    try {
      await add(c, [form.data], false);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found') throw error;
      return showMembers(c, { form: 'add', values: form.values, errors: { [error.field ?? '_form']: domainMessage(c, error) } }, 409);
    }
    return redirectWithFlash(c, `${path(c)}#members`, 'success', c.get('t')('members.added', { name: form.data.name }));
  })
  .post('/:slug/members/import', manage, async (c) => {
    const t = c.get('t');
    const file = (await c.req.parseBody()).csv;
    if (!(file instanceof File) || file.size === 0)
      return showMembers(c, { form: 'import', errors: { _form: t('guests.csv.noFile') } }, 400);
    if (file.size > MAX_CSV_BYTES) return showMembers(c, { form: 'import', errors: { _form: t('guests.csv.tooLarge') } }, 413);
    const parsed = parseMemberCsv(new TextDecoder('utf-8').decode(await file.arrayBuffer()));
    const added = parsed.ok ? await add(c, parsed.members, true) : parsed;
    if (!added.ok) {
      const csvProblems = added.problems.map((p) => t('guests.csv.line', { line: p.line, problem: t(CSV_PROBLEM_KEY[p.problem]) }));
      return showMembers(c, { form: 'import', csvProblems }, 400);
    }
    return redirectWithFlash(c, `${path(c)}#members`, 'success', t('members.imported', { count: added.count }));
  })
  .post('/:slug/members/:memberId/remove', manage, async (c) => {
    const { club } = c.get('membership');
    const gone = await c
      .get('deps')
      .db.transaction((tx) =>
        removeMember(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, memberId: c.req.param('memberId') }),
      );
    return redirectWithFlash(c, `${path(c)}#members`, 'success', c.get('t')('members.removed', { name: gone.name }));
  });

const path = (c: Context<AppEnv>) => `/club/${c.get('membership').club.slug}/members`;

function add(c: Context<AppEnv>, members: { name: string; email: string; memberNumber: string }[], imported: boolean) {
  const { club } = c.get('membership');
  return c
    .get('deps')
    .db.transaction((tx) => addMembers(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, members, imported }));
}

async function showMembers(
  c: Context<AppEnv>,
  shown?: { form: MembersForm; values?: FormValues; errors?: FieldErrors; csvProblems?: string[] },
  status: 200 | 400 | 409 | 413 = 200,
) {
  const { club } = c.get('membership');
  const q = (c.req.query('q') ?? '').slice(0, 80);
  const { members, count } = await listMembers(c.get('deps').db, club.id, { q });
  c.status(status);
  return render(c, <MembersPage club={club} members={members} count={count} q={q} shown={shown} />, { title: c.get('t')('members.title') });
}
