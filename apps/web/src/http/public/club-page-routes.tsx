import { Hono } from 'hono';
import { listUpcomingMatches } from '../../domain/catalog/list-upcoming-matches.ts';
import { findClubPage } from '../../domain/supporters/find-club-page.ts';
import { followClub } from '../../domain/supporters/follow-club.ts';
import { unfollowClub } from '../../domain/supporters/unfollow-club.ts';
import { Form } from '../../views/components/form.tsx';
import { MatchCard } from '../../views/components/match-card.tsx';
import { VerifiedBadge } from '../../views/components/verified-badge.tsx';
import { render } from '../../views/layouts/layout.tsx';
import { requireUser } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import type { AppEnv } from '../types.ts';

/** A club's public page: its upcoming matches, and following it. */
export const clubPageRoutes = new Hono<AppEnv>()
  .get('/:slug', async (c) => {
    const t = c.get('t');
    const { db } = c.get('deps');
    const club = await findClubPage(db, c.req.param('slug'), c.get('user')?.id);
    const { items } = await listUpcomingMatches(db, { clubSlug: club.slug, includeAway: true }, { pageSize: 50 });
    return render(
      c,
      <>
        <h1 class="club-title">
          {club.logo ? <img src={club.logo} alt="" width="64" height="64" /> : null}
          {club.name}
        </h1>
        <p class="meta">
          {club.commune}
          <VerifiedBadge verified={club.verified} />
        </p>
        <section class="card actions">
          {club.following ? (
            <Form action={`/c/${club.slug}/unfollow`}>
              <button type="submit" class="secondary">
                {t('club.unfollow')}
              </button>
            </Form>
          ) : (
            <Form action={`/c/${club.slug}/follow`}>
              <button type="submit">{t('club.follow')}</button>
            </Form>
          )}
          <span class="hint">{t('club.followHint')}</span>
        </section>
        <h2>{t('club.upcoming')}</h2>
        {items.length === 0 ? <p class="card">{t('home.empty')}</p> : null}
        <ul class="matches">
          {items.map((m) => (
            <MatchCard m={m} />
          ))}
        </ul>
      </>,
      { title: club.name, description: t('club.pageDescription', { club: club.name }) },
    );
  })
  .post('/:slug/follow', requireUser, async (c) => {
    const { db } = c.get('deps');
    const club = await findClubPage(db, c.req.param('slug'));
    await followClub(db, c.get('user')!.id, club.id);
    return redirectWithFlash(c, `/c/${club.slug}`, 'success', c.get('t')('club.followed', { club: club.name }));
  })
  .post('/:slug/unfollow', requireUser, async (c) => {
    const { db } = c.get('deps');
    const club = await findClubPage(db, c.req.param('slug'));
    await unfollowClub(db, { userId: c.get('user')!.id, clubId: club.id });
    return redirectWithFlash(c, `/c/${club.slug}`, 'info', c.get('t')('club.unfollowed', { club: club.name }));
  });

/** The unsubscribe link of the "on sale" e-mails: a page with one button (mail scanners only GET). */
export const unsubscribeRoutes = new Hono<AppEnv>()
  .get('/:token', (c) => {
    const t = c.get('t');
    return render(
      c,
      <section class="card narrow">
        <h1>{t('unsubscribe.title')}</h1>
        <p>{t('unsubscribe.text')}</p>
        <Form action={`/unsubscribe/${encodeURIComponent(c.req.param('token'))}`}>
          <button type="submit">{t('unsubscribe.confirm')}</button>
        </Form>
      </section>,
      { title: t('unsubscribe.title') },
    );
  })
  .post('/:token', async (c) => {
    const t = c.get('t');
    const club = await unfollowClub(c.get('deps').db, { token: c.req.param('token').slice(0, 64) });
    return redirectWithFlash(c, '/', 'info', club ? t('club.unfollowed', { club }) : t('unsubscribe.already'));
  });
