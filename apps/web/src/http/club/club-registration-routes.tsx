import type { Context } from 'hono';
import { Hono } from 'hono';
import { listMyClubs } from '../../domain/clubs/list-my-clubs.ts';
import { pickClubSlug, slugTaken } from '../../domain/clubs/pick-club-slug.ts';
import { giveClubSigningKey } from '../../domain/tickets/give-club-signing-key.ts';
import { render } from '../../views/layouts/layout.tsx';
import type { ClubFormShown } from '../../views/pages/club/club-fields.tsx';
import { MyClubsPage } from '../../views/pages/club/my-clubs-page.tsx';
import { NewClubPage } from '../../views/pages/club/new-club-page.tsx';
import { parseForm } from '../forms.ts';
import { requireUser } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import type { AppEnv } from '../types.ts';
import { clubForm, unconfirmedLookAlikes } from './club-form.ts';

function showNewClub(c: Context<AppEnv>, shown: ClubFormShown, status: 200 | 400 = 200) {
  c.status(status);
  return render(c, <NewClubPage {...shown} />, { title: c.get('t')('clubs.register') });
}

/** Registering a club and the list of one's clubs (under /clubs). */
export const clubRegistrationRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get('/', async (c) => {
    const clubs = await listMyClubs(c.get('deps').db, c.get('user')!.id);
    return render(c, <MyClubsPage clubs={clubs} />, { title: c.get('t')('clubs.title') });
  })
  .get('/new', (c) => showNewClub(c, {}))
  .post('/new', async (c) => {
    const form = await parseForm(c, clubForm);
    if (!form.ok) return showNewClub(c, form, 400);
    const warning = await unconfirmedLookAlikes(c, form);
    if (warning) return showNewClub(c, warning, 400);
    const { notClub: _, ...profile } = form.data;
    const { db, auth } = c.get('deps');
    // Two clubs of the same name registered at the same moment may pick the same slug: try again.
    let slug = '';
    for (let attempt = 0; ; attempt++) {
      slug = await pickClubSlug(db, profile.name);
      try {
        await auth.api.createOrganization({
          body: { ...profile, slug, country: 'BE', keepCurrentActiveOrganization: true },
          headers: c.req.raw.headers,
        });
        break;
      } catch (error) {
        if (attempt >= 3 || !(await slugTaken(db, slug))) throw error;
      }
    }
    await giveClubSigningKey(db, operationContext(c), { actor: actorOf(c), clubSlug: slug });
    // Straight to the first setup step: the club's ground.
    return redirectWithFlash(c, `/club/${slug}/venues#add-venue`, 'success', c.get('t')('clubs.created', { name: form.data.name }));
  });
