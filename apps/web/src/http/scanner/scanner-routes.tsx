import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { findClubMembership } from '../../domain/clubs/find-club-membership.ts';
import { listMyClubs } from '../../domain/clubs/list-my-clubs.ts';
import { startStaffScanner } from '../../domain/devices/start-staff-scanner.ts';
import { DomainError } from '../../domain/errors.ts';
import { isClubSlug } from '../../domain/ids.ts';
import { en } from '../../i18n/en.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { can, type Permission } from '../../integrations/auth/access.ts';
import { Form } from '../../views/components/form.tsx';
import { render } from '../../views/layouts/layout.tsx';
import type { AppEnv } from '../types.ts';

const SCAN: Permission = { checkin: ['scan'] };
/** What the scanner script says, in the page's language (it keeps working offline from the cache). */
const SCANNER_KEYS = (Object.keys(en) as MessageKey[]).filter((key) => /^(scanner|scanResult|category)\./.test(key));

/**
 * The steward's scanner (docs/device-api.md). One page for every device: paired with a one-time code,
 * or started from a signed-in staff member's session; it then talks only to the device API.
 */
export const scannerRoutes = new Hono<AppEnv>()
  .get('/scan', async (c) => {
    const t = c.get('t');
    const user = c.get('user');
    const clubs = user ? (await listMyClubs(c.get('deps').db, user.id)).filter((m) => m.status === 'active' && can(m.role, SCAN)) : [];
    const messages = Object.fromEntries(SCANNER_KEYS.map((key) => [key, t(key)]));
    return render(
      c,
      <div class="scanner">
        <script type="application/json" id="scanner-messages" dangerouslySetInnerHTML={{ __html: safeJson(messages) }} />
        <div class="scanner-bar">
          <h1>{t('scanner.title')}</h1>
          <p id="scan-status" class="scan-status" role="status" data-state="online">
            {t('scanner.online')}
          </p>
          <p id="scan-device" class="hint" />
        </div>
        <section id="scan-setup" class="card">
          <h2>{t('scanner.setupTitle')}</h2>
          <p id="setup-message" class="alert-inline" role="alert" />
          <form id="pair-form" class="stack">
            <label for="pair-code">{t('scanner.pairLabel')}</label>
            <input
              id="pair-code"
              name="code"
              autocomplete="one-time-code"
              autocapitalize="characters"
              minlength={6}
              maxlength={32}
              required
            />
            <p class="hint">{t('scanner.pairHint')}</p>
            <button type="submit">{t('scanner.pair')}</button>
          </form>
          {clubs.length > 0 ? (
            <>
              <h2>{t('scanner.staffTitle')}</h2>
              {clubs.map((club) => (
                <Form action="/scan/device" class="staff-start" idPrefix={`staff-${club.slug}`}>
                  <input type="hidden" name="club" value={club.slug} />
                  <button type="submit" class="secondary">
                    {t('scanner.staffStart', { club: club.name })}
                  </button>
                </Form>
              ))}
            </>
          ) : user ? null : (
            <p class="hint">
              <a href="/sign-in?next=/scan">{t('scanner.signInHint')}</a>
            </p>
          )}
          <noscript>
            <p class="alert error">{t('scanner.needsScript')}</p>
          </noscript>
        </section>
        <section id="scan-match" class="card" hidden>
          <h2>{t('scanner.matchTitle')}</h2>
          <form id="match-form" class="stack">
            <label for="match-select">{t('scanner.match')}</label>
            <select id="match-select" name="match" />
            <p id="match-none" class="hint" hidden>
              {t('scanner.noMatch')}
            </p>
            <label for="stand-select">{t('scanner.stand')}</label>
            <select id="stand-select" name="stand" />
            <button type="submit" id="match-start">
              {t('scanner.start')}
            </button>
          </form>
        </section>
        <section id="scan-live" hidden>
          <p id="live-title" class="live-title" />
          <div class="scan-camera">
            <video id="scan-video" playsinline muted aria-label={t('scanner.cameraLabel')} />
            <p id="camera-message" class="hint" role="status" />
          </div>
          <p id="offline-warning" class="alert error" hidden>
            {t('scanner.noOfflineChecks')}
          </p>
          <div id="scan-counters" class="scan-counters" aria-live="polite" />
          <form id="manual-form" class="inline-form">
            <label for="manual-code">{t('scanner.manual')}</label>
            <input id="manual-code" name="code" autocomplete="off" autocapitalize="characters" spellcheck={false} maxlength={512} />
            <button type="submit">{t('scanner.check')}</button>
          </form>
          <p class="hint">{t('scanner.manualHint')}</p>
          <div class="actions">
            <button type="button" id="switch-match" class="secondary">
              {t('scanner.switchMatch')}
            </button>
            <button type="button" id="forget-device" class="link">
              {t('scanner.forget')}
            </button>
          </div>
        </section>
        <div id="scan-result" class="scan-result" role="alert" hidden>
          <p id="result-word" class="result-word" />
          <p id="result-detail" class="result-detail" />
          <p class="result-hint">{t('scanner.tapHint')}</p>
        </div>
        <script type="module" src="/assets/scanner.js" />
      </div>,
      {
        title: t('scanner.title'),
        head: (
          <>
            <link rel="manifest" href="/scan/manifest.webmanifest" />
            <meta name="theme-color" content="#14532d" />
          </>
        ),
      },
    );
  })
  .post('/scan/device', async (c) => {
    const user = c.get('user');
    if (!user) throw new HTTPException(401);
    const form = await c.req.parseBody();
    const slug = typeof form.club === 'string' ? form.club : '';
    const membership = isClubSlug(slug) ? await findClubMembership(c.get('deps').db, slug, user.id) : null;
    if (!membership) throw new HTTPException(404);
    if (!can(membership.role, SCAN)) throw new HTTPException(403);
    if (membership.club.status !== 'active') throw new DomainError('club_suspended');
    c.header('Cache-Control', 'no-store');
    return c.json(await startStaffScanner(c.get('deps').db, membership.club.id, user));
  })
  .get('/scan/manifest.webmanifest', (c) => {
    const t = c.get('t');
    return c.body(
      JSON.stringify({
        name: `FootArena · ${t('scanner.title')}`,
        short_name: t('scanner.title'),
        start_url: '/scan',
        scope: '/scan',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#ffffff',
        theme_color: '#14532d',
        icons: [{ src: '/assets/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      }),
      200,
      { 'Content-Type': 'application/manifest+json; charset=utf-8' },
    );
  })
  .get('/scan-sw.js', (c) => {
    const worker = c.get('deps').clientAssets['scanner-sw.js']!;
    // Checked for updates at every visit, so a new scanner reaches the phones at once.
    return c.body(worker.body as string, 200, { 'Content-Type': worker.type, 'Cache-Control': 'no-cache' });
  });

/** JSON inside a <script> element: "<" escaped so that no text can close the element. */
const safeJson = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c');
