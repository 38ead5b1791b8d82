import type { Locale } from '../../../i18n/index.ts';
import { formatMoney } from '../../../i18n/index.ts';
import { useT } from '../../components/use-t.ts';

export interface ForClubsPageProps {
  /** A ticket price and what its buyer pays with FootArena's fee on top (the club gets the price). */
  example: { priceCents: number; paidCents: number };
  locale: Locale;
}

const OFFER = ['payments', 'tickets', 'gate', 'capacity', 'figures', 'languages'] as const;
const STEPS = ['account', 'club', 'venue', 'payouts', 'match'] as const;

/** What FootArena offers a club, in a volunteer's words, and the way to register. */
export function ForClubsPage({ example, locale }: ForClubsPageProps) {
  const t = useT();
  const register = (
    <p>
      <a class="button" href="/clubs/new">
        {t('forClubs.register')}
      </a>
    </p>
  );
  return (
    <article class="for-clubs">
      <section class="card">
        <h1>{t('forClubs.title')}</h1>
        <p class="lead">{t('forClubs.lead')}</p>
        <p data-example>
          {t('forClubs.example', {
            price: formatMoney(example.priceCents, locale),
            paid: formatMoney(example.paidCents, locale),
          })}
        </p>
        {register}
      </section>
      <section class="card">
        <h2>{t('forClubs.offerTitle')}</h2>
        <ul class="offer">
          {OFFER.map((key) => (
            <li>
              <strong>{t(`forClubs.offer.${key}.title`)}</strong> {t(`forClubs.offer.${key}.text`)}
            </li>
          ))}
        </ul>
      </section>
      <section class="card">
        <h2>{t('forClubs.stepsTitle')}</h2>
        <ol>
          {STEPS.map((key) => (
            <li>{t(`forClubs.step.${key}`)}</li>
          ))}
        </ol>
        {register}
      </section>
    </article>
  );
}
