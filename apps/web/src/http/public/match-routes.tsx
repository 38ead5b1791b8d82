import { type Context, Hono } from 'hono';
import { raw } from 'hono/html';
import type { PriceCategory } from '../../db/schema/index.ts';
import type { AppConfig } from '../../deps.ts';
import { findPublicMatch, type PublicMatch } from '../../domain/catalog/find-public-match.ts';
import { DomainError } from '../../domain/errors.ts';
import { UUID_PATTERN } from '../../domain/ids.ts';
import type { OrderLine } from '../../domain/sales/place-order.ts';
import { startCheckout } from '../../domain/sales/start-checkout.ts';
import { formatDateTime, type Translate } from '../../i18n/index.ts';
import { Form, FormError } from '../../views/components/form.tsx';
import { MatchStatusBadge, SeatsLeftBadge } from '../../views/components/match-status-badge.tsx';
import { Price } from '../../views/components/price.tsx';
import { VerifiedBadge } from '../../views/components/verified-badge.tsx';
import { render } from '../../views/layouts/layout.tsx';
import { domainMessage, ERROR_HTTP } from '../errors.tsx';
import type { FieldErrors, FormValues } from '../forms.ts';
import { requireUser } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import type { AppEnv } from '../types.ts';

/** schema.org SportsEvent, so search engines and shared links understand the page. */
function structuredData(m: PublicMatch, config: AppConfig) {
  const eventStatus = { cancelled: 'EventCancelled', postponed: 'EventPostponed' }[m.status as string] ?? 'EventScheduled';
  const data = {
    '@context': 'https://schema.org',
    '@type': 'SportsEvent',
    name: m.title,
    sport: 'Football',
    startDate: m.kickoffAt.toISOString(),
    eventStatus: `https://schema.org/${eventStatus}`,
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    url: `${config.baseURL}/matches/${m.id}`,
    homeTeam: { '@type': 'SportsTeam', name: m.isHome ? m.club.name : m.opponentName },
    awayTeam: { '@type': 'SportsTeam', name: m.isHome ? m.opponentName : m.club.name },
    organizer: { '@type': 'SportsOrganization', name: m.club.name, url: `${config.baseURL}/c/${m.club.slug}` },
    location: m.venue?.name
      ? {
          '@type': 'Place',
          name: m.venue.name,
          address: {
            '@type': 'PostalAddress',
            streetAddress: m.venue.street,
            postalCode: m.venue.postalCode,
            addressLocality: m.venue.commune,
            addressCountry: 'BE',
          },
        }
      : undefined,
    offers: m.stands.flatMap((s) =>
      s.prices.map((p) => ({
        '@type': 'Offer',
        name: `${s.name} (${p.category})`,
        price: (p.priceCents / 100).toFixed(2),
        priceCurrency: 'EUR',
        availability: `https://schema.org/${s.seatsLeft > 0 && m.status === 'on_sale' ? 'InStock' : 'SoldOut'}`,
        url: `${config.baseURL}/matches/${m.id}`,
      })),
    ),
  };
  // JSON inside <script>: "<" escaped so no "</script>" in a club's text can end the block.
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

function mapLink(m: PublicMatch) {
  if (!m.venue?.street) return null;
  const query = `${m.venue.street}, ${m.venue.postalCode} ${m.venue.commune}, Belgium`;
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}

const categoryLabel = (t: Translate, category: string) => t(`category.${category}` as Parameters<Translate>[0]);

const QUANTITY_FIELD = new RegExp(`^q_(${UUID_PATTERN})_(adult|youth|child|member|senior)$`);

export const matchRoutes = new Hono<AppEnv>()
  .get('/:matchId', async (c) => renderMatchPage(c, await findPublicMatch(c.get('deps').db, c.req.param('matchId')), {}))
  // Choosing tickets places the order and holds the seats, then the buyer goes to pay.
  .post('/:matchId/checkout', requireUser, async (c) => {
    const t = c.get('t');
    const { db, payments, outbox, config } = c.get('deps');
    const matchId = c.req.param('matchId');
    // The match as the page shows it is read only to answer a refusal, not on the way to paying.
    const page = async (shown: { values: FormValues; errors: FieldErrors }, status: 400 | 409) =>
      renderMatchPage(c, await findPublicMatch(db, matchId), shown, status);
    const body = await c.req.parseBody();
    const values: FormValues = {};
    const lines: OrderLine[] = [];
    for (const [name, raw] of Object.entries(body)) {
      const field = QUANTITY_FIELD.exec(name);
      if (!field || typeof raw !== 'string') continue;
      values[name] = raw;
      const quantity = raw.trim() === '' ? 0 : /^\d{1,3}$/.test(raw.trim()) ? Number(raw) : Number.NaN;
      if (!Number.isInteger(quantity)) return page({ values, errors: { _form: t('error.quantity') } }, 400);
      lines.push({ matchStandId: field[1]!, category: field[2] as PriceCategory, quantity });
    }
    const user = c.get('user')!;
    try {
      const started = await startCheckout(
        db,
        { payments, outbox, sales: config.sales, baseURL: config.baseURL },
        { userId: user.id, email: user.email, matchId, lines },
      );
      if (started.paid) return redirectWithFlash(c, `/account/orders/${started.reference}`, 'success', t('order.freeIssued'));
      return c.redirect(started.url, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return page({ values, errors: { _form: domainMessage(c, error) } }, ERROR_HTTP[error.code].status === 400 ? 400 : 409);
    }
  });

async function renderMatchPage(
  c: Context<AppEnv>,
  m: PublicMatch,
  shown: { values?: FormValues; errors?: FieldErrors },
  status: 200 | 400 | 409 = 200,
) {
  const t = c.get('t');
  const locale = c.get('locale');
  const { config } = c.get('deps');
  c.status(status);
  const { title } = m;
  const when = formatDateTime(m.kickoffAt, locale);
  const description = `${when} · ${m.competition}${m.venue?.name ? ` · ${m.venue.name}, ${m.venue.commune}` : ''}`;
  const map = mapLink(m);
  const head = (
    <>
      <meta property="og:type" content="website" />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={`${config.baseURL}/matches/${m.id}`} />
      <meta property="og:site_name" content="FootArena" />
      {m.club.logo ? <meta property="og:image" content={`${config.baseURL}${m.club.logo}`} /> : null}
      <meta name="twitter:card" content="summary" />
      <link rel="canonical" href={`${config.baseURL}/matches/${m.id}`} />
      <script type="application/ld+json">{raw(structuredData(m, config))}</script>
    </>
  );
  return render(
    c,
    <article class="match-page">
      <header class="card">
        <p class="meta">
          <a href={`/c/${m.club.slug}`}>{m.club.name}</a>
          <VerifiedBadge verified={m.club.verified} /> · {m.competition}
        </p>
        <h1 class="club-title">
          {m.club.logo ? <img src={m.club.logo} alt="" width="48" height="48" /> : null}
          {title}
        </h1>
        <p>
          <time datetime={m.kickoffAt.toISOString()}>
            <strong>{when}</strong>
          </time>
          {m.gatesOpenAt ? ` · ${t('match.gatesOpen', { time: formatDateTime(m.gatesOpenAt, locale) })}` : null}
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
            {map ? (
              <>
                <br />
                <a href={map} rel="noopener" target="_blank">
                  {t('match.map')}
                </a>
              </>
            ) : null}
          </address>
        ) : (
          <p>{t('match.away')}</p>
        )}
      </header>
      {m.isHome ? (
        <section class="card" id="tickets">
          <h2>{t('match.tickets')}</h2>
          {m.stands.length === 0 ? <p>{t('match.noStands')}</p> : null}
          {m.saleOpen ? (
            <Form action={`/matches/${m.id}/checkout`} class="buy">
              <FormError errors={shown.errors} />
              {m.stands.map((s) => (
                <fieldset class="stand-choice">
                  <legend>
                    {s.name} <SeatsLeftBadge seatsLeft={s.seatsLeft} />
                  </legend>
                  {s.seatsLeft > 0
                    ? s.prices.map((p) => (
                        <div class="field quantity">
                          <label for={`q_${s.id}_${p.category}`}>
                            {categoryLabel(t, p.category)} · <Price cents={p.priceCents} />
                          </label>
                          <input
                            id={`q_${s.id}_${p.category}`}
                            name={`q_${s.id}_${p.category}`}
                            type="number"
                            inputmode="numeric"
                            min="0"
                            max={String(Math.min(m.orderLimit, s.seatsLeft))}
                            value={shown.values?.[`q_${s.id}_${p.category}`] ?? '0'}
                          />
                        </div>
                      ))
                    : null}
                </fieldset>
              ))}
              <p class="hint">
                {t('match.orderHint', { limit: m.orderLimit, minutes: config.sales.holdMinutes })}{' '}
                {t('match.feeHint', { percent: config.sales.feePercent })}
              </p>
              <button type="submit">{t('match.buy')}</button>
            </Form>
          ) : (
            <ul class="stands">
              {m.stands.map((s) => (
                <li>
                  <strong>{s.name}</strong> <SeatsLeftBadge seatsLeft={s.seatsLeft} />
                  <ul class="prices">
                    {s.prices.map((p) => (
                      <li>
                        {categoryLabel(t, p.category)}: <Price cents={p.priceCents} />
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
        </section>
      ) : null}
    </article>,
    { title, description, head },
  );
}
