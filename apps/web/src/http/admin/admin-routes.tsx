import { Hono } from 'hono';
import { z } from 'zod';
import { listClubs } from '../../domain/clubs/list-clubs.ts';
import { CLUB_STATUSES, setClubStatus } from '../../domain/clubs/set-club-status.ts';
import { formatDate } from '../../i18n/index.ts';
import { Form } from '../../views/components/form.tsx';
import { render } from '../../views/layouts/layout.tsx';
import { parseForm } from '../forms.ts';
import { requirePlatformAdmin } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import type { AppEnv } from '../types.ts';

const statusForm = z.object({ status: z.enum(CLUB_STATUSES) });

/** The platform admin's view of every club, with suspension. */
export const adminRoutes = new Hono<AppEnv>()
  .use(requirePlatformAdmin)
  .get('/clubs', async (c) => {
    const t = c.get('t');
    const q = (c.req.query('q') ?? '').trim().slice(0, 80);
    const clubs = await listClubs(c.get('deps').db, q);
    return render(
      c,
      <>
        <h1>{t('admin.clubs')}</h1>
        <form method="get" action="/admin/clubs" class="actions card">
          <label for="q" class="visually-hidden">
            {t('common.search')}
          </label>
          <input id="q" name="q" type="search" value={q} maxlength={80} placeholder={t('common.search')} />
          <button type="submit">{t('common.search')}</button>
        </form>
        <section class="card table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('club.name')}</th>
                <th>{t('club.commune')}</th>
                <th>{t('admin.staff')}</th>
                <th>{t('admin.since')}</th>
                <th>{t('admin.status')}</th>
              </tr>
            </thead>
            <tbody>
              {clubs.map((club) => (
                <tr>
                  <td>{club.name}</td>
                  <td>{club.commune}</td>
                  <td>{club.staff}</td>
                  <td>{formatDate(club.createdAt, c.get('locale'))}</td>
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
      </>,
      { title: t('admin.clubs') },
    );
  })
  .post('/clubs/:id/status', async (c) => {
    const t = c.get('t');
    const form = await parseForm(c, statusForm);
    if (!form.ok) return redirectWithFlash(c, '/admin/clubs', 'error', t('error.invalid'));
    await setClubStatus(c.get('deps').db, c.req.param('id'), form.data.status);
    return redirectWithFlash(c, '/admin/clubs', 'success', t(form.data.status === 'active' ? 'admin.reinstated' : 'admin.suspended'));
  });
