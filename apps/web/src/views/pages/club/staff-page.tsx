import { useRequestContext } from 'hono/jsx-renderer';
import type { ClubMembership } from '../../../domain/clubs/find-club-membership.ts';
import type { listClubStaff } from '../../../domain/clubs/list-club-staff.ts';
import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatDate } from '../../../i18n/index.ts';
import { Field, Form, Select } from '../../components/form.tsx';
import { roleLabel } from '../../components/role-label.ts';
import { TableHead } from '../../components/table-head.tsx';
import { useT } from '../../components/use-t.ts';

export interface StaffPageProps {
  club: ClubMembership['club'];
  staff: Awaited<ReturnType<typeof listClubStaff>>;
  /** The roles an invitation or a role change may give. */
  roles: readonly string[];
  /** What the person's role lets them do to others (never to an owner). */
  may: { changeRole: boolean; remove: boolean };
  values?: FormValues;
  errors?: FieldErrors;
}

/** A club's staff and pending invitations, with the invitation form. */
export function StaffPage({ club, staff, roles, may, values, errors }: StaffPageProps) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  const roleOptions = roles.map((r) => ({ value: r, label: roleLabel(t, r) }));
  return (
    <>
      <h1>
        {t('staff.title')} · {club.name}
      </h1>
      <p class="hint">
        {t('boxOffice.whoSells')} <a href={`/club/${club.slug}/box-office`}>{t('boxOffice.title')}</a>
      </p>
      <section class="card table-wrap">
        <table>
          <TableHead columns={[t('field.name'), t('field.email'), t('staff.role')]} actions />
          <tbody>
            {staff.members.map((m) => (
              <tr>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>
                  {m.role === 'owner' || !may.changeRole ? (
                    roleLabel(t, m.role)
                  ) : (
                    <Form action={`/club/${club.slug}/staff/${m.memberId}/role`} class="actions">
                      <select name="role" aria-label={t('staff.role')}>
                        {roleOptions.map((o) => (
                          <option value={o.value} selected={o.value === m.role}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                      <button type="submit" class="secondary">
                        {t('common.save')}
                      </button>
                    </Form>
                  )}
                </td>
                <td>
                  {m.role !== 'owner' && may.remove ? (
                    <Form action={`/club/${club.slug}/staff/${m.memberId}/remove`}>
                      <button type="submit" class="danger">
                        {t('staff.remove')}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {staff.invitations.length > 0 ? (
        <section class="card table-wrap">
          <h2>{t('staff.pending')}</h2>
          <table>
            <tbody>
              {staff.invitations.map((i) => (
                <tr>
                  <td>{i.email}</td>
                  <td>{roleLabel(t, i.role)}</td>
                  <td>{t('staff.expires', { date: formatDate(i.expiresAt, locale) })}</td>
                  <td>
                    <Form action={`/club/${club.slug}/invitations/${i.id}/cancel`}>
                      <button type="submit" class="secondary">
                        {t('staff.cancelInvitation')}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <section class="card">
        <h2>{t('staff.invite')}</h2>
        <Form action={`/club/${club.slug}/staff/invite`}>
          <Field name="email" type="email" label={t('field.email')} values={values} errors={errors} required maxlength={254} />
          <Select name="role" label={t('staff.role')} options={roleOptions} selected={values?.role ?? 'steward'} errors={errors} />
          <p class="hint">{t('staff.rolesHelp')}</p>
          <button type="submit">{t('staff.inviteSubmit')}</button>
        </Form>
      </section>
    </>
  );
}
