import { Form } from '../../components/form.tsx';
import { useT } from '../../components/use-t.ts';

export interface PayoutsPageProps {
  club: { name: string; slug: string };
  /** Whether payments go through Stripe; without it (the demo provider) no money moves. */
  stripe: boolean;
  /** The club's Stripe account as last synced, or null before it connects. */
  account: { chargesEnabled: boolean; payoutsEnabled: boolean } | null;
}

/** Where a club connects its bank account (Stripe Connect), then reaches its Stripe dashboard. */
export function PayoutsPage({ club, stripe, account }: PayoutsPageProps) {
  const t = useT();
  return (
    <section class="card">
      <h1>
        {t('payouts.title')} · {club.name}
      </h1>
      {!stripe ? (
        <p class="alert demo">{t('payouts.demo')}</p>
      ) : account?.chargesEnabled ? (
        <>
          <p class="alert success">{account.payoutsEnabled ? t('payouts.ready') : t('payouts.chargesOnly')}</p>
          <Form action={`/club/${club.slug}/payouts/dashboard`}>
            <button type="submit" class="secondary">
              {t('payouts.dashboard')}
            </button>
          </Form>
        </>
      ) : (
        <>
          <p>{account ? t('payouts.incomplete') : t('payouts.intro')}</p>
          <Form action={`/club/${club.slug}/payouts/connect`}>
            <button type="submit">{account ? t('payouts.continue') : t('payouts.connect')}</button>
          </Form>
        </>
      )}
    </section>
  );
}
