import type { Context } from 'hono';
import { Hono } from 'hono';
import { clubNameForms } from '../../domain/clubs/club-name.ts';
import { removeClubLogo } from '../../domain/clubs/remove-club-logo.ts';
import { LOGO_MAX_BYTES, setClubLogo } from '../../domain/clubs/set-club-logo.ts';
import { updateClubProfile } from '../../domain/clubs/update-club-profile.ts';
import { DomainError } from '../../domain/errors.ts';
import { rotateSigningKey } from '../../domain/tickets/rotate-signing-key.ts';
import { render } from '../../views/layouts/layout.tsx';
import type { ClubFormShown } from '../../views/pages/club/club-fields.tsx';
import { SettingsPage } from '../../views/pages/club/settings-page.tsx';
import { domainMessage } from '../errors.tsx';
import { parseForm } from '../forms.ts';
import { requireClub } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import type { AppEnv } from '../types.ts';
import { clubForm, unconfirmedLookAlikes } from './club-form.ts';

const owner = requireClub({ club: ['update'] });

function showSettings(c: Context<AppEnv>, shown: ClubFormShown, status: 200 | 400 = 200) {
  c.status(status);
  return render(c, <SettingsPage club={c.get('membership').club} logoMaxKib={LOGO_MAX_BYTES / 1024} {...shown} />, {
    title: c.get('t')('settings.title'),
  });
}

/** A club's profile, logo and ticket signing key (owners and admins). */
export const clubSettingsRoutes = new Hono<AppEnv>()
  .get('/:slug/settings', owner, (c) => showSettings(c, {}))
  .post('/:slug/settings', owner, async (c) => {
    const { club } = c.get('membership');
    const form = await parseForm(c, clubForm);
    if (!form.ok) return showSettings(c, form, 400);
    // Only another name is checked (not a change of case or punctuation): a club whose name already
    // resembles another's may still save its colours.
    const renamed = clubNameForms(form.data.name).full !== clubNameForms(club.name).full;
    const warning = renamed ? await unconfirmedLookAlikes(c, form, club.id) : null;
    if (warning) return showSettings(c, warning, 400);
    const { notClub: _, ...profile } = form.data;
    await c.get('deps').db.transaction((tx) => updateClubProfile(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, profile }));
    return redirectWithFlash(c, `/club/${club.slug}`, 'success', c.get('t')('settings.saved'));
  })
  .post('/:slug/settings/logo', owner, async (c) => {
    const { club } = c.get('membership');
    const file = (await c.req.parseBody()).logo;
    if (!(file instanceof File) || file.size === 0) {
      return showSettings(c, { errors: { logo: c.get('t')('error.required') } }, 400);
    }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      await c.get('deps').db.transaction((tx) => setClubLogo(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, bytes }));
    } catch (error) {
      if (error instanceof DomainError) return showSettings(c, { errors: { logo: domainMessage(c, error) } }, 400);
      throw error;
    }
    return redirectWithFlash(c, `/club/${club.slug}/settings`, 'success', c.get('t')('settings.logoSaved'));
  })
  .post('/:slug/settings/rotate-key', owner, async (c) => {
    const { club } = c.get('membership');
    await c.get('deps').db.transaction((tx) => rotateSigningKey(tx, operationContext(c), { actor: actorOf(c), clubId: club.id }));
    return redirectWithFlash(c, `/club/${club.slug}/settings`, 'success', c.get('t')('settings.keyRotated'));
  })
  .post('/:slug/settings/logo/remove', owner, async (c) => {
    const { club } = c.get('membership');
    await c.get('deps').db.transaction((tx) => removeClubLogo(tx, operationContext(c), { actor: actorOf(c), clubId: club.id }));
    return redirectWithFlash(c, `/club/${club.slug}/settings`, 'success', c.get('t')('settings.logoRemoved'));
  });
