import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { findClubInvitation } from '../../domain/clubs/find-club-invitation.ts';
import { findClubMember } from '../../domain/clubs/find-club-member.ts';
import { listClubStaff } from '../../domain/clubs/list-club-staff.ts';
import { can, INVITABLE_ROLES } from '../../integrations/auth/access.ts';
import { render } from '../../views/layouts/layout.tsx';
import { StaffPage } from '../../views/pages/club/staff-page.tsx';
import { type FieldErrors, type FormValues, parseForm } from '../forms.ts';
import { requireClub } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { emailField } from '../public/auth-schemas.ts';
import type { AppEnv } from '../types.ts';
import { orgCall } from './org-call.ts';

const inviteForm = z.object({ email: emailField, role: z.enum(INVITABLE_ROLES) });
const roleForm = z.object({ role: z.enum(INVITABLE_ROLES) });

async function showStaff(c: Context<AppEnv>, shown: { values?: FormValues; errors?: FieldErrors }, status: 200 | 400 = 200) {
  const { club, role } = c.get('membership');
  const staff = await listClubStaff(c.get('deps').db, club.id);
  const may = { changeRole: can(role, { member: ['update'] }), remove: can(role, { member: ['delete'] }) };
  c.status(status);
  return render(c, <StaffPage club={club} staff={staff} roles={INVITABLE_ROLES} may={may} {...shown} />, {
    title: c.get('t')('staff.title'),
  });
}

/**
 * A club's staff: invitations, roles, removals. better-auth's organization API makes each change
 * (decision 003); `orgCall` words its refusals and logs what it did.
 */
export const staffRoutes = new Hono<AppEnv>()
  .get('/:slug/staff', requireClub({ member: ['create'] }), (c) => showStaff(c, {}))
  .post('/:slug/staff/invite', requireClub({ invitation: ['create'] }), async (c) => {
    const { club } = c.get('membership');
    const form = await parseForm(c, inviteForm);
    if (!form.ok) return showStaff(c, form, 400);
    return orgCall(
      c,
      `/club/${club.slug}/staff`,
      () => c.get('deps').auth.api.createInvitation({ body: { ...form.data, organizationId: club.id }, headers: c.req.raw.headers }),
      'staff.invited',
      { clubId: club.id, action: 'staff.invited', details: { email: form.data.email, role: form.data.role } },
    );
  })
  .post('/:slug/staff/:memberId/role', requireClub({ member: ['update'] }), async (c) => {
    const { club } = c.get('membership');
    const target = await findClubMember(c.get('deps').db, club.id, c.req.param('memberId'));
    const form = await parseForm(c, roleForm);
    if (!form.ok || target.role === 'owner')
      return redirectWithFlash(c, `/club/${club.slug}/staff`, 'error', c.get('t')('error.forbidden'));
    return orgCall(
      c,
      `/club/${club.slug}/staff`,
      () =>
        c.get('deps').auth.api.updateMemberRole({
          body: { memberId: target.id, role: form.data.role, organizationId: club.id },
          headers: c.req.raw.headers,
        }),
      'staff.roleChanged',
      {
        clubId: club.id,
        action: 'staff.role_changed',
        subject: { memberId: target.id },
        details: { name: target.name, from: target.role, to: form.data.role },
      },
    );
  })
  .post('/:slug/staff/:memberId/remove', requireClub({ member: ['delete'] }), async (c) => {
    const { club } = c.get('membership');
    const target = await findClubMember(c.get('deps').db, club.id, c.req.param('memberId'));
    if (target.role === 'owner') return redirectWithFlash(c, `/club/${club.slug}/staff`, 'error', c.get('t')('staff.lastOwner'));
    return orgCall(
      c,
      `/club/${club.slug}/staff`,
      () =>
        c.get('deps').auth.api.removeMember({ body: { memberIdOrEmail: target.id, organizationId: club.id }, headers: c.req.raw.headers }),
      'staff.removed',
      { clubId: club.id, action: 'staff.removed', subject: { memberId: target.id }, details: { name: target.name, role: target.role } },
    );
  })
  .post('/:slug/invitations/:invitationId/cancel', requireClub({ invitation: ['cancel'] }), async (c) => {
    const { club } = c.get('membership');
    const found = await findClubInvitation(c.get('deps').db, club.id, c.req.param('invitationId'));
    return orgCall(
      c,
      `/club/${club.slug}/staff`,
      () => c.get('deps').auth.api.cancelInvitation({ body: { invitationId: found.id }, headers: c.req.raw.headers }),
      'staff.invitationCancelled',
      { clubId: club.id, action: 'staff.invitation_cancelled', details: { email: found.email } },
    );
  });
