import { type Context, Hono } from 'hono';
import { DomainError } from '../../domain/errors.ts';
import type { OrderLine } from '../../domain/sales/place-order.ts';
import { startCheckout } from '../../domain/sales/start-checkout.ts';
import { findPublicSeasonProduct, type PublicSeasonProduct } from '../../domain/seasons/find-public-season-product.ts';
import type { SeasonLine } from '../../domain/seasons/place-season-order.ts';
import { priceSeasonBasket } from '../../domain/seasons/price-season-basket.ts';
import { render } from '../../views/layouts/layout.tsx';
import { SeasonProductPage } from '../../views/pages/public/season-product-page.tsx';
import { domainMessage, ERROR_HTTP } from '../errors.tsx';
import { type FieldErrors, type FormValues, parseForm } from '../forms.ts';
import { operationContext } from '../operation.ts';
import type { AppEnv } from '../types.ts';
import { basketForm, basketQuery, quantityField } from './checkout-schemas.ts';

// A season product's basket travels in the match basket's fields, "q_<product id>_<category>": the
// same form parsing, the same links through sign-in, the same browser module for the total.

const seasonLines = (productId: string, lines: OrderLine[]): SeasonLine[] =>
  lines.filter((l) => l.matchStandId === productId).map((l) => ({ category: l.category, quantity: l.quantity }));
const asBasket = (productId: string, lines: SeasonLine[]): OrderLine[] => lines.map((l) => ({ ...l, matchStandId: productId }));

const viewerOf = (c: Context<AppEnv>) => {
  const user = c.get('user');
  return user ? { email: user.email, emailVerified: user.emailVerified } : null;
};

/** The public page of a season ticket, and buying it (signed in: a pass lives in its holder's account). */
export const publicSeasonRoutes = new Hono<AppEnv>()
  .get('/:productId', async (c) => {
    const productId = c.req.param('productId');
    const p = await findPublicSeasonProduct(c.get('deps').db, productId, viewerOf(c));
    const parsed = basketForm.safeParse(c.req.query());
    return renderProductPage(c, p, parsed.success ? seasonLines(p.id, parsed.data.lines) : []);
  })
  .post('/:productId/checkout', async (c) => {
    const { db } = c.get('deps');
    const productId = c.req.param('productId');
    const form = await parseForm(c, basketForm);
    const page = async (lines: SeasonLine[], shown: { values?: FormValues; errors?: FieldErrors }, status: 400 | 409) =>
      renderProductPage(c, await findPublicSeasonProduct(db, productId, viewerOf(c)), lines, shown, status);
    if (!form.ok) return page([], form, 400);
    const lines = seasonLines(productId, form.data.lines);
    const { step } = form.data;
    if (step) {
      const p = await findPublicSeasonProduct(db, productId, viewerOf(c));
      const limit = Math.min(p.orderLimit, p.seatsLeft);
      const stepped = p.prices.map((x) => {
        const quantity = lines.find((l) => l.category === x.category)?.quantity ?? 0;
        const delta = quantityField(p.id, x.category) === step.field ? step.delta : 0;
        return { category: x.category, quantity: Math.max(0, Math.min(limit, quantity + delta)) };
      });
      return c.redirect(`/seasons/${p.id}${basketQuery(asBasket(p.id, stepped))}#tickets`, 303);
    }
    const user = c.get('user');
    if (!user) {
      // Back to this page with the basket once signed in (or signed up and confirmed).
      const next = `/seasons/${productId}${basketQuery(asBasket(productId, lines))}`;
      return c.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303);
    }
    try {
      const actor = { userId: user.id, name: user.name, email: user.email };
      const started = await startCheckout(db, operationContext(c), { actor, productId, lines });
      return c.redirect(started.url, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const status = ERROR_HTTP[error.code].status === 400 ? 400 : 409;
      return page(lines, { values: form.values, errors: { _form: domainMessage(c, error) } }, status);
    }
  });

function renderProductPage(
  c: Context<AppEnv>,
  p: PublicSeasonProduct,
  lines: SeasonLine[],
  shown: { values?: FormValues; errors?: FieldErrors } = {},
  status: 200 | 400 | 409 = 200,
) {
  const { config } = c.get('deps');
  c.status(status);
  const quantities: Record<string, number> = {};
  for (const l of lines) quantities[quantityField(p.id, l.category)] = l.quantity;
  const { feePercent, feeFixedCents, holdMinutes } = config.sales;
  return render(
    c,
    <SeasonProductPage
      product={p}
      quantities={quantities}
      basket={priceSeasonBasket(p, lines, config.sales)}
      fee={{ feePercent, feeFixedCents }}
      holdMinutes={holdMinutes}
      signedIn={Boolean(c.get('user'))}
      errors={shown.errors}
    />,
    { title: p.title, description: `${p.club.name} · ${p.title}` },
  );
}
