import type { findInvitation } from '../../../domain/clubs/find-invitation.ts';
import { Form } from '../../components/form.tsx';
import { roleLabel } from '../../components/role-label.ts';
import { useT } from '../../components/use-t.ts';

/** An invitation to a club's staff, as its recipient sees it: accept or decline. */
export function InvitationPage({ invitation }: { invitation: Awaited<ReturnType<typeof findInvitation>> }) {
  const t = useT();
  return (
    <section class="card narrow">
      <h1>{t('invitation.title', { club: invitation.club })}</h1>
      <p>{t('invitation.text', { inviter: invitation.inviter, club: invitation.club, role: roleLabel(t, invitation.role) })}</p>
      <div class="actions">
        <Form action={`/invitations/${invitation.id}/accept`}>
          <button type="submit">{t('invitation.accept')}</button>
        </Form>
        <Form action={`/invitations/${invitation.id}/decline`}>
          <button type="submit" class="secondary">
            {t('invitation.decline')}
          </button>
        </Form>
      </div>
    </section>
  );
}
