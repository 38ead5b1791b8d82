import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { createAuthMiddleware } from 'better-auth/api';
import { organization } from 'better-auth/plugins';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import * as schema from '../../db/schema/index.ts';
import { type Outbox, QUEUES } from '../../domain/outbox.ts';
import { DEFAULT_LOCALE, isLocale, isMessageKey, translator } from '../../i18n/index.ts';
import { renderMail } from '../../jobs/mail-templates.ts';
import { ac, roles } from './access.ts';

export interface AuthOptions {
  db: Db;
  logger: Logger;
  outbox: Outbox;
  baseURL: string;
  secret: string;
  secureCookies: boolean;
  /** Once a person confirms their address (the app attaches the orders a guest bought with it). */
  onEmailVerified?: (user: { id: string; name: string; email: string }) => Promise<void>;
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const SESSION_COOKIE_PREFIX = 'footarena';

export function createAuth({ db, logger, outbox, baseURL, secret, secureCookies, onEmailVerified }: AuthOptions) {
  const localeOf = (user: object) => ('locale' in user && isLocale(user.locale) ? user.locale : undefined);
  const mail = (to: string, message: ReturnType<typeof renderMail>) => outbox.send(db, QUEUES.mail, { to, ...message });

  return betterAuth({
    appName: 'FootArena',
    baseURL,
    secret,
    database: drizzleAdapter(db, { provider: 'pg', schema }),
    // Into the app's JSON log, message only: the extra arguments can hold request data.
    logger: { level: 'warn', log: (level, message) => logger[level]({ component: 'auth' }, message) },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      autoSignIn: false,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: ({ user, url }) => mail(user.email, renderMail('reset', localeOf(user), { url, name: user.name })),
      // Sign-up with a known address answers like a new one (no account enumeration) and tells the owner.
      onExistingUserSignUp: ({ user }) =>
        mail(user.email, renderMail('existingAccount', localeOf(user), { url: `${baseURL}/forgot-password`, name: user.name })),
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: 24 * 60 * 60,
      sendVerificationEmail: ({ user, url }) => mail(user.email, renderMail('verify', localeOf(user), { url, name: user.name })),
      afterEmailVerification: async (user) => {
        await onEmailVerified?.(user);
      },
    },
    user: {
      additionalFields: {
        locale: { type: 'string', required: false, input: true },
        platformRole: { type: 'string', required: false, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    hooks: {
      // Whatever signs a browser in (the password form, the e-mail confirmation link) ends the
      // session it held before: otherwise the previous person's session outlives their sign-out
      // on a shared device, valid for 30 days to anyone holding a copy of its cookie.
      after: createAuthMiddleware(async (ctx) => {
        const fresh = ctx.context.newSession?.session.token;
        if (!fresh) return;
        const previous = await ctx.getSignedCookie(ctx.context.authCookies.sessionToken.name, ctx.context.secret);
        // The same token is a session being extended, not replaced.
        if (previous && previous !== fresh) await ctx.context.internalAdapter.deleteSession(previous);
      }),
    },
    advanced: {
      disableOriginCheck: false, // also under NODE_ENV=test, where better-auth would skip it
      cookiePrefix: SESSION_COOKIE_PREFIX,
      useSecureCookies: secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
    },
    plugins: [
      organization({
        ac,
        roles,
        creatorRole: 'owner',
        invitationExpiresIn: 7 * 24 * 60 * 60,
        cancelPendingInvitationsOnReInvite: true,
        requireEmailVerificationOnInvitation: true,
        sendInvitationEmail: ({ email, organization: club, inviter, id, role }) => {
          const locale = localeOf(inviter.user);
          const roleKey = `role.${role}`;
          return mail(
            email,
            renderMail('invitation', locale, {
              url: `${baseURL}/invitations/${id}`,
              club: club.name,
              inviter: inviter.user.name,
              role: isMessageKey(roleKey) ? translator(locale ?? DEFAULT_LOCALE)(roleKey) : role,
            }),
          );
        },
        schema: {
          organization: {
            additionalFields: {
              commune: { type: 'string', required: false },
              country: { type: 'string', required: true, defaultValue: 'BE' },
              colorPrimary: { type: 'string', required: false },
              colorSecondary: { type: 'string', required: false },
              status: { type: 'string', required: true, defaultValue: 'active', input: false },
              verifiedAt: { type: 'date', required: false, input: false },
            },
          },
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
