import { Hono } from 'hono';
import { listUpcomingMatches } from '../../domain/catalog/list-upcoming-matches.ts';
import { listPublicSeasonProducts } from '../../domain/seasons/list-public-season-products.ts';
import { findClubPage } from '../../domain/supporters/find-club-page.ts';
import { followClub } from '../../domain/supporters/follow-club.ts';
import { unfollowClub } from '../../domain/supporters/unfollow-club.ts';
import { render } from '../../views/layouts/layout.tsx';
import { ClubPage } from '../../views/pages/public/club-page.tsx';
import { UnsubscribePage } from '../../views/pages/public/unsubscribe-page.tsx';
import { requireUser } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf } from '../operation.ts';
import type { AppEnv } from '../types.ts';

/** A club's public page: its upcoming matches, and following it. */
export const clubPageRoutes = new Hono<AppEnv>()
  .get('/:slug', async (c) => {
    const t = c.get('t');
    const { db } = c.get('deps');
    const club = await findClubPage(db, c.req.param('slug'), c.get('user')?.id);
    const { items } = await listUpcomingMatches(db, { clubSlug: club.slug, includeAway: true }, { pageSize: 50 });
    const seasons = await listPublicSeasonProducts(db, { clubId: club.id });
    return render(c, <ClubPage club={club} matches={items} seasons={seasons} />, {
      title: club.name,
      description: t('club.pageDescription', { club: club.name }),
    });
  })
  .post('/:slug/follow', requireUser, async (c) => {
    const { db } = c.get('deps');
    const club = await findClubPage(db, c.req.param('slug'));
    await followClub(db, {}, { actor: actorOf(c), clubId: club.id });
    return redirectWithFlash(c, `/c/${club.slug}`, 'success', c.get('t')('club.followed', { club: club.name }));
  })
  .post('/:slug/unfollow', requireUser, async (c) => {
    const { db } = c.get('deps');
    const club = await findClubPage(db, c.req.param('slug'));
    await unfollowClub(db, {}, { actor: actorOf(c), clubId: club.id });
    return redirectWithFlash(c, `/c/${club.slug}`, 'info', c.get('t')('club.unfollowed', { club: club.name }));
  });

/** The unsubscribe link of the "on sale" e-mails: a page with one button (mail scanners only GET). */
export const unsubscribeRoutes = new Hono<AppEnv>()
  .get('/:token', (c) => render(c, <UnsubscribePage token={c.req.param('token')} />, { title: c.get('t')('unsubscribe.title') }))
  .post('/:token', async (c) => {
    const t = c.get('t');
    const club = await unfollowClub(c.get('deps').db, {}, { token: c.req.param('token').slice(0, 64) });
    return redirectWithFlash(c, '/', 'info', club ? t('club.unfollowed', { club }) : t('unsubscribe.already'));
  });
