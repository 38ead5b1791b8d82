import { Hono } from 'hono';
import { listClubMatches } from '../../domain/catalog/list-club-matches.ts';
import { matchTitle } from '../../domain/catalog/match-title.ts';
import { summarizeMatchSales } from '../../domain/sales/summarize-match-sales.ts';
import { can } from '../../integrations/auth/access.ts';
import { render } from '../../views/layouts/layout.tsx';
import { DashboardPage } from '../../views/pages/club/dashboard-page.tsx';
import { requireClub } from '../middleware/access.ts';
import type { AppEnv } from '../types.ts';
import { clubSetup } from './club-setup.ts';

/** A club's home in the back office (/club/:slug), for every role. */
export const clubDashboardRoutes = new Hono<AppEnv>().get('/:slug', requireClub(), async (c) => {
  const { club, role } = c.get('membership');
  const { db, payments } = c.get('deps');
  const may = { manageCatalog: can(role, { catalog: ['manage'] }), readSales: can(role, { sales: ['read'] }) };
  // The setup checklist is for those who set the club up (venues, matches; payouts are the owners' and admins').
  const setup = may.manageCatalog ? await clubSetup(c) : null;
  const matches = await listClubMatches(db, club.id, { limit: 10 });
  const upcoming = await Promise.all(
    matches.map(async (m) => ({
      ...m,
      title: matchTitle(m.isHome, club.name, m.opponentName),
      revenueCents: may.readSales ? (await summarizeMatchSales(db, club.id, m.id)).revenueCents : undefined,
    })),
  );
  return render(
    c,
    <DashboardPage club={club} role={role} may={may} upcoming={upcoming} setup={setup} demoPayments={payments.kind === 'demo'} />,
    { title: club.name },
  );
});
