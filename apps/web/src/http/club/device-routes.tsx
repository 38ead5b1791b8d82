import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { DEVICE_KINDS } from '../../db/schema/index.ts';
import { listVenues } from '../../domain/catalog/list-venues.ts';
import { createDevice } from '../../domain/devices/create-device.ts';
import { describeGateHealth } from '../../domain/devices/describe-gate-health.ts';
import { PAIRING_MINUTES } from '../../domain/devices/device-secrets.ts';
import { listDeviceMatches } from '../../domain/devices/list-device-matches.ts';
import { listDevices } from '../../domain/devices/list-devices.ts';
import { renewDevicePairing } from '../../domain/devices/renew-device-pairing.ts';
import { revokeDevice } from '../../domain/devices/revoke-device.ts';
import { DomainError } from '../../domain/errors.ts';
import { formatDate, formatDateTime } from '../../i18n/index.ts';
import { Checkboxes, Field, Form, FormError, Select } from '../../views/components/form.tsx';
import { GateHealth } from '../../views/components/gate-health.tsx';
import { ticketQrSvg } from '../../views/components/ticket-qr.tsx';
import { render } from '../../views/layouts/layout.tsx';
import { text } from '../fields.ts';
import { type FieldErrors, type FormLists, type FormValues, parseForm } from '../forms.ts';
import { requireClub } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import type { AppEnv } from '../types.ts';

const manage = requireClub({ club: ['update'] });
/** Checked matches / stands; none checked (the field is then absent) means every one. */
const chosenIds = z.array(z.uuid()).max(200).default([]);
const deviceForm = z.object({ name: text(1, 60), kind: z.enum(DEVICE_KINDS), matchIds: chosenIds, standIds: chosenIds });

/** The club's scanners and gates: created with a one-time pairing code, revoked at once. */
export const deviceRoutes = new Hono<AppEnv>()
  .get('/:slug/devices', manage, (c) => renderDevices(c, {}))
  .post('/:slug/devices', manage, async (c) => {
    const form = await parseForm(c, deviceForm);
    if (!form.ok) return renderDevices(c, form, 400);
    try {
      const { pairingCode } = await c
        .get('deps')
        .db.transaction((tx) =>
          createDevice(tx, operationContext(c), { actor: actorOf(c), clubId: c.get('membership').club.id, device: form.data }),
        );
      return renderDevices(c, { pairingCode, pairedName: form.data.name });
    } catch (error) {
      // A checked match or stand that is not (or no longer) the club's: the form again, as it was sent.
      if (!(error instanceof DomainError) || error.code !== 'not_found') throw error;
      return renderDevices(c, { values: form.values, lists: form.lists, errors: { _form: c.get('t')('devices.scopeGone') } }, 400);
    }
  })
  .post('/:slug/devices/:deviceId/pairing', manage, async (c) => {
    const { name, pairingCode } = await c.get('deps').db.transaction((tx) =>
      renewDevicePairing(tx, operationContext(c), {
        actor: actorOf(c),
        clubId: c.get('membership').club.id,
        deviceId: c.req.param('deviceId'),
      }),
    );
    return renderDevices(c, { pairingCode, pairedName: name });
  })
  .post('/:slug/devices/:deviceId/revoke', manage, async (c) => {
    const { club } = c.get('membership');
    await c
      .get('deps')
      .db.transaction((tx) =>
        revokeDevice(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, deviceId: c.req.param('deviceId') }),
      );
    return redirectWithFlash(c, `/club/${club.slug}/devices`, 'success', c.get('t')('devices.revoked'));
  });

async function renderDevices(
  c: Context<AppEnv>,
  shown: { values?: FormValues; lists?: FormLists; errors?: FieldErrors; pairingCode?: string; pairedName?: string },
  status: 200 | 400 = 200,
) {
  const t = c.get('t');
  const locale = c.get('locale');
  const { club } = c.get('membership');
  const { db, config } = c.get('deps');
  const [devices, matches, venues] = await Promise.all([
    listDevices(db, club.id),
    listDeviceMatches(db, { clubId: club.id, matchIds: null, standIds: null }),
    listVenues(db, club.id),
  ]);
  // The venue's name tells stands apart only when the club has more than one.
  const standLabel = (s: { name: string; venue: string }) => (venues.length > 1 ? `${s.venue} · ${s.name}` : s.name);
  const stands = venues.flatMap((v) => v.stands.filter((s) => !s.archivedAt).map((s) => ({ id: s.id, name: s.name, venue: v.name })));
  // A phone's camera opens the scanner with the code already in it (the fragment never reaches a server log).
  const pairingQr = shown.pairingCode ? await ticketQrSvg(`${config.baseURL}/scan#pair=${shown.pairingCode}`) : null;
  c.status(status);
  return render(
    c,
    <>
      <h1>
        {t('devices.title')} · {club.name}
      </h1>
      <p class="hint">
        {t('devices.scannerHint')} <a href="/scan">{t('scanner.open')}</a>
      </p>
      {shown.pairingCode ? (
        <section class="card">
          <h2>{t('devices.pairTitle', { name: shown.pairedName ?? '' })}</h2>
          <p class="pairing-code">{shown.pairingCode}</p>
          <div class="pairing-qr" role="img" aria-label={t('devices.pairQr', { name: shown.pairedName ?? '' })}>
            {pairingQr}
          </div>
          <p class="hint">{t('devices.pairQrHint')}</p>
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
                <th scope="col">{t('devices.admits')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">{t('devices.health')}</th>
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
                  <td class="admits">
                    {d.matches === null && d.stands === null ? (
                      t('devices.admitsAll')
                    ) : (
                      <>
                        {d.matches === null
                          ? t('devices.everyMatch')
                          : d.matches.map((m) => `${m.title} (${formatDate(m.kickoffAt, locale)})`).join('; ')}
                        <br />
                        {d.stands === null ? t('devices.everyStand') : d.stands.map(standLabel).join(', ')}
                      </>
                    )}
                  </td>
                  <td>{d.inactive ? t('devices.statusRevoked') : d.paired ? t('devices.statusPaired') : t('devices.statusWaiting')}</td>
                  <td data-health>
                    {d.kind === 'gate' && !d.inactive ? <GateHealth described={describeGateHealth(d)} locale={locale} /> : '—'}
                  </td>
                  <td>
                    {d.inactive ? null : (
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
        {devices.some((d) => !d.inactive) ? <p class="hint">{t('devices.newPairingHint')}</p> : null}
      </section>
      <section class="card">
        <h2>{t('devices.add')}</h2>
        <Form action={`/club/${club.slug}/devices`} idPrefix="device-new">
          <FormError errors={shown.errors} />
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
          <Checkboxes
            name="matchIds"
            legend={t('devices.matchesLegend')}
            hint={t('devices.matchesHint')}
            empty={t('devices.noUpcomingMatch')}
            options={matches.map((m) => ({ value: m.id, label: `${m.title} · ${formatDateTime(m.kickoffAt, locale)}` }))}
            checked={shown.lists?.matchIds}
            errors={shown.errors}
          />
          <Checkboxes
            name="standIds"
            legend={t('devices.standsLegend')}
            hint={t('devices.standsHint')}
            empty={t('devices.noStand')}
            options={stands.map((s) => ({ value: s.id, label: standLabel(s) }))}
            checked={shown.lists?.standIds}
            errors={shown.errors}
          />
          <button type="submit">{t('devices.add')}</button>
        </Form>
      </section>
    </>,
    { title: t('devices.title') },
  );
}
