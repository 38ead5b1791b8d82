import { useRequestContext } from 'hono/jsx-renderer';
import type { PublicMatch } from '../../../domain/catalog/find-public-match.ts';
import type { PricedBasket } from '../../../domain/sales/price-basket.ts';
import type { FieldErrors } from '../../../http/forms.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatDateTime, formatMoney } from '../../../i18n/index.ts';
import { FieldError, Form, FormError } from '../../components/form.tsx';
import { MatchStatusBadge, SeatsLeftBadge } from '../../components/match-status-badge.tsx';
import { Price } from '../../components/price.tsx';
import { SeasonLinks } from '../../components/season-links.tsx';
import { useT } from '../../components/use-t.ts';
import { VerifiedBadge } from '../../components/verified-badge.tsx';
import { BasketTotal } from './basket-total.tsx';

export interface MatchPageProps {
  match: PublicMatch;
  /** The tickets chosen so far (from the page's own steppers, or a link that carries them). */
  quantities: Record<string, number>;
  basket: PricedBasket;
  /** The fee rule, for the running total the browser module keeps. */
  fee: { feePercent: number; feeFixedCents: number };
  holdMinutes: number;
  /** The signed-in buyer's credit with the club (0: none), spent on the tickets at checkout. */
  creditCents?: number;
  /** An OpenStreetMap search for the venue's address. */
  mapUrl: string | null;
  errors?: FieldErrors;
  /** The season tickets that cover this match ("Also in the season ticket …"). */
  seasons?: readonly { id: string; title: string }[];
}

/** A match's public page: when and where, and its tickets with +/− steppers and the total to pay. */
export function MatchPage({
  match: m,
  quantities,
  basket,
  fee,
  holdMinutes,
  mapUrl,
  errors,
  creditCents = 0,
  seasons = [],
}: MatchPageProps) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  const cancelled = m.status === 'cancelled';
  return (
    <article class="match-page">
      <header class="card">
        <p class="meta">
          <a href={`/c/${m.club.slug}`}>{m.club.name}</a>
          <VerifiedBadge verified={m.club.verified} /> · {m.competition}
        </p>
        <h1 class="club-title">
          {m.club.logo ? <img src={m.club.logo} alt="" width="48" height="48" /> : null}
          {m.title}
        </h1>
        <p>
          <time datetime={m.kickoffAt.toISOString()}>
            {cancelled ? <s>{formatDateTime(m.kickoffAt, locale)}</s> : <strong>{formatDateTime(m.kickoffAt, locale)}</strong>}
          </time>
          {m.gatesOpenAt && !cancelled ? ` · ${t('match.gatesOpen', { time: formatDateTime(m.gatesOpenAt, locale) })}` : null}
        </p>
        {m.opponentClub ? (
          <p class="meta">
            {t('matches.opponent')}: <a href={`/c/${m.opponentClub.slug}`}>{m.opponentClub.name}</a>
            <VerifiedBadge verified={m.opponentClub.verified} />
          </p>
        ) : null}
        <p>
          <MatchStatusBadge status={m.displayStatus} />
        </p>
        {m.venue?.name ? (
          <address>
            {m.venue.name}
            <br />
            {m.venue.street}, {m.venue.postalCode} {m.venue.commune}
            {mapUrl ? (
              <>
                <br />
                <a href={mapUrl} rel="noopener" target="_blank">
                  {t('match.map')}
                </a>
              </>
            ) : null}
          </address>
        ) : (
          <p>{t('match.away')}</p>
        )}
      </header>
      {cancelled ? (
        // A cancelled match sells nothing: no prices, no seats left, only what happened.
        <section class="card">
          <p class="alert error">{t('match.cancelledNotice')}</p>
        </section>
      ) : m.isHome ? (
        <section class="card" id="tickets">
          <h2>{t('match.tickets')}</h2>
          {m.stands.length === 0 ? <p>{t('match.noStands')}</p> : null}
          {m.saleOpen ? (
            <Form action={`/matches/${m.id}/checkout`} class="buy">
              {/* Enter in a quantity field submits the form with its first button: "continue", not a "−". */}
              <button type="submit" hidden tabindex={-1}>
                {t('match.buy')}
              </button>
              <FormError errors={errors} />
              {m.stands.map((s) => (
                <fieldset class="stand-choice">
                  <legend>
                    {s.name} <SeatsLeftBadge seatsLeft={s.seatsLeft} />
                  </legend>
                  {s.seatsLeft > 0
                    ? s.prices.map((p) => (
                        <QuantityRow
                          field={`q_${s.id}_${p.category}`}
                          label={t(`category.${p.category}`)}
                          stand={s.name}
                          priceCents={p.priceCents}
                          value={quantities[`q_${s.id}_${p.category}`] ?? 0}
                          max={Math.min(m.orderLimit, s.seatsLeft)}
                          error={errors?.[`q_${s.id}_${p.category}`]}
                        />
                      ))
                    : null}
                </fieldset>
              ))}
              <p class="hint">
                {t('match.orderHint', { limit: m.orderLimit, minutes: holdMinutes })} {t('match.feeHint', { percent: fee.feePercent })}
              </p>
              {/* The total and the way on stay in sight at the bottom of the screen while choosing. */}
              {creditCents > 0 ? (
                <p class="alert info">{t('credit.onMatchPage', { club: m.club.name, amount: formatMoney(creditCents, locale) })}</p>
              ) : null}
              <div class="basket-bar">
                <BasketTotal basket={basket} fee={fee} />
                <button type="submit" class="wide">
                  {t('match.buy')}
                </button>
              </div>
            </Form>
          ) : (
            <ul class="stands">
              {m.stands.map((s) => (
                <li>
                  <strong>{s.name}</strong> <SeatsLeftBadge seatsLeft={s.seatsLeft} />
                  <ul class="prices">
                    {s.prices.map((p) => (
                      <li>
                        {t(`category.${p.category}`)}: <Price cents={p.priceCents} />
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
          {!m.saleOpen && m.status === 'scheduled' ? (
            <p class="alert info">
              {m.saleOpensAt ? t('match.saleOpensAt', { date: formatDateTime(m.saleOpensAt, locale) }) : t('match.saleSoon')}
            </p>
          ) : null}
          {m.saleOpen ? <script type="module" src="/assets/basket.js" /> : null}
        </section>
      ) : null}
      {cancelled ? null : <SeasonLinks seasons={seasons} lead="inline" />}
    </article>
  );
}

/**
 * One category of a stand: its price and a number field between a − and a + button. The buttons
 * submit the form (`step`), and the server answers with the page and the new quantity; the basket
 * module does the same in the browser without a round trip.
 */
export function QuantityRow(props: {
  field: string;
  label: string;
  stand: string;
  priceCents: number;
  value: number;
  max: number;
  error?: string;
}) {
  const t = useT();
  const { field, value, max, error } = props;
  const id = `f-${field}`;
  const names = { category: props.label, stand: props.stand };
  return (
    <div class={error ? 'quantity-row invalid' : 'quantity-row'}>
      <label for={id} class="choice">
        <span>{props.label}</span>
        <span class="price">
          <Price cents={props.priceCents} />
        </span>
      </label>
      <div class="stepper">
        <StepButton field={field} direction="down" label={t('match.stepDown', names)} disabled={value <= 0} />
        <input
          id={id}
          name={field}
          type="number"
          inputmode="numeric"
          min="0"
          max={String(max)}
          value={String(value)}
          class="count"
          data-price={String(props.priceCents)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <StepButton field={field} direction="up" label={t('match.stepUp', names)} disabled={value >= max} />
      </div>
      <FieldError id={id} error={error} />
    </div>
  );
}

function StepButton(props: { field: string; direction: 'up' | 'down'; label: string; disabled: boolean }) {
  return (
    <button
      type="submit"
      name="step"
      value={`${props.field}:${props.direction}`}
      class="secondary"
      aria-label={props.label}
      disabled={props.disabled}
    >
      {props.direction === 'up' ? '+' : '−'}
    </button>
  );
}
