import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import { z } from 'zod';
import { findClubMembership } from '../../domain/clubs/find-club-membership.ts';
import { listMyClubs } from '../../domain/clubs/list-my-clubs.ts';
import { startStaffScanner } from '../../domain/devices/start-staff-scanner.ts';
import { DomainError } from '../../domain/errors.ts';
import { isClubSlug } from '../../domain/ids.ts';
import { en } from '../../i18n/en.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { can, type Permission } from '../../integrations/auth/access.ts';
import { assetUrl } from '../../views/asset-url.ts';
import { render } from '../../views/layouts/layout.tsx';
import { ScannerHead, ScannerPage } from '../../views/pages/scanner/scanner-page.tsx';
import { serviceWorkerScript, webManifest } from '../assets.ts';
import { actorOf } from '../operation.ts';
import type { AppEnv } from '../types.ts';

const SCAN: Permission = { checkin: ['scan'] };
/** What the scanner needs to open and scan with no network: its worker keeps these. */
const SCANNER_ASSETS = ['scanner.js', 'zxing_reader.wasm', 'app.css', 'icon.svg'];
/** The club a staff member starts the scanner for: a slug, or nothing (then no club is found). */
const clubField = validator('form', (form) => z.object({ club: z.string() }).safeParse(form).data ?? { club: '' });
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
    return render(c, <ScannerPage messages={messages} clubs={clubs} signedIn={Boolean(user)} />, {
      title: t('scanner.title'),
      head: <ScannerHead />,
      minimal: true, // an app of its own: the site's header would push the camera off a phone's screen
    });
  })
  .post('/scan/device', clubField, async (c) => {
    const user = c.get('user');
    if (!user) throw new HTTPException(401);
    const slug = c.req.valid('form').club;
    const membership = isClubSlug(slug) ? await findClubMembership(c.get('deps').db, slug, user.id) : null;
    if (!membership) throw new HTTPException(404);
    if (!can(membership.role, SCAN)) throw new HTTPException(403);
    if (membership.club.status !== 'active') throw new DomainError('club_suspended');
    c.header('Cache-Control', 'no-store');
    return c.json(await startStaffScanner(c.get('deps').db, {}, { actor: actorOf(c), clubId: membership.club.id }));
  })
  .get('/scan/manifest.webmanifest', (c) => webManifest(c, { name: c.get('t')('scanner.title'), scope: '/scan', themeColor: '#14532d' }))
  .get('/scan-sw.js', (c) => {
    const worker = c.get('deps').clientAssets['scanner-sw.js']!;
    const precache = ['/scan', ...SCANNER_ASSETS.map(assetUrl), '/scan/manifest.webmanifest'];
    // Checked for updates at every visit, so a new scanner reaches the phones at once.
    return c.body(serviceWorkerScript(worker, precache), 200, { 'Content-Type': worker.type, 'Cache-Control': 'no-cache' });
  });
