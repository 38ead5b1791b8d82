import type { listBoxOfficeAccess } from '../../../domain/boxoffice/list-box-office-access.ts';
import type { FieldErrors, FormValues } from '../../../http/forms.ts';
import { Field, Form } from '../../components/form.tsx';
import { roleLabel } from '../../components/role-label.ts';
import { TableHead } from '../../components/table-head.tsx';
import { useT } from '../../components/use-t.ts';

export interface BoxOfficePageProps {
  club: { name: string; slug: string };
  access: Awaited<ReturnType<typeof listBoxOfficeAccess>>;
  values?: FormValues;
  errors?: FieldErrors;
}

/** Who may sell at the gate (devices, staff members) and the seats each selling device keeps for offline sales. */
export function BoxOfficePage({ club, access, values, errors }: BoxOfficePageProps) {
  const t = useT();
  const base = `/club/${club.slug}/box-office`;
  const toggle = (action: string, canSell: boolean, label: string) => (
    <Form action={action} idPrefix={action.split('/').pop()}>
      <input type="hidden" name="canSell" value={canSell ? 'off' : 'on'} />
      <button type="submit" class={canSell ? 'secondary' : undefined} aria-label={label}>
        {canSell ? t('boxOffice.stop') : t('boxOffice.allow')}
      </button>
    </Form>
  );
  return (
    <>
      <h1>
        {t('boxOffice.title')} · {club.name}
      </h1>
      <p class="hint">{t('boxOffice.intro')}</p>
      <section class="card table-wrap">
        <h2>{t('boxOffice.devices')}</h2>
        {access.devices.length === 0 ? (
          <p>
            {t('boxOffice.noDevice')} <a href={`/club/${club.slug}/devices`}>{t('devices.title')}</a>
          </p>
        ) : (
          <table class="stack">
            <TableHead columns={[t('devices.name'), t('boxOffice.maySell')]} actions />
            <tbody>
              {access.devices.map((d) => (
                <tr>
                  <td>{d.name}</td>
                  <td data-label={t('boxOffice.maySell')}>{d.canSell ? t('boxOffice.yes') : t('boxOffice.no')}</td>
                  <td>
                    {toggle(`${base}/devices/${d.id}`, d.canSell, `${d.canSell ? t('boxOffice.stop') : t('boxOffice.allow')} · ${d.name}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="card table-wrap">
        <h2>{t('boxOffice.staff')}</h2>
        <p class="hint">{t('boxOffice.staffHint')}</p>
        <table class="stack">
          <TableHead columns={[t('field.name'), t('staff.role'), t('boxOffice.maySell')]} actions />
          <tbody>
            {access.members.map((m) => (
              <tr>
                <td>{m.name}</td>
                <td data-label={t('staff.role')}>{roleLabel(t, m.role)}</td>
                <td data-label={t('boxOffice.maySell')}>{m.canSell ? t('boxOffice.yes') : t('boxOffice.no')}</td>
                <td>
                  {m.always
                    ? null
                    : toggle(
                        `${base}/members/${m.memberId}`,
                        m.canSell,
                        `${m.canSell ? t('boxOffice.stop') : t('boxOffice.allow')} · ${m.name}`,
                      )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="card">
        <h2>{t('boxOffice.offline')}</h2>
        <Form action={`${base}/settings`} idPrefix="box-office-settings">
          <Field
            name="quotaSeats"
            type="number"
            label={t('boxOffice.quotaSeats')}
            hint={t('boxOffice.quotaHint')}
            value={String(access.quotaSeats)}
            values={values}
            errors={errors}
            required
          />
          <button type="submit">{t('common.save')}</button>
        </Form>
      </section>
    </>
  );
}
