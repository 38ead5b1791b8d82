import { useRequestContext } from 'hono/jsx-renderer';
import type { describeGateHealth } from '../../../domain/devices/describe-gate-health.ts';
import type { listDevices } from '../../../domain/devices/list-devices.ts';
import type { FieldErrors, FormLists, FormValues } from '../../../http/forms.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatDate, formatDateTime } from '../../../i18n/index.ts';
import { Checkboxes, Field, Form, FormError, Select } from '../../components/form.tsx';
import { GateHealth } from '../../components/gate-health.tsx';
import { TableHead } from '../../components/table-head.tsx';
import type { ticketQrSvg } from '../../components/ticket-qr.tsx';
import { useT } from '../../components/use-t.ts';

export type DeviceRow = Omit<Awaited<ReturnType<typeof listDevices>>[number], 'stands'> & {
  /** The stands it may admit, as labelled on this page; null for every stand. */
  stands: string[] | null;
  described: ReturnType<typeof describeGateHealth>;
};

export interface DevicesPageProps {
  club: { name: string; slug: string };
  devices: DeviceRow[];
  /** What a new device may be limited to: the upcoming matches and the stands in use. */
  matches: { id: string; title: string; kickoffAt: Date }[];
  stands: { id: string; label: string }[];
  /** A device just created or given a new code: its one-time code, and the code as a QR to open the scanner. */
  pairing?: { name: string; code: string; qr: Awaited<ReturnType<typeof ticketQrSvg>>; minutes: number };
  values?: FormValues;
  lists?: FormLists;
  errors?: FieldErrors;
}

/** The club's scanners and gates, their pairing codes, and the form to add one. */
export function DevicesPage({ club, devices, matches, stands, pairing, values, lists, errors }: DevicesPageProps) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  return (
    <>
      <h1>
        {t('devices.title')} · {club.name}
      </h1>
      <p class="hint">
        {t('devices.scannerHint')} <a href="/scan">{t('scanner.open')}</a>
      </p>
      <p class="hint">
        {t('boxOffice.whoSells')} <a href={`/club/${club.slug}/box-office`}>{t('boxOffice.title')}</a>
      </p>
      {pairing ? (
        <section class="card">
          <h2>{t('devices.pairTitle', { name: pairing.name })}</h2>
          <p class="pairing-code">{pairing.code}</p>
          <div class="pairing-qr" role="img" aria-label={t('devices.pairQr', { name: pairing.name })}>
            {pairing.qr}
          </div>
          <p class="hint">{t('devices.pairQrHint')}</p>
          <p class="hint">{t('devices.pairHint', { minutes: pairing.minutes })}</p>
        </section>
      ) : null}
      <section class="card table-wrap">
        {devices.length === 0 ? (
          <p>{t('devices.none')}</p>
        ) : (
          // On a phone each device reads as a card, each value under its column's name (app.css, table.stack).
          <table class="stack">
            <TableHead
              columns={[t('devices.name'), t('devices.kind'), t('devices.admits'), t('admin.status'), t('devices.health')]}
              actions
            />
            <tbody>
              {devices.map((d) => (
                <tr>
                  <td>{d.name}</td>
                  <td data-label={t('devices.kind')}>{t(d.kind === 'gate' ? 'devices.gate' : 'devices.phone')}</td>
                  <td class="admits" data-label={t('devices.admits')}>
                    {d.matches === null && d.stands === null ? (
                      t('devices.admitsAll')
                    ) : (
                      <>
                        {d.matches === null
                          ? t('devices.everyMatch')
                          : d.matches.map((m) => `${m.title} (${formatDate(m.kickoffAt, locale)})`).join('; ')}
                        <br />
                        {d.stands === null ? t('devices.everyStand') : d.stands.join(', ')}
                      </>
                    )}
                  </td>
                  <td data-label={t('admin.status')}>
                    {d.inactive ? t('devices.statusRevoked') : d.paired ? t('devices.statusPaired') : t('devices.statusWaiting')}
                  </td>
                  <td data-health data-label={t('devices.health')}>
                    {d.kind === 'gate' && !d.inactive ? <GateHealth described={d.described} locale={locale} /> : '—'}
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
          <FormError errors={errors} />
          <Field name="name" label={t('devices.name')} values={values} errors={errors} required maxlength={60} />
          <Select
            name="kind"
            label={t('devices.kind')}
            options={[
              { value: 'phone', label: t('devices.phone') },
              { value: 'gate', label: t('devices.gate') },
            ]}
            selected={values?.kind ?? 'phone'}
            errors={errors}
          />
          <Checkboxes
            name="matchIds"
            legend={t('devices.matchesLegend')}
            hint={t('devices.matchesHint')}
            empty={t('devices.noUpcomingMatch')}
            options={matches.map((m) => ({ value: m.id, label: `${m.title} · ${formatDateTime(m.kickoffAt, locale)}` }))}
            checked={lists?.matchIds}
            errors={errors}
          />
          <Checkboxes
            name="standIds"
            legend={t('devices.standsLegend')}
            hint={t('devices.standsHint')}
            empty={t('devices.noStand')}
            options={stands.map((s) => ({ value: s.id, label: s.label }))}
            checked={lists?.standIds}
            errors={errors}
          />
          <button type="submit">{t('devices.add')}</button>
        </Form>
      </section>
    </>
  );
}
