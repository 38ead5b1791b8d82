import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { z } from 'zod';
import { countAttempt } from '../../domain/accounts/count-attempt.ts';
import { deleteAccount } from '../../domain/accounts/delete-account.ts';
import { exportAccountData } from '../../domain/accounts/export-account-data.ts';
import { forgetAttempt } from '../../domain/accounts/forget-attempt.ts';
import { lockAfterFailure } from '../../domain/accounts/lock-after-failure.ts';
import type { AttemptKey } from '../../domain/accounts/sign-in-policy.ts';
import { updateProfile } from '../../domain/accounts/update-profile.ts';
import { DomainError } from '../../domain/errors.ts';
import { cancelPendingOrder } from '../../domain/sales/cancel-pending-order.ts';
import { listMyOrders } from '../../domain/sales/list-my-orders.ts';
import { orderSubjectPath } from '../../domain/sales/order-subject.ts';
import { listMySeasonPasses } from '../../domain/seasons/list-my-season-passes.ts';
import { LOCALES, translator } from '../../i18n/index.ts';
import { render } from '../../views/layouts/layout.tsx';
import { DeleteAccountPage } from '../../views/pages/account/delete-account-page.tsx';
import { MyOrderPage } from '../../views/pages/account/my-order-page.tsx';
import { MyOrdersPage } from '../../views/pages/account/my-orders-page.tsx';
import { ProfilePage } from '../../views/pages/account/profile-page.tsx';
import { domainMessage } from '../errors.tsx';
import { type FieldErrors, type FormValues, parseForm } from '../forms.ts';
import { requireUser } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import { nameField, passwordField } from '../public/auth-schemas.ts';
import type { AppEnv } from '../types.ts';

const profileForm = z.object({ name: nameField, locale: z.enum(LOCALES) });
const deleteForm = z.object({ password: passwordField });
export const accountRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get('/', (c) => {
    const user = c.get('user')!;
    return renderProfile(c, { values: { name: user.name, locale: c.get('locale') } });
  })
  .post('/', async (c) => {
    const form = await parseForm(c, profileForm);
    if (!form.ok) return renderProfile(c, form, 400);
    await updateProfile(c.get('deps').db, {}, { actor: actorOf(c), profile: form.data });
    // Confirmed in the language just chosen, which the next page is in.
    return redirectWithFlash(c, '/account', 'success', translator(form.data.locale)('account.saved'));
  })
  .get('/export', async (c) => {
    const data = await exportAccountData(c.get('deps').db, c.get('user')!.id);
    c.header('Content-Disposition', 'attachment; filename="footarena-my-data.json"');
    c.header('Cache-Control', 'no-store');
    return c.json(data);
  })
  .get('/orders', async (c) => {
    const orders = await listMyOrders(c.get('deps').db, c.get('user')!.id);
    return render(c, <MyOrdersPage orders={orders} />, { title: c.get('t')('order.mine') });
  })
  .get('/orders/:reference', async (c) => {
    const [o] = await listMyOrders(c.get('deps').db, c.get('user')!.id, { reference: c.req.param('reference') });
    if (!o) throw new DomainError('not_found'); // another person's order is not found, not forbidden
    // Only the demo provider's page can be gone back to; a Stripe session is left from its own page.
    const payUrl = o.providerSessionId?.startsWith('demo_') ? `/demo-pay/${o.providerSessionId}` : undefined;
    const links = { tickets: '/account/tickets', pdf: `/account/tickets/orders/${o.reference}/tickets.pdf` };
    return render(c, <MyOrderPage order={o} payUrl={payUrl} abandonAction={`/account/orders/${o.reference}/abandon`} links={links} />, {
      title: c.get('t')('order.title', { reference: o.reference }),
    });
  })
  // Payment sessions opened before this was a form still send buyers who turn back here: show the
  // order (with its button to give up) and change nothing, as a GET must.
  .get('/orders/:reference/abandon', (c) => c.redirect(`/account/orders/${c.req.param('reference')}`, 303))
  // The buyer gives up a pending order from its page: the hold ends, the seats return to sale.
  .post('/orders/:reference/abandon', async (c) => {
    const { db } = c.get('deps');
    const [o] = await listMyOrders(db, c.get('user')!.id, { reference: c.req.param('reference') });
    if (!o) throw new DomainError('not_found');
    if (o.status === 'pending') {
      await db
        .transaction((tx) => cancelPendingOrder(tx, operationContext(c), { actor: actorOf(c), order: { orderId: o.id } }))
        .catch((error: unknown) => {
          if (!(error instanceof DomainError)) throw error; // paid or released meanwhile: nothing to undo
        });
      return redirectWithFlash(c, orderSubjectPath(o), 'info', c.get('t')('order.cancelled'));
    }
    return c.redirect(`/account/orders/${o.reference}`, 303);
  })
  .get('/delete', (c) => renderDelete(c, {}))
  .post('/delete', async (c) => {
    const form = await parseForm(c, deleteForm);
    if (!form.ok) return renderDelete(c, form, 400);
    const { db, auth } = c.get('deps');
    const authContext = await auth.$context;
    const { password } = authContext;
    // Confirming with the password is a sign-in of sorts: its guesses are limited per account (decision 009).
    const keys: AttemptKey[] = [{ kind: 'confirm', value: c.get('user')!.email }];
    const attempt = await countAttempt(db, keys);
    if (!attempt.allowed) {
      return renderDelete(c, { errors: { _form: c.get('t')('error.signInLocked', { minutes: attempt.retryInMinutes }) } }, 429);
    }
    try {
      await db.transaction((tx) =>
        deleteAccount(
          tx,
          {},
          {
            actor: actorOf(c),
            password: form.data.password,
            verifyPassword: (hash, plain) => password.verify({ hash, password: plain }),
          },
        ),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'wrong_password') await lockAfterFailure(db, keys);
      else await forgetAttempt(db, keys);
      return renderDelete(c, { errors: { _form: domainMessage(c, error) } }, 400);
    }
    await forgetAttempt(db, keys);
    // The sessions went with the user: only the browser's cookies are left to clear.
    for (const cookie of Object.values(authContext.authCookies)) {
      deleteCookie(c, cookie.name, { path: '/', secure: cookie.attributes.secure });
    }
    return redirectWithFlash(c, '/', 'info', c.get('t')('account.deleted'));
  });

async function renderProfile(
  c: Context<AppEnv>,
  { values, errors }: { values?: FormValues; errors?: FieldErrors },
  status: 200 | 400 = 200,
) {
  const season = await listMySeasonPasses(c.get('deps').db, c.get('user')!.id);
  c.status(status);
  return render(c, <ProfilePage email={c.get('user')!.email} values={values} errors={errors} season={season} />, {
    title: c.get('t')('account.title'),
  });
}

function renderDelete(c: Context<AppEnv>, { errors }: { errors?: FieldErrors }, status: 200 | 400 | 429 = 200) {
  c.status(status);
  return render(c, <DeleteAccountPage errors={errors} />, { title: c.get('t')('account.delete') });
}
