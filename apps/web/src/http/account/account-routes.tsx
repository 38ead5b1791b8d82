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
import { abandonOrder } from '../../domain/sales/abandon-order.ts';
import { listMyOrders } from '../../domain/sales/list-my-orders.ts';
import { formatDateTime, LANGUAGE_NAMES, LOCALES, translator } from '../../i18n/index.ts';
import { Field, Form, FormError, Select } from '../../views/components/form.tsx';
import { OrderSummary } from '../../views/components/order-summary.tsx';
import { render } from '../../views/layouts/layout.tsx';
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
    await updateProfile(c.get('deps').db, c.get('user')!.id, form.data);
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
    const t = c.get('t');
    const orders = await listMyOrders(c.get('deps').db, c.get('user')!.id);
    return render(
      c,
      <>
        <h1>{t('order.mine')}</h1>
        {orders.length === 0 ? <p class="card">{t('order.none')}</p> : null}
        {orders.map((o) => (
          <section class="card">
            <OrderSummary o={o} />
            <a href={`/account/orders/${o.reference}`}>{t('order.see')}</a>
          </section>
        ))}
      </>,
      { title: t('order.mine') },
    );
  })
  .get('/orders/:reference', async (c) => {
    const t = c.get('t');
    const [o] = await listMyOrders(c.get('deps').db, c.get('user')!.id, { reference: c.req.param('reference') });
    if (!o) throw new DomainError('not_found'); // another person's order is not found, not forbidden
    return render(
      c,
      <section class="card narrow">
        <h1>{t('order.title', { reference: o.reference })}</h1>
        <OrderSummary o={o} />
        {o.status === 'pending' ? (
          <>
            <p class="hint">{t('order.heldUntil', { time: formatDateTime(o.holdExpiresAt, c.get('locale')) })}</p>
            <div class="actions">
              {o.providerSessionId?.startsWith('demo_') ? (
                <a class="button" href={`/demo-pay/${o.providerSessionId}`}>
                  {t('order.payNow')}
                </a>
              ) : null}
              <Form action={`/account/orders/${o.reference}/abandon`}>
                <button type="submit" class="secondary">
                  {t('order.abandon')}
                </button>
              </Form>
            </div>
          </>
        ) : null}
        <p>
          <a href={`/matches/${o.matchId}`}>{t('order.match')}</a> · <a href="/account/orders">{t('order.mine')}</a>
        </p>
      </section>,
      { title: t('order.title', { reference: o.reference }) },
    );
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
        .transaction((tx) => abandonOrder(tx, operationContext(c), { actor: actorOf(c), order: { orderId: o.id } }))
        .catch((error: unknown) => {
          if (!(error instanceof DomainError)) throw error; // paid or released meanwhile: nothing to undo
        });
      return redirectWithFlash(c, `/matches/${o.matchId}`, 'info', c.get('t')('order.cancelled'));
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
        deleteAccount(tx, {
          userId: c.get('user')!.id,
          password: form.data.password,
          verifyPassword: (hash, plain) => password.verify({ hash, password: plain }),
        }),
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

function renderProfile(c: Context<AppEnv>, { values, errors }: { values?: FormValues; errors?: FieldErrors }, status: 200 | 400 = 200) {
  const t = c.get('t');
  const user = c.get('user')!;
  c.status(status);
  return render(
    c,
    <>
      <h1>{t('account.title')}</h1>
      <section class="card">
        <p>
          {t('field.email')}: <strong>{user.email}</strong>
        </p>
        <Form action="/account">
          <Field name="name" label={t('field.name')} values={values} errors={errors} required maxlength={100} autocomplete="name" />
          <Select
            name="locale"
            label={t('account.language')}
            options={LOCALES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
            selected={values?.locale}
            errors={errors}
          />
          <button type="submit">{t('common.save')}</button>
        </Form>
      </section>
      <section class="card">
        <h2>{t('account.privacy')}</h2>
        <p>
          <a href="/account/orders">{t('order.mine')}</a>
        </p>
        <p>{t('account.exportText')}</p>
        <p>
          <a class="button secondary" href="/account/export">
            {t('account.export')}
          </a>
        </p>
        <p>{t('account.deleteText')}</p>
        <p>
          <a href="/account/delete">{t('account.delete')}</a>
        </p>
      </section>
    </>,
    { title: t('account.title') },
  );
}

function renderDelete(c: Context<AppEnv>, { errors }: { errors?: FieldErrors; values?: FormValues }, status: 200 | 400 | 429 = 200) {
  const t = c.get('t');
  c.status(status);
  return render(
    c,
    <section class="card narrow">
      <h1>{t('account.delete')}</h1>
      <p>{t('account.deleteWarning')}</p>
      <Form action="/account/delete">
        <FormError errors={errors} />
        <Field
          name="password"
          type="password"
          label={t('field.password')}
          errors={errors}
          required
          maxlength={128}
          autocomplete="current-password"
        />
        <button type="submit" class="danger">
          {t('account.deleteConfirm')}
        </button>
      </Form>
    </section>,
    { title: t('account.delete') },
  );
}
