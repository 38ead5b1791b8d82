import { isAPIError } from 'better-auth/api';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { z } from 'zod';
import { recordActivity } from '../../domain/activity/record-activity.ts';
import { listClubMatches } from '../../domain/catalog/list-club-matches.ts';
import { matchTitle } from '../../domain/catalog/match-title.ts';
import { clubNameForms } from '../../domain/clubs/club-name.ts';
import { findClubInvitation } from '../../domain/clubs/find-club-invitation.ts';
import { findClubMember } from '../../domain/clubs/find-club-member.ts';
import { findInvitation } from '../../domain/clubs/find-invitation.ts';
import { findLookAlikeClubs, type LookAlikeClub } from '../../domain/clubs/find-look-alike-clubs.ts';
import { listClubStaff } from '../../domain/clubs/list-club-staff.ts';
import { listMyClubs } from '../../domain/clubs/list-my-clubs.ts';
import { pickClubSlug, slugTaken } from '../../domain/clubs/pick-club-slug.ts';
import { removeClubLogo } from '../../domain/clubs/remove-club-logo.ts';
import { LOGO_MAX_BYTES, setClubLogo } from '../../domain/clubs/set-club-logo.ts';
import { updateClubProfile } from '../../domain/clubs/update-club-profile.ts';
import { DomainError } from '../../domain/errors.ts';
import { summarizeMatchSales } from '../../domain/sales/summarize-match-sales.ts';
import { giveClubSigningKey } from '../../domain/tickets/give-club-signing-key.ts';
import { rotateSigningKey } from '../../domain/tickets/rotate-signing-key.ts';
import { formatDate, formatDateTime, formatMoney, type MessageKey } from '../../i18n/index.ts';
import { can, INVITABLE_ROLES } from '../../integrations/auth/access.ts';
import { Field, Form, FormError, Select } from '../../views/components/form.tsx';
import { VerifiedBadge } from '../../views/components/verified-badge.tsx';
import { render } from '../../views/layouts/layout.tsx';
import { domainMessage } from '../errors.tsx';
import { text } from '../fields.ts';
import { type FieldErrors, type FormValues, parseForm } from '../forms.ts';
import { requireClub, requireUser } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import { emailField } from '../public/auth-schemas.ts';
import type { AppEnv } from '../types.ts';

const color = z
  .string()
  .trim()
  .regex(/^(#[0-9a-fA-F]{6})?$/, 'error.color')
  .transform((v) => v || undefined);
const clubForm = z.object({
  name: text(2, 80),
  commune: text(1, 80),
  colorPrimary: color.optional(),
  colorSecondary: color.optional(),
  // The look-alike clubs the person said their club is not (checkboxes "notClub[]").
  notClub: z.array(z.string().max(64)).max(50).default([]),
});

type ClubFormShown = { values?: FormValues; errors?: FieldErrors; lookAlikes?: LookAlikeClub[]; confirmed?: string[] };

/**
 * A club name that supporters could take for another club's needs the person to say, club by club,
 * that theirs is not that one; until then the form comes back with the look-alikes listed.
 */
async function unconfirmedLookAlikes(
  c: Context<AppEnv>,
  form: { data: z.infer<typeof clubForm>; values: FormValues },
  exceptClubId?: string,
): Promise<ClubFormShown | null> {
  const { name, notClub } = form.data;
  const lookAlikes = await findLookAlikeClubs(c.get('deps').db, name, { exceptClubId });
  if (lookAlikes.every((club) => notClub.includes(club.id))) return null;
  return { values: form.values, errors: { name: c.get('t')('error.lookAlikeUnconfirmed') }, lookAlikes, confirmed: notClub };
}
const inviteForm = z.object({ email: emailField, role: z.enum(INVITABLE_ROLES) });
const roleForm = z.object({ role: z.enum(INVITABLE_ROLES) });

// better-auth's organization errors that a person can cause, in words they understand.
const ORG_ERRORS: Record<string, MessageKey> = {
  USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION: 'staff.alreadyMember',
  YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER: 'staff.lastOwner',
  YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER: 'staff.lastOwner',
  EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION: 'invitation.verifyFirst',
  YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION: 'error.notFound',
  INVITATION_NOT_FOUND: 'error.notFound',
};

/**
 * One call to better-auth's organization API (which writes staff changes itself, decision 003), then,
 * only if it succeeded, the club's activity line for it (decision 013).
 */
async function orgCall(
  c: Context<AppEnv>,
  back: string,
  call: () => Promise<unknown>,
  done: MessageKey,
  logged?: Omit<Parameters<typeof recordActivity>[1], 'actor'>,
) {
  const t = c.get('t');
  try {
    await call();
  } catch (error) {
    if (!isAPIError(error)) throw error;
    const key = ORG_ERRORS[String(error.body?.code)] ?? (error.statusCode === 403 ? 'error.forbidden' : 'error.generic');
    return redirectWithFlash(c, back, 'error', t(key));
  }
  if (logged) await c.get('deps').db.transaction((tx) => recordActivity(tx, { ...logged, actor: actorOf(c) }));
  return redirectWithFlash(c, back, 'success', t(done));
}

const ROLE_LABEL: Record<string, MessageKey> = { owner: 'role.owner', admin: 'role.admin', steward: 'role.steward' };
const roleLabel = (c: Context<AppEnv>, role: string | null) => {
  const key = role ? ROLE_LABEL[role] : undefined;
  return key ? c.get('t')(key) : (role ?? '');
};

/** Registering a club and the list of one's clubs. */
export const clubsRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get('/', async (c) => {
    const t = c.get('t');
    const clubs = await listMyClubs(c.get('deps').db, c.get('user')!.id);
    return render(
      c,
      <>
        <h1>{t('clubs.title')}</h1>
        {clubs.length === 0 ? <p class="card">{t('clubs.none')}</p> : null}
        <ul class="matches">
          {clubs.map((club) => (
            <li class="card">
              <a href={`/club/${club.slug}`}>
                <strong>{club.name}</strong>
              </a>{' '}
              <span class="badge">{roleLabel(c, club.role)}</span>{' '}
              {club.status === 'suspended' ? <span class="badge bad">{t('club.suspended')}</span> : null}
            </li>
          ))}
        </ul>
        <p>
          <a class="button" href="/clubs/new">
            {t('clubs.register')}
          </a>
        </p>
      </>,
      { title: t('clubs.title') },
    );
  })
  .get('/new', (c) => renderNewClub(c, {}))
  .post('/new', async (c) => {
    const form = await parseForm(c, clubForm);
    if (!form.ok) return renderNewClub(c, form, 400);
    const warning = await unconfirmedLookAlikes(c, form);
    if (warning) return renderNewClub(c, warning, 400);
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
    await giveClubSigningKey(db, slug, c.get('deps').config.sales.ticketSealingKey);
    return redirectWithFlash(c, `/club/${slug}`, 'success', c.get('t')('clubs.created', { name: form.data.name }));
  });

/** The back office of one club: every route below is scoped by `requireClub`. */
export const clubRoutes = new Hono<AppEnv>()
  .get('/:slug', requireClub(), async (c) => {
    const t = c.get('t');
    const locale = c.get('locale');
    const { club, role } = c.get('membership');
    const { db } = c.get('deps');
    const upcoming = await listClubMatches(db, club.id, { limit: 10 });
    const revenue = can(role, { sales: ['read'] })
      ? await Promise.all(upcoming.map((m) => summarizeMatchSales(db, club.id, m.id).then((s) => s.revenueCents)))
      : [];
    return render(
      c,
      <>
        <h1 class="club-title">
          {club.logo ? <img src={club.logo} alt="" width="48" height="48" /> : null}
          {club.name}
        </h1>
        {club.status === 'suspended' ? <p class="alert error">{t('error.clubSuspended')}</p> : null}
        <section class="card">
          <p>
            {t('club.yourRole')}: <span class="badge">{roleLabel(c, role)}</span>
          </p>
          <p>{club.commune}</p>
          <div class="actions">
            {can(role, { catalog: ['manage'] }) ? (
              <>
                <a class="button" href={`/club/${club.slug}/matches`}>
                  {t('matches.title')}
                </a>
                <a class="button secondary" href={`/club/${club.slug}/venues`}>
                  {t('venue.title')}
                </a>
              </>
            ) : null}
            {can(role, { sales: ['read'] }) ? (
              <a class="button secondary" href={`/club/${club.slug}/orders`}>
                {t('orders.title')}
              </a>
            ) : null}
            {can(role, { club: ['update'] }) ? (
              <a class="button secondary" href={`/club/${club.slug}/devices`}>
                {t('devices.title')}
              </a>
            ) : null}
            {can(role, { club: ['update'] }) ? (
              <a class="button secondary" href={`/club/${club.slug}/payouts`}>
                {t('payouts.title')}
              </a>
            ) : null}
            {can(role, { club: ['update'] }) ? (
              <a class="button secondary" href={`/club/${club.slug}/settings`}>
                {t('settings.title')}
              </a>
            ) : null}
            {can(role, { member: ['create'] }) ? (
              <a class="button secondary" href={`/club/${club.slug}/staff`}>
                {t('staff.title')}
              </a>
            ) : null}
            {can(role, { club: ['update'] }) ? (
              <a class="button secondary" href={`/club/${club.slug}/activity`}>
                {t('activity.link')}
              </a>
            ) : null}
          </div>
        </section>
        <section class="card">
          <h2>{t('dashboard.upcoming')}</h2>
          {upcoming.length === 0 ? <p>{t('matches.none')}</p> : null}
          {upcoming.map((m, i) => (
            <div class="dashboard-match">
              <h3>
                {can(role, { catalog: ['manage'] }) ? (
                  <a href={`/club/${club.slug}/matches/${m.id}`}>{matchTitle(m.isHome, club.name, m.opponentName)}</a>
                ) : (
                  matchTitle(m.isHome, club.name, m.opponentName)
                )}
              </h3>
              <p class="meta">
                {formatDateTime(m.kickoffAt, locale)} · {m.competition}
                {revenue[i] !== undefined ? ` · ${t('dashboard.revenue', { amount: formatMoney(revenue[i], locale) })}` : null}
              </p>
              {m.stands.length > 0 ? (
                <table>
                  <thead>
                    <tr>
                      <th>{t('stand.name')}</th>
                      <th>{t('dashboard.sold')}</th>
                      <th>{t('dashboard.left')}</th>
                      <th>{t('dashboard.cap')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.stands.map((s) => (
                      <tr>
                        <td>{s.name}</td>
                        <td>{s.sold}</td>
                        <td>{s.seatsLeft}</td>
                        <td>{s.cap}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </div>
          ))}
        </section>
      </>,
      { title: club.name },
    );
  })
  .get('/:slug/settings', requireClub({ club: ['update'] }), (c) => renderSettings(c, {}))
  .post('/:slug/settings', requireClub({ club: ['update'] }), async (c) => {
    const { club } = c.get('membership');
    const form = await parseForm(c, clubForm);
    if (!form.ok) return renderSettings(c, form, 400);
    // Only another name is checked (not a change of case or punctuation): a club whose name already
    // resembles another's may still save its colours.
    const renamed = clubNameForms(form.data.name).full !== clubNameForms(club.name).full;
    const warning = renamed ? await unconfirmedLookAlikes(c, form, club.id) : null;
    if (warning) return renderSettings(c, warning, 400);
    const { notClub: _, ...profile } = form.data;
    await c.get('deps').db.transaction((tx) => updateClubProfile(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, profile }));
    return redirectWithFlash(c, `/club/${club.slug}`, 'success', c.get('t')('settings.saved'));
  })
  .post('/:slug/settings/logo', requireClub({ club: ['update'] }), async (c) => {
    const { club } = c.get('membership');
    const file = (await c.req.parseBody()).logo;
    if (!(file instanceof File) || file.size === 0) {
      return renderSettings(c, { errors: { logo: c.get('t')('error.required') } }, 400);
    }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      await c.get('deps').db.transaction((tx) => setClubLogo(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, bytes }));
    } catch (error) {
      if (error instanceof DomainError) return renderSettings(c, { errors: { logo: domainMessage(c, error) } }, 400);
      throw error;
    }
    return redirectWithFlash(c, `/club/${club.slug}/settings`, 'success', c.get('t')('settings.logoSaved'));
  })
  .post('/:slug/settings/rotate-key', requireClub({ club: ['update'] }), async (c) => {
    const { club } = c.get('membership');
    await c.get('deps').db.transaction((tx) => rotateSigningKey(tx, operationContext(c), { actor: actorOf(c), clubId: club.id }));
    return redirectWithFlash(c, `/club/${club.slug}/settings`, 'success', c.get('t')('settings.keyRotated'));
  })
  .post('/:slug/settings/logo/remove', requireClub({ club: ['update'] }), async (c) => {
    const { club } = c.get('membership');
    await c.get('deps').db.transaction((tx) => removeClubLogo(tx, operationContext(c), { actor: actorOf(c), clubId: club.id }));
    return redirectWithFlash(c, `/club/${club.slug}/settings`, 'success', c.get('t')('settings.logoRemoved'));
  })
  .get('/:slug/staff', requireClub({ member: ['create'] }), (c) => renderStaff(c, {}))
  .post('/:slug/staff/invite', requireClub({ invitation: ['create'] }), async (c) => {
    const { club } = c.get('membership');
    const form = await parseForm(c, inviteForm);
    if (!form.ok) return renderStaff(c, form, 400);
    return orgCall(
      c,
      `/club/${club.slug}/staff`,
      () => c.get('deps').auth.api.createInvitation({ body: { ...form.data, organizationId: club.id }, headers: c.req.raw.headers }),
      'staff.invited',
      { clubId: club.id, action: 'staff.invited', details: { email: form.data.email, role: form.data.role } },
    );
  })
  .post('/:slug/staff/:memberId/role', requireClub({ member: ['update'] }), async (c) => {
    const { club } = c.get('membership');
    const target = await findClubMember(c.get('deps').db, club.id, c.req.param('memberId'));
    const form = await parseForm(c, roleForm);
    if (!form.ok || target.role === 'owner')
      return redirectWithFlash(c, `/club/${club.slug}/staff`, 'error', c.get('t')('error.forbidden'));
    return orgCall(
      c,
      `/club/${club.slug}/staff`,
      () =>
        c.get('deps').auth.api.updateMemberRole({
          body: { memberId: target.id, role: form.data.role, organizationId: club.id },
          headers: c.req.raw.headers,
        }),
      'staff.roleChanged',
      {
        clubId: club.id,
        action: 'staff.role_changed',
        subject: { memberId: target.id },
        details: { name: target.name, from: target.role, to: form.data.role },
      },
    );
  })
  .post('/:slug/staff/:memberId/remove', requireClub({ member: ['delete'] }), async (c) => {
    const { club } = c.get('membership');
    const target = await findClubMember(c.get('deps').db, club.id, c.req.param('memberId'));
    if (target.role === 'owner') return redirectWithFlash(c, `/club/${club.slug}/staff`, 'error', c.get('t')('staff.lastOwner'));
    return orgCall(
      c,
      `/club/${club.slug}/staff`,
      () =>
        c.get('deps').auth.api.removeMember({ body: { memberIdOrEmail: target.id, organizationId: club.id }, headers: c.req.raw.headers }),
      'staff.removed',
      { clubId: club.id, action: 'staff.removed', subject: { memberId: target.id }, details: { name: target.name, role: target.role } },
    );
  })
  .post('/:slug/invitations/:invitationId/cancel', requireClub({ invitation: ['cancel'] }), async (c) => {
    const { club } = c.get('membership');
    const found = await findClubInvitation(c.get('deps').db, club.id, c.req.param('invitationId'));
    return orgCall(
      c,
      `/club/${club.slug}/staff`,
      () => c.get('deps').auth.api.cancelInvitation({ body: { invitationId: found.id }, headers: c.req.raw.headers }),
      'staff.invitationCancelled',
      { clubId: club.id, action: 'staff.invitation_cancelled', details: { email: found.email } },
    );
  });

/** The recipient's side of an invitation (the link in the e-mail). */
export const invitationRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get('/:invitationId', async (c) => {
    const t = c.get('t');
    const invitation = await findInvitation(c.get('deps').db, c.req.param('invitationId'), c.get('user')!.email);
    return render(
      c,
      <section class="card narrow">
        <h1>{t('invitation.title', { club: invitation.club })}</h1>
        <p>{t('invitation.text', { inviter: invitation.inviter, club: invitation.club, role: roleLabel(c, invitation.role) })}</p>
        <div class="actions">
          <Form action={`/invitations/${invitation.id}/accept`}>
            <button type="submit">{t('invitation.accept')}</button>
          </Form>
          <Form action={`/invitations/${invitation.id}/decline`}>
            <button type="submit" class="secondary">
              {t('invitation.decline')}
            </button>
          </Form>
        </div>
      </section>,
      { title: t('invitation.title', { club: invitation.club }) },
    );
  })
  .post('/:invitationId/accept', async (c) => {
    const invitation = await findInvitation(c.get('deps').db, c.req.param('invitationId'), c.get('user')!.email);
    return orgCall(
      c,
      `/club/${invitation.clubSlug}`,
      () => c.get('deps').auth.api.acceptInvitation({ body: { invitationId: invitation.id }, headers: c.req.raw.headers }),
      'invitation.accepted',
    );
  })
  .post('/:invitationId/decline', async (c) => {
    const invitation = await findInvitation(c.get('deps').db, c.req.param('invitationId'), c.get('user')!.email);
    return orgCall(
      c,
      '/clubs',
      () => c.get('deps').auth.api.rejectInvitation({ body: { invitationId: invitation.id }, headers: c.req.raw.headers }),
      'invitation.declined',
    );
  });

function ClubFields({ values, errors, lookAlikes, confirmed = [], nameHint }: ClubFormShown & { nameHint?: string }) {
  const c = useRequestContext<AppEnv>();
  const t = c.get('t');
  return (
    <>
      <Field name="name" label={t('club.name')} values={values} errors={errors} required maxlength={80} hint={nameHint} />
      {lookAlikes?.length ? (
        <fieldset class="alert info look-alike">
          <legend>
            <strong>{t('clubs.lookAlikeTitle')}</strong>
          </legend>
          <p>{t('clubs.lookAlikeText')}</p>
          <ul>
            {lookAlikes.map((club) => (
              <li>
                <label class="inline">
                  <input type="checkbox" name="notClub[]" value={club.id} checked={confirmed.includes(club.id)} />{' '}
                  {t('clubs.notThisClub', { club: club.name })}
                </label>
                <br />
                <span class="meta">
                  <a href={`/c/${club.slug}`}>{club.name}</a>
                  {club.commune ? `, ${club.commune}` : ''}
                </span>
                <VerifiedBadge verified={club.verified} />
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <Field
        name="commune"
        label={t('club.commune')}
        values={values}
        errors={errors}
        required
        maxlength={80}
        hint={t('club.communeHint')}
      />
      <Field name="colorPrimary" type="color" label={t('club.colorPrimary')} values={values} errors={errors} value="#0a6b3d" />
      <Field name="colorSecondary" type="color" label={t('club.colorSecondary')} values={values} errors={errors} value="#ffffff" />
    </>
  );
}

async function renderSettings(c: Context<AppEnv>, { values, errors, lookAlikes, confirmed }: ClubFormShown, status: 200 | 400 = 200) {
  const t = c.get('t');
  const { club } = c.get('membership');
  const shown = values ?? {
    name: club.name,
    commune: club.commune ?? '',
    colorPrimary: club.colorPrimary ?? '',
    colorSecondary: club.colorSecondary ?? '',
  };
  c.status(status);
  return render(
    c,
    <>
      <h1>
        {t('settings.title')} · {club.name}
      </h1>
      <section class="card">
        <Form action={`/club/${club.slug}/settings`}>
          <ClubFields
            values={shown}
            errors={errors}
            lookAlikes={lookAlikes}
            confirmed={confirmed}
            nameHint={club.verifiedAt ? t('settings.verifiedNameHint') : undefined}
          />
          <button type="submit">{t('common.save')}</button>
        </Form>
      </section>
      <section class="card">
        <h2>{t('settings.logo')}</h2>
        {club.logo ? <img src={club.logo} alt={t('settings.currentLogo')} width="96" height="96" class="logo" /> : null}
        <Form action={`/club/${club.slug}/settings/logo`} enctype="multipart/form-data">
          <div class={errors?.logo ? 'field invalid' : 'field'}>
            <label for="f-logo">{t('settings.logoFile')}</label>
            <input id="f-logo" name="logo" type="file" accept="image/png,image/jpeg,image/webp" required aria-describedby="f-logo-hint" />
            <small id="f-logo-hint" class="hint">
              {t('settings.logoHint', { max: LOGO_MAX_BYTES / 1024 })}
            </small>
            {errors?.logo ? (
              <small class="error" role="alert">
                {errors.logo}
              </small>
            ) : null}
          </div>
          <button type="submit">{t('settings.logoUpload')}</button>
        </Form>
        {club.logo ? (
          <Form action={`/club/${club.slug}/settings/logo/remove`} idPrefix="logo-remove">
            <button type="submit" class="secondary">
              {t('settings.logoRemove')}
            </button>
          </Form>
        ) : null}
      </section>
      <section class="card">
        <h2>{t('settings.ticketKey')}</h2>
        <p class="hint">{t('settings.ticketKeyHint')}</p>
        <Form action={`/club/${club.slug}/settings/rotate-key`} idPrefix="rotate-key">
          <button type="submit" class="secondary">
            {t('settings.rotateKey')}
          </button>
        </Form>
      </section>
    </>,
    { title: t('settings.title') },
  );
}

function renderNewClub(c: Context<AppEnv>, { values, errors, lookAlikes, confirmed }: ClubFormShown, status: 200 | 400 = 200) {
  const t = c.get('t');
  c.status(status);
  return render(
    c,
    <section class="card narrow">
      <h1>{t('clubs.register')}</h1>
      <p>{t('clubs.registerIntro')}</p>
      <Form action="/clubs/new">
        <FormError errors={errors} />
        <ClubFields values={values} errors={errors} lookAlikes={lookAlikes} confirmed={confirmed} />
        <button type="submit">{t('clubs.registerSubmit')}</button>
      </Form>
    </section>,
    { title: t('clubs.register') },
  );
}

async function renderStaff(c: Context<AppEnv>, { values, errors }: { values?: FormValues; errors?: FieldErrors }, status: 200 | 400 = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const { club, role } = c.get('membership');
  const staff = await listClubStaff(c.get('deps').db, club.id);
  const roleOptions = INVITABLE_ROLES.map((r) => ({ value: r, label: roleLabel(c, r) }));
  c.status(status);
  return render(
    c,
    <>
      <h1>
        {t('staff.title')} · {club.name}
      </h1>
      <section class="card table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('field.name')}</th>
              <th>{t('field.email')}</th>
              <th>{t('staff.role')}</th>
              <th>
                <span class="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.members.map((m) => (
              <tr>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>
                  {m.role === 'owner' || !can(role, { member: ['update'] }) ? (
                    roleLabel(c, m.role)
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
                  {m.role !== 'owner' && can(role, { member: ['delete'] }) ? (
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
                  <td>{roleLabel(c, i.role)}</td>
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
    </>,
    { title: t('staff.title') },
  );
}
