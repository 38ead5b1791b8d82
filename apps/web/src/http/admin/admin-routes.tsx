import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { listCatalogChoices } from '../../domain/catalog/list-catalog-choices.ts';
import { COMPETITION_KINDS, saveCompetition } from '../../domain/catalog/save-competition.ts';
import { listClubs } from '../../domain/clubs/list-clubs.ts';
import { CLUB_STATUSES, setClubStatus } from '../../domain/clubs/set-club-status.ts';
import { setClubVerified } from '../../domain/clubs/set-club-verified.ts';
import { formatDate } from '../../i18n/index.ts';
import { Field, Form, Select, useT } from '../../views/components/form.tsx';
import { VerifiedBadge } from '../../views/components/verified-badge.tsx';
import { render } from '../../views/layouts/layout.tsx';
import { text } from '../fields.ts';
import { type FieldErrors, type FormValues, parseForm } from '../forms.ts';
import { requirePlatformAdmin } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import { searchText } from '../text.ts';
import type { AppEnv } from '../types.ts';

const statusForm = z.object({ status: z.enum(CLUB_STATUSES) });
const verificationForm = z.object({ verified: z.enum(['yes', 'no']) });
const competitionForm = z.object({ name: text(2, 80), kind: z.enum(COMPETITION_KINDS) });

function AdminNav() {
  const t = useT();
  return (
    <p class="actions">
      <a href="/admin/clubs">{t('admin.clubs')}</a> · <a href="/admin/competitions">{t('admin.competitions')}</a>
    </p>
  );
}

/** The platform admin's view of every club, with suspension, verification and look-alike names. */
export const adminRoutes = new Hono<AppEnv>()
  .use(requirePlatformAdmin)
  .get('/clubs', async (c) => {
    const t = c.get('t');
    const q = searchText(c.req.query('q'));
    const clubs = await listClubs(c.get('deps').db, q);
    return render(
      c,
      <>
        <h1>{t('admin.clubs')}</h1>
        <AdminNav />
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
                <th>{t('admin.verification')}</th>
                <th>{t('admin.status')}</th>
              </tr>
            </thead>
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
                  <td>{formatDate(club.createdAt, c.get('locale'))}</td>
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
      </>,
      { title: t('admin.clubs') },
    );
  })
  .get('/competitions', (c) => renderCompetitions(c, {}))
  .post('/competitions', async (c) => {
    const form = await parseForm(c, competitionForm);
    if (!form.ok) return renderCompetitions(c, { ...form, for: 'new' }, 400);
    await saveCompetition(c.get('deps').db, form.data);
    return redirectWithFlash(c, '/admin/competitions', 'success', c.get('t')('common.saved'));
  })
  .post('/competitions/:competitionId', async (c) => {
    const id = c.req.param('competitionId');
    const form = await parseForm(c, competitionForm);
    if (!form.ok) return renderCompetitions(c, { ...form, for: id }, 400);
    await saveCompetition(c.get('deps').db, { id, ...form.data });
    return redirectWithFlash(c, '/admin/competitions', 'success', c.get('t')('common.saved'));
  })
  .post('/clubs/:clubId/verification', async (c) => {
    const t = c.get('t');
    const { db } = c.get('deps');
    const form = await parseForm(c, verificationForm);
    if (!form.ok) return redirectWithFlash(c, '/admin/clubs', 'error', t('error.invalid'));
    const club = await db.transaction((tx) =>
      setClubVerified(tx, operationContext(c), {
        actor: actorOf(c),
        clubId: c.req.param('clubId'),
        verified: form.data.verified === 'yes',
      }),
    );
    return redirectWithFlash(
      c,
      '/admin/clubs',
      'success',
      t(form.data.verified === 'yes' ? 'admin.verifiedDone' : 'admin.unverifiedDone', { club: club.name }),
    );
  })
  .post('/clubs/:clubId/status', async (c) => {
    const t = c.get('t');
    const form = await parseForm(c, statusForm);
    if (!form.ok) return redirectWithFlash(c, '/admin/clubs', 'error', t('error.invalid'));
    await c
      .get('deps')
      .db.transaction((tx) =>
        setClubStatus(tx, operationContext(c), { actor: actorOf(c), clubId: c.req.param('clubId'), status: form.data.status }),
      );
    return redirectWithFlash(c, '/admin/clubs', 'success', t(form.data.status === 'active' ? 'admin.reinstated' : 'admin.suspended'));
  });

const KIND_KEY = {
  league: 'competition.league',
  cup: 'competition.cup',
  friendly: 'competition.friendly',
  youth: 'competition.youth',
} as const;

async function renderCompetitions(
  c: Context<AppEnv>,
  shown: { values?: FormValues; errors?: FieldErrors; for?: string },
  status: 200 | 400 = 200,
) {
  const t = c.get('t');
  const { competitions } = await listCatalogChoices(c.get('deps').db);
  const kinds = COMPETITION_KINDS.map((kind) => ({ value: kind, label: t(KIND_KEY[kind]) }));
  c.status(status);
  return render(
    c,
    <>
      <h1>{t('admin.competitions')}</h1>
      <AdminNav />
      <section class="card">
        {competitions.map((comp) => (
          <Form action={`/admin/competitions/${comp.id}`} idPrefix={`competition-${comp.id}`} class="actions">
            <Field
              name="name"
              label={t('admin.competitionName')}
              values={shown.for === comp.id ? shown.values : { name: comp.name }}
              errors={shown.for === comp.id ? shown.errors : undefined}
              required
              maxlength={80}
            />
            <Select name="kind" label={t('admin.competitionKind')} options={kinds} selected={comp.kind} />
            <button type="submit" class="secondary">
              {t('common.save')}
            </button>
          </Form>
        ))}
      </section>
      <section class="card">
        <h2>{t('admin.competitionAdd')}</h2>
        <Form action="/admin/competitions" idPrefix="competition-new">
          <Field
            name="name"
            label={t('admin.competitionName')}
            values={shown.for === 'new' ? shown.values : {}}
            errors={shown.for === 'new' ? shown.errors : undefined}
            required
            maxlength={80}
          />
          <Select name="kind" label={t('admin.competitionKind')} options={kinds} selected="league" />
          <button type="submit">{t('admin.competitionAdd')}</button>
        </Form>
      </section>
    </>,
    { title: t('admin.competitions') },
  );
}
