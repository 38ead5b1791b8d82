import { Hono } from 'hono';
import { findInvitation } from '../../domain/clubs/find-invitation.ts';
import { render } from '../../views/layouts/layout.tsx';
import { InvitationPage } from '../../views/pages/club/invitation-page.tsx';
import { requireUser } from '../middleware/access.ts';
import type { AppEnv } from '../types.ts';
import { orgCall } from './org-call.ts';

/** The recipient's side of an invitation (the link in the e-mail, under /invitations). */
export const invitationRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get('/:invitationId', async (c) => {
    const invitation = await findInvitation(c.get('deps').db, c.req.param('invitationId'), c.get('user')!.email);
    return render(c, <InvitationPage invitation={invitation} />, { title: c.get('t')('invitation.title', { club: invitation.club }) });
  })
  .post('/:invitationId/accept', async (c) => {
    const invitation = await findInvitation(c.get('deps').db, c.req.param('invitationId'), c.get('user')!.email);
    return orgCall(
      c,
      `/club/${invitation.clubSlug}`,
      () => c.get('deps').auth.api.acceptInvitation({ body: { invitationId: invitation.id }, headers: c.req.raw.headers }),
      'invitation.accepted',
    );
  })
  .post('/:invitationId/decline', async (c) => {
    const invitation = await findInvitation(c.get('deps').db, c.req.param('invitationId'), c.get('user')!.email);
    return orgCall(
      c,
      '/clubs',
      () => c.get('deps').auth.api.rejectInvitation({ body: { invitationId: invitation.id }, headers: c.req.raw.headers }),
      'invitation.declined',
    );
  });
