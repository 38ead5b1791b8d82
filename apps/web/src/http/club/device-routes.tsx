import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { DEVICE_KINDS } from '../../db/schema/index.ts';
import { createDevice } from '../../domain/devices/create-device.ts';
import { PAIRING_MINUTES } from '../../domain/devices/device-secrets.ts';
import { listDevices } from '../../domain/devices/list-devices.ts';
import { renewDevicePairing } from '../../domain/devices/renew-device-pairing.ts';
import { revokeDevice } from '../../domain/devices/revoke-device.ts';
import { Field, Form, Select } from '../../views/components/form.tsx';
import { render } from '../../views/layouts/layout.tsx';
import { text } from '../fields.ts';
import { type FieldErrors, type FormValues, parseForm } from '../forms.ts';
import { requireClub } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import type { AppEnv } from '../types.ts';

const manage = requireClub({ club: ['update'] });
const deviceForm = z.object({ name: text(1, 60), kind: z.enum(DEVICE_KINDS) });

/** The club's scanners and gates: created with a one-time pairing code, revoked at once. */
export const deviceRoutes = new Hono<AppEnv>()
  .get('/:slug/devices', manage, (c) => renderDevices(c, {}))
  .post('/:slug/devices', manage, async (c) => {
    const form = await parseForm(c, deviceForm);
    if (!form.ok) return renderDevices(c, form, 400);
    const { pairingCode } = await createDevice(c.get('deps').db, c.get('membership').club.id, form.data);
    return renderDevices(c, { pairingCode, pairedName: form.data.name });
  })
  .post('/:slug/devices/:deviceId/pairing', manage, async (c) => {
    const { name, pairingCode } = await renewDevicePairing(c.get('deps').db, c.get('membership').club.id, c.req.param('deviceId'));
    return renderDevices(c, { pairingCode, pairedName: name });
  })
  .post('/:slug/devices/:deviceId/revoke', manage, async (c) => {
    const { club } = c.get('membership');
    await revokeDevice(c.get('deps').db, club.id, c.req.param('deviceId'));
    return redirectWithFlash(c, `/club/${club.slug}/devices`, 'success', c.get('t')('devices.revoked'));
  });

async function renderDevices(
  c: Context<AppEnv>,
  shown: { values?: FormValues; errors?: FieldErrors; pairingCode?: string; pairedName?: string },
  status: 200 | 400 = 200,
) {
  const t = c.get('t');
  const { club } = c.get('membership');
  const devices = await listDevices(c.get('deps').db, club.id);
  c.status(status);
  return render(
    c,
    <>
      <h1>
        {t('devices.title')} · {club.name}
      </h1>
      {shown.pairingCode ? (
        <section class="card">
          <h2>{t('devices.pairTitle', { name: shown.pairedName ?? '' })}</h2>
          <p class="pairing-code">{shown.pairingCode}</p>
          <p class="hint">{t('devices.pairHint', { minutes: PAIRING_MINUTES })}</p>
        </section>
      ) : null}
      <section class="card table-wrap">
        {devices.length === 0 ? (
          <p>{t('devices.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('devices.name')}</th>
                <th scope="col">{t('devices.kind')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr>
                  <td>{d.name}</td>
                  <td>{t(d.kind === 'gate' ? 'devices.gate' : 'devices.phone')}</td>
                  <td>{d.revokedAt ? t('devices.statusRevoked') : d.paired ? t('devices.statusPaired') : t('devices.statusWaiting')}</td>
                  <td>
                    {d.revokedAt ? null : (
                      <div class="actions">
                        <Form action={`/club/${club.slug}/devices/${d.id}/pairing`} idPrefix={`pairing-${d.id}`}>
                          <button type="submit" class="secondary">
                            {t('devices.newPairing')}
                          </button>
                        </Form>
                        <Form action={`/club/${club.slug}/devices/${d.id}/revoke`} idPrefix={`revoke-${d.id}`}>
                          <button type="submit" class="danger">
                            {t('devices.revoke')}
                          </button>
                        </Form>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {devices.some((d) => !d.revokedAt) ? <p class="hint">{t('devices.newPairingHint')}</p> : null}
      </section>
      <section class="card">
        <h2>{t('devices.add')}</h2>
        <Form action={`/club/${club.slug}/devices`} idPrefix="device-new">
          <Field name="name" label={t('devices.name')} values={shown.values} errors={shown.errors} required maxlength={60} />
          <Select
            name="kind"
            label={t('devices.kind')}
            options={[
              { value: 'phone', label: t('devices.phone') },
              { value: 'gate', label: t('devices.gate') },
            ]}
            selected={shown.values?.kind ?? 'phone'}
            errors={shown.errors}
          />
          <button type="submit">{t('devices.add')}</button>
        </Form>
      </section>
    </>,
    { title: t('devices.title') },
  );
}
