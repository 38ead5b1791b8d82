import { type Context, Hono } from 'hono';
import { raw } from 'hono/html';
import type { AppConfig } from '../../deps.ts';
import { countAttempt } from '../../domain/accounts/count-attempt.ts';
import { findPublicMatch, type PublicMatch } from '../../domain/catalog/find-public-match.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Buyer, OrderLine } from '../../domain/sales/place-order.ts';
import { priceBasket } from '../../domain/sales/price-basket.ts';
import { seenSeatsRefusal } from '../../domain/sales/price-order-lines.ts';
import { startCheckout } from '../../domain/sales/start-checkout.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { render } from '../../views/layouts/layout.tsx';
import { CheckoutPage } from '../../views/pages/public/checkout-page.tsx';
import { MatchPage } from '../../views/pages/public/match-page.tsx';
import { clientIp } from '../client-ip.ts';
import { domainMessage, ERROR_HTTP } from '../errors.tsx';
import { type FieldErrors, type FormValues, parseForm } from '../forms.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { operationContext } from '../operation.ts';
import type { AppEnv } from '../types.ts';
import { basketForm, basketQuery, guestForm, quantityField } from './checkout-schemas.ts';

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
    // A cancelled match offers nothing.
    offers: (m.status === 'cancelled' ? [] : m.stands).flatMap((s) =>
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

/** The basket a link carries in its query (a wrong one is simply empty). */
function linkedBasket(c: Context<AppEnv>): OrderLine[] {
  const parsed = basketForm.safeParse(c.req.query());
  return parsed.success ? parsed.data.lines : [];
}

/** A +/− press: the line's quantity one up or down, kept between 0 and the order limit. */
function stepped(lines: OrderLine[], step: { field: string; delta: number }, limit: number): OrderLine[] {
  const exists = lines.some((l) => quantityField(l.matchStandId, l.category) === step.field);
  const [, matchStandId = '', category = 'adult'] = step.field.match(/^q_(.+)_([a-z]+)$/) ?? [];
  const all = exists ? lines : [...lines, { matchStandId, category: category as OrderLine['category'], quantity: 0 }];
  return all.map((l) =>
    quantityField(l.matchStandId, l.category) === step.field
      ? { ...l, quantity: Math.max(0, Math.min(limit, l.quantity + step.delta)) }
      : l,
  );
}

export const matchRoutes = new Hono<AppEnv>()
  .get('/:matchId', async (c) => renderMatchPage(c, await matchFor(c, c.req.param('matchId')), linkedBasket(c)))
  // The step before paying, for a basket that came by link: what it costs, then one button to pay —
  // signed in, or after signing in, signing up or giving a name and an address as a guest.
  .get('/:matchId/checkout', async (c) => {
    const m = await matchFor(c, c.req.param('matchId'));
    const lines = linkedBasket(c);
    if (lines.every((l) => l.quantity === 0)) return c.redirect(`/matches/${m.id}#tickets`, 303);
    return renderCheckout(c, m, lines, {});
  })
  // Choosing tickets places the order and holds the seats, then the buyer goes to pay. A visitor
  // not signed in goes to the checkout step with the basket; a +/− press comes back to the page.
  .post('/:matchId/checkout', async (c) => {
    const { db } = c.get('deps');
    const matchId = c.req.param('matchId');
    const form = await parseForm(c, basketForm);
    if (!form.ok) return renderMatchPage(c, await matchFor(c, matchId), [], form, 400);
    const { lines, step } = form.data;
    if (step) {
      const m = await findPublicMatch(db, matchId);
      return c.redirect(`/matches/${m.id}${basketQuery(stepped(lines, step, m.orderLimit))}#tickets`, 303);
    }
    const user = c.get('user');
    let actor: Buyer;
    if (user) actor = { userId: user.id, name: user.name, email: user.email };
    else if (form.values.as === 'guest') {
      const guest = await parseForm(c, guestForm);
      if (!guest.ok) return renderCheckout(c, await matchFor(c, matchId), lines, guest, 400);
      // A guest's order sends mail to the address typed: limited per IP address like every such request.
      const attempt = await countAttempt(db, [{ kind: 'mail', value: clientIp(c) }]);
      if (!attempt.allowed) throw new DomainError('rate_limited', { minutes: attempt.retryInMinutes });
      actor = { kind: 'guest', ...guest.data, locale: c.get('locale') };
    } else return c.redirect(`/matches/${matchId}/checkout${basketQuery(lines)}`, 303);
    // The page a refusal answers with is read first: when it already shows too few seats (three
    // buyers in four at an opening), the buyer is refused without a transaction.
    const seen = await matchFor(c, matchId);
    const refused = (error: DomainError, m: PublicMatch) => {
      const status = ERROR_HTTP[error.code].status === 400 ? 400 : 409;
      const shown = { values: form.values, errors: { _form: domainMessage(c, error) } };
      return user ? renderMatchPage(c, m, [], shown, status) : renderCheckout(c, m, lines, shown, status);
    };
    const short = seenSeatsRefusal(seen, lines);
    if (short) return refused(short, seen);
    try {
      const started = await startCheckout(db, operationContext(c), { actor, matchId, lines });
      if (started.paid) return redirectWithFlash(c, started.orderPath, 'success', c.get('t')('order.freeIssued'));
      return c.redirect(started.url, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return refused(error, await matchFor(c, matchId));
    }
  });

/** The match as the signed-in buyer may buy it (member prices for members only), with their credit. */
const matchFor = (c: Context<AppEnv>, matchId: string) => findPublicMatch(c.get('deps').db, matchId, c.get('user'));

async function renderMatchPage(
  c: Context<AppEnv>,
  m: PublicMatch,
  lines: OrderLine[],
  shown: { values?: FormValues; errors?: FieldErrors } = {},
  status: 200 | 400 | 409 = 200,
) {
  const locale = c.get('locale');
  const { config } = c.get('deps');
  c.status(status);
  const quantities: Record<string, number> = {};
  for (const l of lines) quantities[quantityField(l.matchStandId, l.category)] = l.quantity;
  // A refused choice is shown again as it was typed, where it is a number.
  for (const [name, value] of Object.entries(shown.values ?? {}))
    if (/^q_/.test(name) && /^\d{1,3}$/.test(value)) quantities[name] = Number(value);
  const shownLines = Object.entries(quantities).flatMap(([name, quantity]) => {
    const [, matchStandId = '', category = ''] = name.match(/^q_(.+)_([a-z]+)$/) ?? [];
    return [{ matchStandId, category: category as OrderLine['category'], quantity }];
  });
  const description = `${formatDateTime(m.kickoffAt, locale)} · ${m.competition}${m.venue?.name ? ` · ${m.venue.name}, ${m.venue.commune}` : ''}`;
  const head = (
    <>
      <meta property="og:type" content="website" />
      <meta property="og:title" content={m.title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={`${config.baseURL}/matches/${m.id}`} />
      <meta property="og:site_name" content="FootArena" />
      {m.club.logo ? <meta property="og:image" content={`${config.baseURL}${m.club.logo}`} /> : null}
      <meta name="twitter:card" content="summary" />
      <link rel="canonical" href={`${config.baseURL}/matches/${m.id}`} />
      <script type="application/ld+json">{raw(structuredData(m, config))}</script>
    </>
  );
  const { feePercent, feeFixedCents, holdMinutes } = config.sales;
  return render(
    c,
    <MatchPage
      seasons={m.seasons}
      match={m}
      quantities={quantities}
      basket={priceBasket(m, shownLines, config.sales)}
      fee={{ feePercent, feeFixedCents }}
      holdMinutes={holdMinutes}
      mapUrl={mapLink(m)}
      errors={shown.errors}
      creditCents={m.creditCents}
    />,
    { title: m.title, description, head },
  );
}

async function renderCheckout(
  c: Context<AppEnv>,
  m: PublicMatch,
  lines: OrderLine[],
  shown: { values?: FormValues; errors?: FieldErrors },
  status: 200 | 400 | 409 = 200,
) {
  const user = c.get('user');
  c.status(status);
  // Nobody signs in, signs up or types an address for a page that keeps it.
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    <CheckoutPage
      match={m}
      basket={priceBasket(m, lines, c.get('deps').config.sales, { creditCents: m.creditCents })}
      basketQuery={basketQuery(lines)}
      buyer={user ? { name: user.name, email: user.email } : undefined}
      values={shown.values}
      errors={shown.errors}
    />,
    { title: c.get('t')('checkout.title') },
  );
}
