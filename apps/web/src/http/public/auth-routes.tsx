import { isAPIError } from 'better-auth/api';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { countAttempt } from '../../domain/accounts/count-attempt.ts';
import { forgetAttempt } from '../../domain/accounts/forget-attempt.ts';
import { lockAfterFailure } from '../../domain/accounts/lock-after-failure.ts';
import { ATTEMPT_POLICY } from '../../domain/accounts/sign-in-policy.ts';
import { DomainError } from '../../domain/errors.ts';
import { attachGuestOrders } from '../../domain/sales/attach-guest-orders.ts';
import { PASSWORD_MIN } from '../../integrations/auth/auth.ts';
import { render } from '../../views/layouts/layout.tsx';
import { CheckEmailPage } from '../../views/pages/public/check-email-page.tsx';
import { ForgotPasswordPage } from '../../views/pages/public/forgot-password-page.tsx';
import { ResetPasswordPage } from '../../views/pages/public/reset-password-page.tsx';
import { SignInPage } from '../../views/pages/public/sign-in-page.tsx';
import { SignUpPage } from '../../views/pages/public/sign-up-page.tsx';
import { clientIp } from '../client-ip.ts';
import { type FieldErrors, type FormValues, parseForm } from '../forms.ts';
import { rememberDevice, signInAttemptKeys } from '../known-device.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { safeRedirectPath } from '../redirect.ts';
import type { AppEnv } from '../types.ts';
import { emailField, forgotForm, resetForm, signInForm, signUpForm } from './auth-schemas.ts';

type FormProps = { values?: FormValues; errors?: FieldErrors };

/** Copies better-auth's cookies (session set or cleared) onto our response. */
function forwardCookies(c: Context, headers: Headers) {
  for (const cookie of headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
}

/**
 * Where the e-mail confirmation link leads: /verified, then on to `next` (a checkout with its basket,
 * say) — so confirming the address continues what the person was doing.
 */
const verifiedCallback = (next: string | undefined) => {
  const path = safeRedirectPath(next, '');
  return path ? `/verified?next=${encodeURIComponent(path)}` : '/verified';
};

/** Requests that send e-mail are limited per IP address, so nobody floods an inbox through us. */
async function limitMail(c: Context<AppEnv>) {
  const attempt = await countAttempt(c.get('deps').db, [{ kind: 'mail', value: clientIp(c) }]);
  if (!attempt.allowed) throw new DomainError('rate_limited', { minutes: attempt.retryInMinutes });
}

export const authRoutes = new Hono<AppEnv>()
  .get('/sign-up', (c) => renderSignUp(c, { values: { next: safeRedirectPath(c.req.query('next'), '') } }))
  .post('/sign-up', async (c) => {
    const form = await parseForm(c, signUpForm);
    if (!form.ok) return renderSignUp(c, form, 400);
    const { auth } = c.get('deps');
    await limitMail(c);
    const { next, ...account } = form.data;
    // A known address gets the same answer as a new one; its owner is told by e-mail instead.
    await auth.api.signUpEmail({
      body: { ...account, locale: c.get('locale'), callbackURL: verifiedCallback(next) },
      headers: c.req.raw.headers,
    });
    return c.redirect(`/check-email?to=${encodeURIComponent(account.email)}`, 303);
  })
  .get('/check-email', (c) => {
    const to = emailField.safeParse(c.req.query('to') ?? '');
    return render(c, <CheckEmailPage email={to.success ? to.data : undefined} />, { title: c.get('t')('checkEmail.title') });
  })
  // better-auth verifies the link, signs the person in and sends them here (with ?error=… on failure).
  .get('/verified', async (c) => {
    const t = c.get('t');
    const next = safeRedirectPath(c.req.query('next'), '');
    if (c.req.query('error') || !c.get('user')) {
      return redirectWithFlash(c, next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in', 'error', t('verify.failed'));
    }
    return redirectWithFlash(c, next || '/', 'success', t('verify.done'));
  })
  .get('/sign-in', (c) => renderSignIn(c, { values: { next: safeRedirectPath(c.req.query('next'), '') } }))
  .post('/sign-in', async (c) => {
    const t = c.get('t');
    const form = await parseForm(c, signInForm);
    if (!form.ok) return renderSignIn(c, form, 400);
    const { db, auth } = c.get('deps');
    const { email, password } = form.data;
    const keys = signInAttemptKeys(c, email);
    const values = { email, next: form.data.next ?? '' };
    const attempt = await countAttempt(db, keys);
    if (!attempt.allowed) {
      return renderSignIn(c, { values, errors: { _form: t('error.signInLocked', { minutes: attempt.retryInMinutes }) } }, 429);
    }
    try {
      const { headers, response } = await auth.api.signInEmail({
        body: { email, password, rememberMe: true, callbackURL: verifiedCallback(form.data.next) },
        headers: c.req.raw.headers,
        returnHeaders: true,
      });
      await forgetAttempt(db, keys);
      // Signing in proves the (confirmed) address too: orders bought with it as a guest join the account.
      if ('user' in response && response.user) {
        const { id, name } = response.user;
        await db.transaction((tx) => attachGuestOrders(tx, {}, { actor: { userId: id, name }, email }));
      }
      rememberDevice(c, email);
      forwardCookies(c, headers);
      return c.redirect(safeRedirectPath(form.data.next), 303);
    } catch (error) {
      if (!isAPIError(error)) throw error;
      if (error.body?.code === 'EMAIL_NOT_VERIFIED') {
        await forgetAttempt(db, keys); // the password was right
        return renderSignIn(c, { values, errors: { _form: t('signIn.notVerified') } }, 403);
      }
      const locked = await lockAfterFailure(db, keys);
      const message = locked ? t('error.signInLocked', { minutes: ATTEMPT_POLICY.lockMinutes }) : t('signIn.invalid');
      return renderSignIn(c, { values, errors: { _form: message } }, locked ? 429 : 401);
    }
  })
  .post('/sign-out', async (c) => {
    const { auth } = c.get('deps');
    if (c.get('user')) {
      const { headers } = await auth.api.signOut({ headers: c.req.raw.headers, returnHeaders: true });
      forwardCookies(c, headers);
    }
    // Nothing of this person stays on the device: the browser's own cache (and its back-button copies)
    // here, the offline tickets on the way through /account/tickets/forget, which their service worker
    // watches. Not "storage": that would also wipe a steward scanner's unsent scans on this phone.
    c.header('Clear-Site-Data', '"cache"');
    return redirectWithFlash(c, '/account/tickets/forget', 'info', c.get('t')('signOut.done'));
  })
  .get('/forgot-password', (c) => renderForgot(c, {}))
  .post('/forgot-password', async (c) => {
    const form = await parseForm(c, forgotForm);
    if (!form.ok) return renderForgot(c, form, 400);
    const { auth } = c.get('deps');
    await limitMail(c);
    // Same answer whether or not the address has an account.
    await auth.api.requestPasswordReset({ body: { email: form.data.email, redirectTo: '/reset-password' }, headers: c.req.raw.headers });
    return redirectWithFlash(c, '/sign-in', 'info', c.get('t')('forgot.sent', { email: form.data.email }));
  })
  .get('/reset-password', (c) => {
    const token = c.req.query('token');
    if (c.req.query('error') || !token) {
      return redirectWithFlash(c, '/forgot-password', 'error', c.get('t')('reset.invalidLink'));
    }
    return renderReset(c, { values: { token } });
  })
  .post('/reset-password', async (c) => {
    const t = c.get('t');
    const form = await parseForm(c, resetForm);
    if (!form.ok) return renderReset(c, form, 400);
    const { auth } = c.get('deps');
    try {
      await auth.api.resetPassword({ body: { newPassword: form.data.password, token: form.data.token }, headers: c.req.raw.headers });
    } catch (error) {
      if (isAPIError(error) && error.body?.code === 'INVALID_TOKEN') {
        return redirectWithFlash(c, '/forgot-password', 'error', t('reset.invalidLink'));
      }
      throw error;
    }
    return redirectWithFlash(c, '/sign-in', 'success', t('reset.done'));
  });

function renderSignUp(c: Context<AppEnv>, { values, errors }: FormProps, status: 200 | 400 = 200) {
  c.status(status);
  return render(c, <SignUpPage values={values} errors={errors} passwordMin={PASSWORD_MIN} />, { title: c.get('t')('signUp.title') });
}

function renderSignIn(c: Context<AppEnv>, { values, errors }: FormProps, status: 200 | 400 | 401 | 403 | 429 = 200) {
  c.status(status);
  return render(c, <SignInPage values={values} errors={errors} />, { title: c.get('t')('signIn.title') });
}

function renderForgot(c: Context<AppEnv>, { values, errors }: FormProps, status: 200 | 400 = 200) {
  c.status(status);
  return render(c, <ForgotPasswordPage values={values} errors={errors} />, { title: c.get('t')('forgot.title') });
}

function renderReset(c: Context<AppEnv>, { values, errors }: FormProps, status: 200 | 400 = 200) {
  c.status(status);
  return render(c, <ResetPasswordPage token={values?.token ?? ''} errors={errors} passwordMin={PASSWORD_MIN} />, {
    title: c.get('t')('reset.title'),
  });
}
