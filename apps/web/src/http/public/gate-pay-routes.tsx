import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { findGatePayment } from '../../domain/boxoffice/find-gate-payment.ts';
import { startGatePayment } from '../../domain/boxoffice/start-gate-payment.ts';
import { DomainError } from '../../domain/errors.ts';
import { guestOrderPath } from '../../domain/sales/guest-link.ts';
import { render } from '../../views/layouts/layout.tsx';
import { GatePayPage } from '../../views/pages/boxoffice/gate-pay-page.tsx';
import { domainMessage } from '../errors.tsx';
import { type FieldErrors, type FormValues, parseForm } from '../forms.ts';
import { operationContext } from '../operation.ts';
import type { AppEnv } from '../types.ts';
import { emailField } from './auth-schemas.ts';

const payForm = z.object({ email: z.preprocess((value) => (value === '' ? undefined : value), emailField.optional()) });

async function showGatePay(c: Context<AppEnv>, shown: { values?: FormValues; errors?: FieldErrors } = {}, status: 200 | 400 | 409 = 200) {
  const token = c.req.param('token') ?? '';
  const payment = await findGatePayment(c.get('deps').db, token);
  // A private page: no search engine lists it, no referrer carries its address elsewhere.
  c.header('X-Robots-Tag', 'noindex, nofollow');
  c.header('Referrer-Policy', 'no-referrer');
  c.status(status);
  return render(c, <GatePayPage payment={payment} title={payment.title} orderPath={guestOrderPath(token)} {...shown} />, {
    title: c.get('t')('gatePay.title'),
  });
}

/**
 * The page the steward's QR code opens on the buyer's own phone: the basket sold at the gate, an optional
 * address for the tickets, then the payment (demo page or Stripe Checkout). Paid, the buyer lands on the
 * order's private page with the tickets, and the steward's screen turns green.
 */
export const gatePayRoutes = new Hono<AppEnv>()
  .get('/:token', (c) => showGatePay(c))
  .post('/:token', async (c) => {
    const form = await parseForm(c, payForm);
    if (!form.ok) return showGatePay(c, form, 400);
    try {
      const { url } = await startGatePayment(c.get('deps').db, operationContext(c), {
        actor: { kind: 'guest', name: form.data.email ?? '' },
        token: c.req.param('token'),
        email: form.data.email,
      });
      return c.redirect(url, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found') throw error;
      return showGatePay(c, { values: form.values, errors: { _form: domainMessage(c, error) } }, 409);
    }
  });
