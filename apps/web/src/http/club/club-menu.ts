import type { ClubMembership } from '../../domain/clubs/find-club-membership.ts';
import { can, type Permission } from '../../integrations/auth/access.ts';
import type { ClubMenuProps, ClubSection } from '../../views/components/club-menu.tsx';

/** Who sees each part: the permission its routes require (undefined: every member). */
const NEEDS: Record<ClubSection, Permission | undefined> = {
  dashboard: undefined,
  matches: { catalog: ['manage'] },
  seasons: { catalog: ['manage'] },
  venues: { catalog: ['manage'] },
  orders: { sales: ['read'] },
  devices: { club: ['update'] },
  boxOffice: { club: ['update'] },
  members: { club: ['update'] },
  staff: { member: ['create'] },
  settings: { club: ['update'] },
  payouts: { club: ['update'] },
  activity: { club: ['update'] },
};

const PATH: Record<ClubSection, string> = {
  dashboard: '',
  matches: '/matches',
  seasons: '/seasons',
  venues: '/venues',
  orders: '/orders',
  devices: '/devices',
  boxOffice: '/box-office',
  members: '/members',
  staff: '/staff',
  settings: '/settings',
  payouts: '/payouts',
  activity: '/activity',
};

/** The part a back-office path belongs to: a stand is under venues, a match's attendance under matches. */
function sectionOf(rest: string): ClubSection {
  const first = rest.split('/')[1] ?? '';
  if (first === 'stands') return 'venues';
  const found = (Object.keys(PATH) as ClubSection[]).find((s) => s !== 'dashboard' && PATH[s] === `/${first}`);
  return found ?? (first.startsWith('orders') ? 'orders' : 'dashboard');
}

/** The club menu for this member on this path (under /club/:slug). */
export function clubMenu({ club, role }: ClubMembership, path: string): ClubMenuProps {
  const base = `/club/${club.slug}`;
  const current = sectionOf(path.startsWith(base) ? path.slice(base.length) : '');
  const items = (Object.keys(PATH) as ClubSection[])
    .filter((section) => {
      const needs = NEEDS[section];
      return !needs || can(role, needs);
    })
    .map((section) => ({ section, href: base + PATH[section], current: section === current }));
  return { club: { name: club.name, slug: club.slug }, items };
}
