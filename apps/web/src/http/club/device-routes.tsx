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
import { ticketQrSvg } from '../../views/components/ticket-qr.tsx';
import { render } from '../../views/layouts/layout.tsx';
import { DevicesPage } from '../../views/pages/club/devices-page.tsx';
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
  .get('/:slug/devices', manage, (c) => showDevices(c, {}))
  .post('/:slug/devices', manage, async (c) => {
    const form = await parseForm(c, deviceForm);
    if (!form.ok) return showDevices(c, form, 400);
    try {
      const { pairingCode } = await c
        .get('deps')
        .db.transaction((tx) =>
          createDevice(tx, operationContext(c), { actor: actorOf(c), clubId: c.get('membership').club.id, device: form.data }),
        );
      return showDevices(c, { pairing: { code: pairingCode, name: form.data.name } });
    } catch (error) {
      // A checked match or stand that is not (or no longer) the club's: the form again, as it was sent.
      if (!(error instanceof DomainError) || error.code !== 'not_found') throw error;
      return showDevices(c, { values: form.values, lists: form.lists, errors: { _form: c.get('t')('devices.scopeGone') } }, 400);
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
    return showDevices(c, { pairing: { code: pairingCode, name } });
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

type Shown = { values?: FormValues; lists?: FormLists; errors?: FieldErrors; pairing?: { code: string; name: string } };

async function showDevices(c: Context<AppEnv>, shown: Shown, status: 200 | 400 = 200) {
  const { club } = c.get('membership');
  const { db, config } = c.get('deps');
  const [devices, matches, venues] = await Promise.all([
    listDevices(db, club.id),
    listDeviceMatches(db, { clubId: club.id, matchIds: null, standIds: null }),
    listVenues(db, club.id),
  ]);
  // The venue's name tells stands apart only when the club has more than one.
  const standLabel = (s: { name: string; venue: string }) => (venues.length > 1 ? `${s.venue} · ${s.name}` : s.name);
  const stands = venues.flatMap((v) =>
    v.stands.filter((s) => !s.archivedAt).map((s) => ({ id: s.id, label: standLabel({ ...s, venue: v.name }) })),
  );
  const { pairing, ...form } = shown;
  c.status(status);
  return render(
    c,
    <DevicesPage
      club={club}
      devices={devices.map((d) => ({ ...d, stands: d.stands?.map(standLabel) ?? null, described: describeGateHealth(d) }))}
      matches={matches}
      stands={stands}
      pairing={
        pairing && {
          ...pairing,
          // A phone's camera opens the scanner with the code already in it (the fragment never reaches a server log).
          qr: await ticketQrSvg(`${config.baseURL}/scan#pair=${pairing.code}`),
          minutes: PAIRING_MINUTES,
        }
      }
      {...form}
    />,
    { title: c.get('t')('devices.title') },
  );
}
