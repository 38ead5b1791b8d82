import { useRequestContext } from 'hono/jsx-renderer';
import type { countEntriesPerMinute } from '../../../domain/checkin/count-entries-per-minute.ts';
import type { listGateEvents } from '../../../domain/checkin/list-gate-events.ts';
import type { listScanConflicts } from '../../../domain/checkin/list-scan-conflicts.ts';
import type { RefusalReason, summarizeAttendance } from '../../../domain/checkin/summarize-attendance.ts';
import type { describeGateHealth } from '../../../domain/devices/describe-gate-health.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatTime } from '../../../i18n/index.ts';
import { assetUrl } from '../../asset-url.ts';
import { CsvLinks } from '../../components/csv-links.tsx';
import { GateHealth } from '../../components/gate-health.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { useT } from '../../components/use-t.ts';

export interface AttendancePageProps {
  club: { slug: string };
  /** allowReentry: the table gets a column of who is inside now (some went out). */
  match: { id: string; allowReentry: boolean };
  title: string;
  attendance: Awaited<ReturnType<typeof summarizeAttendance>>;
  /** Every reason a scan is refused, in the order they are listed. */
  refusalReasons: readonly RefusalReason[];
  entries: Awaited<ReturnType<typeof countEntriesPerMinute>>;
  conflicts: Awaited<ReturnType<typeof listScanConflicts>>;
  passages: Awaited<ReturnType<typeof listGateEvents>>;
  /** The gates with something to say: a silent gate, a sonar down, scans not uploaded. */
  gates: { name: string; described: ReturnType<typeof describeGateHealth> }[];
}

/** Who is in, per stand, what was refused, conflicts, gate passages and entries per minute; refreshed live. */
export function AttendancePage({
  club,
  match: m,
  title,
  attendance: a,
  refusalReasons,
  entries,
  conflicts,
  passages,
  gates,
}: AttendancePageProps) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  // Without re-entry everyone admitted is inside: the column would repeat the one before it.
  const inside = m.allowReentry || a.inside !== a.admitted;
  return (
    <>
      <h1>
        {t('attendance.title')} · {title}
      </h1>
      <p class="hint">
        {t('attendance.liveHint')} <CsvLinks href={`/club/${club.slug}/matches/${m.id}/attendance.csv`} label={t('attendance.csv')} /> ·{' '}
        <a href="/scan">{t('scanner.open')}</a>
      </p>
      <div id="attendance" data-live="5" aria-live="polite">
        <section class="card table-wrap">
          <h2>{t('attendance.summary', { admitted: a.admitted, sold: a.sold })}</h2>
          {a.stands.length === 0 ? (
            <p>{t('attendance.noStands')}</p>
          ) : (
            // Five columns do not fit a phone: one card per stand there, each number under its name.
            <table class={inside ? 'stack' : undefined}>
              <TableHead
                columns={[
                  t('attendance.stand'),
                  t('attendance.seats'),
                  t('attendance.sold'),
                  t('attendance.admitted'),
                  ...(inside ? [t('attendance.inside')] : []),
                ]}
              />
              <tbody>
                {a.stands.map((s) => (
                  <tr data-stand={s.name}>
                    <th scope="row">{s.name}</th>
                    <td data-label={inside ? t('attendance.seats') : undefined}>{s.seats}</td>
                    <td data-label={inside ? t('attendance.sold') : undefined}>{s.sold}</td>
                    <td data-label={inside ? t('attendance.admitted') : undefined}>{s.admitted}</td>
                    {inside ? (
                      <td data-inside data-label={t('attendance.inside')}>
                        {s.inside}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section class="card table-wrap">
          <h2>{t('attendance.refusedTitle')}</h2>
          {a.refusedTotal === 0 ? (
            <p>{t('attendance.refusedNone')}</p>
          ) : (
            <table>
              <TableHead columns={[t('attendance.reason'), t('attendance.scans')]} />
              <tbody>
                {refusalReasons
                  .filter((r) => a.refused[r] > 0)
                  .map((r) => (
                    <tr data-reason={r}>
                      <th scope="row">{t(`scanResult.${r}`)}</th>
                      <td>{a.refused[r]}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
        </section>
        <section class="card table-wrap" id="conflicts">
          <h2>{t('attendance.conflictsTitle')}</h2>
          <p class="hint">{t('attendance.conflictsHint')}</p>
          {conflicts.length === 0 ? (
            <p>{t('attendance.conflictsNone')}</p>
          ) : (
            <table>
              <TableHead
                columns={[
                  t('attendance.detectedAt'),
                  t('attendance.ticket'),
                  t('attendance.reason'),
                  t('attendance.admittedBy'),
                  t('attendance.alsoBy'),
                ]}
              />
              <tbody>
                {conflicts.map((x) => (
                  <tr data-conflict={x.id}>
                    <td>{formatTime(x.detectedAt, locale)}</td>
                    <td>{x.ticketId ? <code title={x.ticketId}>…{x.ticketId.slice(-8)}</code> : '—'}</td>
                    <td>{t(`scanResult.${x.reason}`)}</td>
                    <td>{x.admittedAt ? `${x.admittedBy ?? '—'} · ${formatTime(x.admittedAt, locale)}` : t('attendance.noEntry')}</td>
                    <td>{`${x.alsoBy ?? '—'} · ${formatTime(x.alsoAt, locale)}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section class="card table-wrap" id="passages">
          <h2>{t('attendance.passagesTitle')}</h2>
          <p class="hint">{t('attendance.passagesHint')}</p>
          {gates.length > 0 ? (
            <ul class="gate-status">
              {gates.map((g) => (
                <li data-gate={g.name}>
                  <strong>{g.name}</strong>: <GateHealth described={g.described} locale={locale} />
                </li>
              ))}
            </ul>
          ) : null}
          {passages.length === 0 ? (
            <p>{t('attendance.passagesNone')}</p>
          ) : (
            <table>
              <TableHead columns={[t('attendance.detectedAt'), t('attendance.gate'), t('attendance.reason'), t('attendance.ticket')]} />
              <tbody>
                {passages.map((p) => (
                  <tr data-passage={p.kind}>
                    <td>{formatTime(p.at, locale)}</td>
                    <td>{p.gate}</td>
                    <td>{t(`passage.${p.kind}`)}</td>
                    <td>{p.ticketId ? <code title={p.ticketId}>…{p.ticketId.slice(-8)}</code> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
      {entries.length > 0 ? (
        <section class="card table-wrap">
          <h2>{t('attendance.perMinute')}</h2>
          <p class="hint">{t('attendance.perMinuteHint')}</p>
          <div
            data-line-chart
            data-series={JSON.stringify(entries.map((e) => ({ x: e.minute.slice(11), y: e.entries })))}
            data-label={t('attendance.perMinute')}
          >
            <table>
              <caption class="visually-hidden">{t('attendance.perMinute')}</caption>
              <TableHead columns={[t('attendance.minute'), t('attendance.entries')]} />
              <tbody>
                {entries.map((e) => (
                  <tr data-minute={e.minute}>
                    <td>{e.minute.replace('T', ' ')}</td>
                    <td>{e.entries}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <script type="module" src={assetUrl('line-chart.js')} />
        </section>
      ) : null}
      <script type="module" src={assetUrl('live-refresh.js')} />
    </>
  );
}
