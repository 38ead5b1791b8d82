import type { Context } from 'hono';
import { Hono } from 'hono';
import { findPaymentAccount } from '../../domain/sales/find-payment-account.ts';
import { syncPaymentAccount } from '../../domain/sales/sync-payment-account.ts';
import {
  accountFlags,
  createConnectedAccount,
  dashboardLink,
  onboardingLink,
  readAccount,
} from '../../integrations/payments/stripe-connect.ts';
import { render } from '../../views/layouts/layout.tsx';
import { PayoutsPage } from '../../views/pages/club/payouts-page.tsx';
import { requireClub } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf } from '../operation.ts';
import type { AppEnv } from '../types.ts';

const owner = requireClub({ club: ['update'] });

/** Where a club connects its bank account (Stripe Connect) to receive the ticket money. */
export const payoutRoutes = new Hono<AppEnv>()
  .get('/:slug/payouts', owner, async (c) => {
    const { club } = c.get('membership');
    const { stripe, db } = c.get('deps');
    const account = await findPaymentAccount(db, { clubId: club.id });
    return render(c, <PayoutsPage club={club} stripe={Boolean(stripe)} account={account} />, { title: c.get('t')('payouts.title') });
  })
  .post('/:slug/payouts/connect', owner, (c) => toOnboarding(c))
  // Stripe sends the club back here when its link expired: a fresh one.
  .get('/:slug/payouts/refresh', owner, (c) => toOnboarding(c))
  .get('/:slug/payouts/return', owner, async (c) => {
    const { club } = c.get('membership');
    const { stripe, db } = c.get('deps');
    const account = await findPaymentAccount(db, { clubId: club.id });
    if (!stripe || !account) return c.redirect(`/club/${club.slug}/payouts`, 303);
    const now = await readAccount(stripe.client, account.stripeAccountId);
    await syncPaymentAccount(db, {}, { actor: actorOf(c), account: { clubId: club.id, ...now } });
    const t = c.get('t');
    return redirectWithFlash(
      c,
      `/club/${club.slug}/payouts`,
      now.chargesEnabled ? 'success' : 'info',
      now.chargesEnabled ? t('payouts.ready') : t('payouts.incomplete'),
    );
  })
  .post('/:slug/payouts/dashboard', owner, async (c) => {
    const { club } = c.get('membership');
    const { stripe, db } = c.get('deps');
    const account = await findPaymentAccount(db, { clubId: club.id });
    if (!stripe || !account) return c.redirect(`/club/${club.slug}/payouts`, 303);
    return c.redirect(await dashboardLink(stripe.client, account.stripeAccountId), 303);
  });

async function toOnboarding(c: Context<AppEnv>) {
  const { club } = c.get('membership');
  const { stripe, db, config } = c.get('deps');
  if (!stripe) return c.redirect(`/club/${club.slug}/payouts`, 303);
  let account = await findPaymentAccount(db, { clubId: club.id });
  if (!account) {
    const created = await createConnectedAccount(stripe.client, { clubId: club.id, clubName: club.name, email: c.get('user')!.email });
    await syncPaymentAccount(db, {}, { actor: actorOf(c), account: { clubId: club.id, ...accountFlags(created) } });
    account = await findPaymentAccount(db, { clubId: club.id });
  }
  const base = `${config.baseURL}/club/${club.slug}/payouts`;
  const url = await onboardingLink(stripe.client, account!.stripeAccountId, { refreshUrl: `${base}/refresh`, returnUrl: `${base}/return` });
  return c.redirect(url, 303);
}
