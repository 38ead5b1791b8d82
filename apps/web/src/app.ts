import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, Asset } from './deps.ts';
import { LOGO_MAX_BYTES } from './domain/clubs/set-club-logo.ts';
import { accountRoutes } from './http/account/account-routes.tsx';
import { seasonRoutes as accountSeasonRoutes } from './http/account/season-routes.tsx';
import { ticketRoutes } from './http/account/ticket-routes.tsx';
import { adminRoutes } from './http/admin/admin-routes.tsx';
import { assetRoutes, prepareAssets } from './http/assets.ts';
import { activityRoutes } from './http/club/activity-routes.tsx';
import { attendanceRoutes } from './http/club/attendance-routes.tsx';
import { boxOfficeRoutes } from './http/club/box-office-routes.tsx';
import { clubDashboardRoutes } from './http/club/club-dashboard-routes.tsx';
import { clubRegistrationRoutes } from './http/club/club-registration-routes.tsx';
import { clubSettingsRoutes } from './http/club/club-settings-routes.tsx';
import { deviceRoutes } from './http/club/device-routes.tsx';
import { guestRoutes } from './http/club/guest-routes.tsx';
import { invitationRoutes } from './http/club/invitation-routes.tsx';
import { clubMatchRoutes } from './http/club/match-routes.tsx';
import { memberRoutes } from './http/club/member-routes.tsx';
import { orderRoutes } from './http/club/order-routes.tsx';
import { payoutRoutes } from './http/club/payout-routes.tsx';
import { seasonRoutes } from './http/club/season-routes.tsx';
import { staffRoutes } from './http/club/staff-routes.tsx';
import { venueRoutes } from './http/club/venue-routes.tsx';
import { devMailRoutes } from './http/dev/mail-routes.tsx';
import { deviceApiV1 } from './http/device-api/v1.ts';
import { handleError, renderError } from './http/errors.tsx';
import { bodyLimit } from './http/middleware/body-limit.ts';
import { compress } from './http/middleware/compress.ts';
import { csrfToken } from './http/middleware/csrf-token.ts';
import { flash } from './http/middleware/flash.ts';
import { locale } from './http/middleware/locale.ts';
import { noStore } from './http/middleware/no-store.ts';
import { requestLog } from './http/middleware/request-log.ts';
import { session } from './http/middleware/session.ts';
import { routeParamGuard } from './http/params.ts';
import { authRoutes } from './http/public/auth-routes.tsx';
import { clubPageRoutes, unsubscribeRoutes } from './http/public/club-page-routes.tsx';
import { demoPayRoutes } from './http/public/demo-pay-routes.tsx';
import { forClubsRoutes } from './http/public/for-clubs-routes.tsx';
import { gatePayRoutes } from './http/public/gate-pay-routes.tsx';
import { guestOrderRoutes } from './http/public/guest-order-routes.tsx';
import { homeRoutes } from './http/public/home-routes.tsx';
import { logoRoutes } from './http/public/logo-routes.ts';
import { matchRoutes } from './http/public/match-routes.tsx';
import { publicSeasonRoutes } from './http/public/season-routes.tsx';
import { safeRedirectPath } from './http/redirect.ts';
import { scannerRoutes } from './http/scanner/scanner-routes.tsx';
import type { AppEnv } from './http/types.ts';
import { stripeWebhookRoutes } from './http/webhooks/stripe.ts';

const STATIC_ASSETS: Record<string, Asset> = Object.fromEntries(
  [
    ['app.css', 'text/css; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
  ].map(([name, type]) => [name, { body: readFileSync(new URL(`../public/${name}`, import.meta.url), 'utf8'), type }]),
);

/** The query parameters by which better-auth's endpoints are told where to send the browser next. */
const REDIRECT_PARAMS = ['callbackURL', 'redirectTo', 'errorCallbackURL', 'newUserCallbackURL'];

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.use(requestId(), async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(requestLog);
  app.use(compress);
  // Every path parameter of every route below is checked by name before anything reads it.
  const params = routeParamGuard();
  app.use(params.middleware);
  app.route('/logos', logoRoutes); // images, with their own strict headers
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        // WebAssembly: the scanner's QR reader where the browser has no BarcodeDetector.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: deps.config.secureCookies ? 'max-age=31536000; includeSubDomains' : false,
      referrerPolicy: 'same-origin',
      // A response that sets its own policy keeps it (the dev mailbox's framed mail, stricter still).
      overwrite: false,
    }),
  );

  app.route('/assets', assetRoutes(prepareAssets({ ...STATIC_ASSETS, ...deps.clientAssets })));
  app.route('/webhooks/stripe', stripeWebhookRoutes); // raw body, signed: before the form middleware
  app.use('/api/v1/*', noStore);
  app.route('/api/v1', deviceApiV1); // JSON with a device token: no cookies, no forms
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await deps.db.execute(sql`select 1`);
      return c.json({ status: 'ready' });
    } catch {
      return c.json({ status: 'unavailable' }, 503);
    }
  });

  app.use(session, noStore, locale, flash);
  // Only the two links that e-mails carry go to better-auth directly; every other account action
  // goes through the app's own forms (validation, CSRF token, attempt limits). better-auth lets a
  // relative callback through unresolved ("/.//evil.example" passes its check, then leaves the site),
  // so each redirect parameter is replaced by its normalised path here, or the link is refused, and
  // the Location better-auth answers with goes through the same function.
  const emailLink = async (c: Context<AppEnv>) => {
    const url = new URL(c.req.url);
    for (const name of REDIRECT_PARAMS) {
      const raw = url.searchParams.get(name);
      if (raw === null) continue;
      const path = safeRedirectPath(raw, '');
      if (path === '') return renderError(c, 400, c.get('t')('error.badLink'));
      url.searchParams.set(name, path);
    }
    const response = await deps.auth.handler(new Request(url, c.req.raw));
    const location = response.headers.get('location');
    if (location === null) return response;
    const headers = new Headers(response.headers);
    headers.set('location', safeRedirectPath(location, '/', deps.config.baseURL));
    return new Response(response.body, { status: response.status, headers });
  };
  app.get('/api/auth/verify-email', emailLink);
  app.get('/api/auth/reset-password/:token', emailLink);
  // Forms are small; only a logo upload may bring an image (the domain then checks its own limit).
  const tooLarge = () => {
    throw new HTTPException(413);
  };
  const formLimit = bodyLimit({ maxSize: 64 * 1024, onError: tooLarge });
  const uploadLimit = bodyLimit({ maxSize: LOGO_MAX_BYTES + 64 * 1024, onError: tooLarge });
  app.use((c, next) => (c.req.path.endsWith('/settings/logo') ? uploadLimit : formLimit)(c, next));
  app.use(csrf({ origin: new URL(deps.config.baseURL).origin }), csrfToken);

  app.route('/', homeRoutes);
  app.route('/', forClubsRoutes);
  app.route('/', authRoutes);
  app.route('/account/tickets', ticketRoutes);
  app.route('/account/season', accountSeasonRoutes);
  app.route('/account', accountRoutes);
  app.route('/clubs', clubRegistrationRoutes);
  app.route('/club', clubDashboardRoutes);
  app.route('/club', clubSettingsRoutes);
  app.route('/club', staffRoutes);
  app.route('/club', venueRoutes);
  app.route('/club', clubMatchRoutes);
  app.route('/club', guestRoutes);
  app.route('/club', seasonRoutes);
  app.route('/club', memberRoutes);
  app.route('/club', orderRoutes);
  app.route('/club', payoutRoutes);
  app.route('/club', deviceRoutes);
  app.route('/club', attendanceRoutes);
  app.route('/club', boxOfficeRoutes);
  app.route('/club', activityRoutes);
  app.route('/matches', matchRoutes);
  app.route('/seasons', publicSeasonRoutes);
  app.route('/guest-orders', guestOrderRoutes);
  app.route('/gate-pay', gatePayRoutes);
  app.route('/', scannerRoutes);
  app.route('/c', clubPageRoutes);
  app.route('/unsubscribe', unsubscribeRoutes);
  if (deps.payments.kind === 'demo') app.route('/demo-pay', demoPayRoutes);
  app.route('/invitations', invitationRoutes);
  app.route('/admin', adminRoutes);
  if (!deps.config.production && deps.config.devMailDir) app.route('/dev/mail', devMailRoutes(deps.config.devMailDir));

  params.learn(app.routes);
  app.notFound((c) => (c.get('t') ? renderError(c, 404) : c.text('Not found', 404)));
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
