import { useRequestContext } from 'hono/jsx-renderer';
import type { listMatchShifts } from '../../../domain/boxoffice/list-match-shifts.ts';
import type { summarizeMatchDay } from '../../../domain/boxoffice/summarize-match-day.ts';
import type { AppEnv } from '../../../http/types.ts';
import { formatDateTime, formatMoney } from '../../../i18n/index.ts';
import { CsvLinks } from '../../components/csv-links.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { useT } from '../../components/use-t.ts';

export interface MatchDayPageProps {
  club: { name: string; slug: string };
  match: { id: string; kickoffAt: Date };
  title: string;
  report: Awaited<ReturnType<typeof summarizeMatchDay>>;
  shifts: Awaited<ReturnType<typeof listMatchShifts>>;
}

/** A match's day in figures per channel (on screen, CSV, PDF), and the box office shifts with their cash count. */
export function MatchDayPage({ club, match: m, title, report, shifts }: MatchDayPageProps) {
  const t = useT();
  const locale = useRequestContext<AppEnv>().get('locale');
  const base = `/club/${club.slug}/matches/${m.id}`;
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <>
      <h1>{t('matchDay.title', { match: title })}</h1>
      <p class="hint">
        {formatDateTime(m.kickoffAt, locale)} · <a href={base}>{t('matchDay.backToMatch')}</a>
      </p>
      <section class="card table-wrap">
        <h2>{t('matchDay.perChannel')}</h2>
        <table class="stack" id="match-day-report">
          <TableHead
            columns={[t('matchDay.channel'), t('matchDay.orders'), t('matchDay.tickets'), t('matchDay.money'), t('matchDay.fee')]}
          />
          <tbody>
            {report.rows.map((r) => (
              <tr data-channel={r.channel}>
                <td>{t(`matchDay.channel.${r.channel}`)}</td>
                <td data-label={t('matchDay.orders')}>{r.orders}</td>
                <td data-label={t('matchDay.tickets')}>{r.tickets}</td>
                <td data-label={t('matchDay.money')}>{money(r.moneyCents)}</td>
                <td data-label={t('matchDay.fee')}>{money(r.feeCents)}</td>
              </tr>
            ))}
            <tr data-channel="total">
              <td>
                <strong>{t('matchDay.total')}</strong>
              </td>
              <td data-label={t('matchDay.orders')}>{report.total.orders}</td>
              <td data-label={t('matchDay.tickets')}>{report.total.tickets}</td>
              <td data-label={t('matchDay.money')}>{money(report.total.moneyCents)}</td>
              <td data-label={t('matchDay.fee')}>{money(report.total.feeCents)}</td>
            </tr>
          </tbody>
        </table>
        <p class="hint">{t('matchDay.feeHint')}</p>
        <p>
          <CsvLinks href={`${base}/match-day.csv`} label={t('matchDay.csv')} /> ·{' '}
          <a href={`${base}/match-day.pdf`} download>
            {t('matchDay.pdf')}
          </a>
        </p>
      </section>
      <section class="card table-wrap">
        <h2>{t('matchDay.shifts')}</h2>
        {shifts.length === 0 ? (
          <p>{t('matchDay.noShift')}</p>
        ) : (
          <table class="stack" id="match-day-shifts">
            <TableHead
              columns={[
                t('matchDay.device'),
                t('matchDay.steward'),
                t('matchDay.sales'),
                t('matchDay.expected'),
                t('matchDay.counted'),
                t('matchDay.difference'),
              ]}
            />
            <tbody>
              {shifts.map((s) => (
                <tr>
                  <td>{s.deviceName}</td>
                  <td data-label={t('matchDay.steward')}>{s.closedByName ?? t('matchDay.open')}</td>
                  <td data-label={t('matchDay.sales')}>{s.sales}</td>
                  <td data-label={t('matchDay.expected')}>{s.expectedCents === null ? '—' : money(s.expectedCents)}</td>
                  <td data-label={t('matchDay.counted')}>{s.countedCents === null ? '—' : money(s.countedCents)}</td>
                  <td data-label={t('matchDay.difference')}>{s.differenceCents === null ? '—' : money(s.differenceCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
