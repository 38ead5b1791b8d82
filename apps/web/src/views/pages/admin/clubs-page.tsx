import { useRequestContext } from 'hono/jsx-renderer';
import type { listClubs } from '../../../domain/clubs/list-clubs.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatDate } from '../../../i18n/index.ts';
import { AdminNav } from '../../components/admin-nav.tsx';
import { Form } from '../../components/form.tsx';
import { SearchBar } from '../../components/search-bar.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { useT } from '../../components/use-t.ts';
import { VerifiedBadge } from '../../components/verified-badge.tsx';

export interface ClubsPageProps {
  /** The search as typed (already cleaned). */
  q: string;
  clubs: Awaited<ReturnType<typeof listClubs>>;
}

/** Every club for the platform admin: look-alike names flagged, verification and suspension at hand. */
export function ClubsPage({ q, clubs }: ClubsPageProps) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  return (
    <>
      <h1>{t('admin.clubs')}</h1>
      <AdminNav />
      <SearchBar action="/admin/clubs" value={q} />
      <section class="card table-wrap">
        <table>
          <TableHead
            columns={[t('club.name'), t('club.commune'), t('admin.staff'), t('admin.since'), t('admin.verification'), t('admin.status')]}
          />
          <tbody>
            {clubs.map((club) => (
              <tr>
                <td>
                  <a href={`/c/${club.slug}`}>{club.name}</a>
                  <br />
                  <small class="meta">/c/{club.slug}</small>
                  {club.lookAlikes.length > 0 ? (
                    <p class="look-alike-flag">
                      <span aria-hidden="true">⚠ </span>
                      {t('admin.lookAlikes')}{' '}
                      {club.lookAlikes.map((other, i) => (
                        <>
                          {i > 0 ? ', ' : ''}
                          <a href={`/c/${other.slug}`}>
                            {other.name} (/c/{other.slug})
                          </a>
                        </>
                      ))}
                    </p>
                  ) : null}
                </td>
                <td>{club.commune}</td>
                <td>{club.staff}</td>
                <td>{formatDate(club.createdAt, locale)}</td>
                <td>
                  <Form action={`/admin/clubs/${club.id}/verification`} class="actions" idPrefix={`verify-${club.id}`}>
                    {club.verifiedAt ? (
                      <>
                        <VerifiedBadge verified />
                        <input type="hidden" name="verified" value="no" />
                        <button type="submit" class="secondary">
                          {t('admin.unverify')}
                        </button>
                      </>
                    ) : (
                      <>
                        <span class="badge">{t('admin.notVerified')}</span>
                        <input type="hidden" name="verified" value="yes" />
                        <button type="submit">{t('admin.verify')}</button>
                      </>
                    )}
                  </Form>
                </td>
                <td>
                  <Form action={`/admin/clubs/${club.id}/status`} class="actions">
                    {club.status === 'active' ? (
                      <>
                        <span class="badge">{t('admin.active')}</span>
                        <input type="hidden" name="status" value="suspended" />
                        <button type="submit" class="danger">
                          {t('admin.suspend')}
                        </button>
                      </>
                    ) : (
                      <>
                        <span class="badge bad">{t('club.suspended')}</span>
                        <input type="hidden" name="status" value="active" />
                        <button type="submit">{t('admin.reinstate')}</button>
                      </>
                    )}
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
