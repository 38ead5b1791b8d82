import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { listCatalogChoices } from '../../domain/catalog/list-catalog-choices.ts';
import { COMPETITION_KINDS, saveCompetition } from '../../domain/catalog/save-competition.ts';
import { listClubs } from '../../domain/clubs/list-clubs.ts';
import { CLUB_STATUSES, setClubStatus } from '../../domain/clubs/set-club-status.ts';
import { setClubVerified } from '../../domain/clubs/set-club-verified.ts';
import { render } from '../../views/layouts/layout.tsx';
import { ClubsPage } from '../../views/pages/admin/clubs-page.tsx';
import { CompetitionsPage } from '../../views/pages/admin/competitions-page.tsx';
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

/** The platform admin's view of every club, with suspension, verification and look-alike names. */
export const adminRoutes = new Hono<AppEnv>()
  .use(requirePlatformAdmin)
  .get('/clubs', async (c) => {
    const q = searchText(c.req.query('q'));
    const clubs = await listClubs(c.get('deps').db, q);
    return render(c, <ClubsPage q={q} clubs={clubs} />, { title: c.get('t')('admin.clubs') });
  })
  .get('/competitions', (c) => renderCompetitions(c, {}))
  .post('/competitions', async (c) => {
    const form = await parseForm(c, competitionForm);
    if (!form.ok) return renderCompetitions(c, { ...form, for: 'new' }, 400);
    await saveCompetition(c.get('deps').db, {}, { actor: actorOf(c), competition: form.data });
    return redirectWithFlash(c, '/admin/competitions', 'success', c.get('t')('common.saved'));
  })
  .post('/competitions/:competitionId', async (c) => {
    const id = c.req.param('competitionId');
    const form = await parseForm(c, competitionForm);
    if (!form.ok) return renderCompetitions(c, { ...form, for: id }, 400);
    await saveCompetition(c.get('deps').db, {}, { actor: actorOf(c), competition: { id, ...form.data } });
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

async function renderCompetitions(
  c: Context<AppEnv>,
  shown: { values?: FormValues; errors?: FieldErrors; for?: string },
  status: 200 | 400 = 200,
) {
  const { competitions } = await listCatalogChoices(c.get('deps').db);
  c.status(status);
  return render(c, <CompetitionsPage competitions={competitions} shown={shown} />, { title: c.get('t')('admin.competitions') });
}
