import type Stripe from 'stripe';

/**
 * A club's connected account, created with controller properties (Stripe's advice over the legacy
 * "Express" type): Stripe-hosted onboarding and the Express dashboard, the platform pays Stripe's
 * fees and carries losses, country BE, with card and Bancontact payments requested.
 */
export async function createConnectedAccount(stripe: Stripe, input: { clubId: string; clubName: string; email: string }) {
  return stripe.accounts.create(
    {
      country: 'BE',
      email: input.email,
      business_profile: { name: input.clubName },
      controller: {
        fees: { payer: 'application' },
        losses: { payments: 'application' },
        stripe_dashboard: { type: 'express' },
      },
      capabilities: {
        card_payments: { requested: true },
        transfers: { requested: true },
        bancontact_payments: { requested: true },
      },
      metadata: { clubId: input.clubId },
    },
    { idempotencyKey: `account-${input.clubId}` },
  );
}

export async function onboardingLink(stripe: Stripe, accountId: string, urls: { refreshUrl: string; returnUrl: string }) {
  const link = await stripe.accountLinks.create({
    account: accountId,
    type: 'account_onboarding',
    refresh_url: urls.refreshUrl,
    return_url: urls.returnUrl,
  });
  return link.url;
}

export async function dashboardLink(stripe: Stripe, accountId: string) {
  return (await stripe.accounts.createLoginLink(accountId)).url;
}

/** What the platform records of a connected account (a flag Stripe leaves out is not yet true). */
export const accountFlags = (account: Stripe.Account) => ({
  stripeAccountId: account.id,
  chargesEnabled: account.charges_enabled ?? false,
  payoutsEnabled: account.payouts_enabled ?? false,
  detailsSubmitted: account.details_submitted ?? false,
});

/** What Stripe says of the account now: the only source for "may this club sell paid tickets". */
export async function readAccount(stripe: Stripe, accountId: string) {
  return accountFlags(await stripe.accounts.retrieve(accountId));
}
