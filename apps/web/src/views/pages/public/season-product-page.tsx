import { useRequestContext } from 'hono/jsx-renderer';
import type { PricedBasket } from '../../../domain/sales/price-basket.ts';
import type { PublicSeasonProduct } from '../../../domain/seasons/find-public-season-product.ts';
import type { FieldErrors } from '../../../http/forms.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatDateTime } from '../../../i18n/index.ts';
import { Form, FormError } from '../../components/form.tsx';
import { Price } from '../../components/price.tsx';
import { useT } from '../../components/use-t.ts';
import { VerifiedBadge } from '../../components/verified-badge.tsx';
import { BasketTotal } from './basket-total.tsx';
import { QuantityRow } from './match-page.tsx';

export interface SeasonProductPageProps {
  product: PublicSeasonProduct;
  quantities: Record<string, number>;
  basket: PricedBasket;
  fee: { feePercent: number; feeFixedCents: number };
  holdMinutes: number;
  /** Whether a person is signed in: a season ticket lives in an account (lending, giving back). */
  signedIn: boolean;
  errors?: FieldErrors;
}

/**
 * A season ticket's public page: the stand, the matches it covers, the prices (and today's, pro rata,
 * with the rule), the passes left, the sale and priority windows, and the same +/− steppers as a match.
 */
export function SeasonProductPage({ product: p, quantities, basket, fee, holdMinutes, signedIn, errors }: SeasonProductPageProps) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  return (
    <article class="match-page season-page">
      <header class="card">
        <p class="meta">
          <a href={`/c/${p.club.slug}`}>{p.club.name}</a>
          <VerifiedBadge verified={p.club.verified} /> · {t('season.kind')}
        </p>
        <h1 class="club-title">
          {p.club.logo ? <img src={p.club.logo} alt="" width="48" height="48" /> : null}
          {p.title}
        </h1>
        <p>{t('season.intro', { stand: p.stand, count: p.counts.remaining })}</p>
        <p class="meta">
          {p.saleOpensAt && p.saleOpensAt > new Date()
            ? `${t('season.saleOpens', { date: formatDateTime(p.saleOpensAt, locale) })} `
            : null}
          {p.saleClosesAt ? t('season.saleCloses', { date: formatDateTime(p.saleClosesAt, locale) }) : null}
        </p>
        {p.priorityUntil ? <p class="alert info">{t('season.priority', { date: formatDateTime(p.priorityUntil, locale) })}</p> : null}
      </header>
      <section class="card">
        <h2>{t('season.matches', { count: p.matches.length })}</h2>
        <ul class="season-matches">
          {p.matches.map((m) => (
            <li>
              <time datetime={m.kickoffAt.toISOString()}>
                {m.cancelled ? <s>{formatDateTime(m.kickoffAt, locale)}</s> : formatDateTime(m.kickoffAt, locale)}
              </time>{' '}
              · {m.toPlay ? <a href={`/matches/${m.id}`}>{m.title}</a> : m.title}
              {m.cancelled ? ` (${t('season.matchCancelled')})` : !m.toPlay ? ` (${t('season.matchPlayed')})` : null}
            </li>
          ))}
        </ul>
      </section>
      <section class="card" id="tickets">
        <h2>{t('season.prices')}</h2>
        <p class="hint">{t('season.proRataRule')}</p>
        {p.proRata ? <p>{t('season.proRataToday', { remaining: p.counts.remaining, total: p.counts.total })}</p> : null}
        {p.saleOpen && p.seatsLeft > 0 ? (
          <Form action={`/seasons/${p.id}/checkout`} class="buy">
            <button type="submit" hidden tabindex={-1}>
              {t('match.buy')}
            </button>
            <FormError errors={errors} />
            <fieldset class="stand-choice">
              <legend>
                {p.stand} <span class="badge">{t('season.left', { count: p.seatsLeft })}</span>
              </legend>
              {p.prices.map((x) => (
                <div>
                  <QuantityRow
                    field={`q_${p.id}_${x.category}`}
                    label={t(`category.${x.category}`)}
                    stand={p.stand}
                    priceCents={x.todayCents}
                    value={quantities[`q_${p.id}_${x.category}`] ?? 0}
                    max={Math.min(p.orderLimit, p.seatsLeft)}
                    error={errors?.[`q_${p.id}_${x.category}`]}
                  />
                  {x.todayCents !== x.priceCents ? (
                    <p class="hint">
                      {t('season.fullPrice')}{' '}
                      <s>
                        <Price cents={x.priceCents} />
                      </s>
                    </p>
                  ) : null}
                </div>
              ))}
            </fieldset>
            <p class="hint">
              {t('season.orderHint', { limit: p.orderLimit, minutes: holdMinutes })} {t('match.feeHint', { percent: fee.feePercent })}
            </p>
            {signedIn ? null : <p class="alert info">{t('season.signInToBuy')}</p>}
            <div class="basket-bar">
              <BasketTotal basket={basket} fee={fee} />
              <button type="submit" class="wide">
                {signedIn ? t('match.buy') : t('season.signInAndBuy')}
              </button>
            </div>
            <script type="module" src="/assets/basket.js" />
          </Form>
        ) : (
          <>
            <ul class="prices">
              {p.prices.map((x) => (
                <li>
                  {t(`category.${x.category}`)}: <Price cents={x.todayCents} />
                </li>
              ))}
            </ul>
            <p class="alert info">{p.saleOpen ? t('season.soldOut') : t('season.notOnSale')}</p>
          </>
        )}
      </section>
    </article>
  );
}
