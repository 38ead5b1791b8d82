import { useT } from './use-t.ts';

/** The club menu as the person's role shows it (http/club/club-menu.ts decides), the current part marked. */
export interface ClubMenuProps {
  club: { name: string; slug: string };
  items: { section: ClubSection; href: string; current: boolean }[];
}

/** The parts of a club's back office, in the order of the menu, and their names. */
const LABEL = {
  dashboard: 'clubMenu.dashboard',
  matches: 'matches.title',
  seasons: 'seasons.title',
  venues: 'venue.title',
  orders: 'orders.title',
  devices: 'devices.title',
  boxOffice: 'boxOffice.menu',
  members: 'members.title',
  staff: 'staff.title',
  settings: 'settings.title',
  payouts: 'payouts.title',
  activity: 'activity.link',
} as const;
export type ClubSection = keyof typeof LABEL;

/** One row of short links under the site header; on a phone it wraps onto a few lines, never wider than the screen. */
export function ClubMenu({ club, items }: ClubMenuProps) {
  const t = useT();
  // A steward's only part is the dashboard: no menu to show.
  if (items.length < 2) return null;
  return (
    <nav class="club-menu" aria-label={t('clubMenu.label', { club: club.name })}>
      <ul>
        {items.map((item) => (
          <li>
            <a href={item.href} aria-current={item.current ? 'page' : undefined}>
              {t(LABEL[item.section])}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
