import { Hono } from 'hono';
import { platformFee } from '../../domain/sales/fees.ts';
import { render } from '../../views/layouts/layout.tsx';
import { ForClubsPage } from '../../views/pages/public/for-clubs-page.tsx';
import type { AppEnv } from '../types.ts';

/** A typical amateur match ticket, to show what the buyer pays on top with this platform's fee. */
const EXAMPLE_PRICE_CENTS = 10_00;

/** The public page for clubs: the offer (free for clubs, the fee paid by buyers) and registration. */
export const forClubsRoutes = new Hono<AppEnv>().get('/for-clubs', (c) => {
  const t = c.get('t');
  const fee = platformFee(EXAMPLE_PRICE_CENTS, c.get('deps').config.sales);
  return render(
    c,
    <ForClubsPage example={{ priceCents: EXAMPLE_PRICE_CENTS, paidCents: EXAMPLE_PRICE_CENTS + fee }} locale={c.get('locale')} />,
    { title: t('forClubs.title'), description: t('forClubs.lead') },
  );
});
