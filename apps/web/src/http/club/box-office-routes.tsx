import type { Context } from 'hono';
import { Hono } from 'hono';
import PDFDocument from 'pdfkit';
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { listBoxOfficeAccess } from '../../domain/boxoffice/list-box-office-access.ts';
import { listMatchShifts } from '../../domain/boxoffice/list-match-shifts.ts';
import { setDeviceSelling } from '../../domain/boxoffice/set-device-selling.ts';
import { setMemberSelling } from '../../domain/boxoffice/set-member-selling.ts';
import { setQuotaSeats } from '../../domain/boxoffice/set-quota-seats.ts';
import { summarizeMatchDay } from '../../domain/boxoffice/summarize-match-day.ts';
import { findClubMatch } from '../../domain/catalog/find-club-match.ts';
import { matchTitle } from '../../domain/catalog/match-title.ts';
import { toBrusselsLocal } from '../../domain/time.ts';
import { formatDateTime, formatMoney, type Locale } from '../../i18n/index.ts';
import { render } from '../../views/layouts/layout.tsx';
import { BoxOfficePage } from '../../views/pages/boxoffice/box-office-page.tsx';
import { MatchDayPage } from '../../views/pages/boxoffice/match-day-page.tsx';
import { sendCsv } from '../csv.ts';
import { wholeNumber } from '../fields.ts';
import { type FieldErrors, type FormValues, parseForm } from '../forms.ts';
import { requireClub } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import type { AppEnv } from '../types.ts';

const manage = requireClub({ club: ['update'] });
const readSales = requireClub({ sales: ['read'] });
const toggleForm = z.object({ canSell: z.enum(['on', 'off']) });
const settingsForm = z.object({ quotaSeats: wholeNumber(0, 500) });

async function showBoxOffice(c: Context<AppEnv>, form: { values?: FormValues; errors?: FieldErrors } = {}, status: 200 | 400 = 200) {
  const { club } = c.get('membership');
  const access = await listBoxOfficeAccess(c.get('deps').db, club.id);
  c.status(status);
  return render(c, <BoxOfficePage club={club} access={access} {...form} />, { title: c.get('t')('boxOffice.title') });
}

/** A "let sell" / "stop selling" button of the page: the form read, the change made, back to the page. */
async function toggleSelling(c: Context<AppEnv>, change: (tx: Tx, canSell: boolean, clubId: string) => Promise<void>) {
  const form = await parseForm(c, toggleForm);
  if (!form.ok) return showBoxOffice(c, form, 400);
  const { club } = c.get('membership');
  await c.get('deps').db.transaction((tx) => change(tx, form.data.canSell === 'on', club.id));
  return redirectWithFlash(c, `/club/${club.slug}/box-office`, 'success', c.get('t')('boxOffice.saved'));
}

/** A match's figures for its day, read once for the page, the CSV and the PDF. */
async function matchDay(c: Context<AppEnv>) {
  const { club } = c.get('membership');
  const { db } = c.get('deps');
  const m = await findClubMatch(db, club.id, c.req.param('matchId') ?? '');
  const [report, shifts] = await Promise.all([summarizeMatchDay(db, club.id, m.id), listMatchShifts(db, club.id, m.id)]);
  return { club, m, title: matchTitle(m.isHome, club.name, m.opponentName), report, shifts };
}

/**
 * The box office in the back office: who may sell at the gate (devices, staff) and the offline quota
 * (owners, admins); a match's day report per channel with the shifts' cash counts, on screen, as CSV and PDF.
 */
export const boxOfficeRoutes = new Hono<AppEnv>()
  .get('/:slug/box-office', manage, (c) => showBoxOffice(c))
  .post('/:slug/box-office/settings', manage, async (c) => {
    const form = await parseForm(c, settingsForm);
    if (!form.ok) return showBoxOffice(c, form, 400);
    const { club } = c.get('membership');
    await c
      .get('deps')
      .db.transaction((tx) =>
        setQuotaSeats(tx, operationContext(c), { actor: actorOf(c), clubId: club.id, quotaSeats: form.data.quotaSeats }),
      );
    return redirectWithFlash(c, `/club/${club.slug}/box-office`, 'success', c.get('t')('boxOffice.saved'));
  })
  .post('/:slug/box-office/devices/:deviceId', manage, (c) =>
    toggleSelling(c, (tx, canSell, clubId) =>
      setDeviceSelling(tx, operationContext(c), { actor: actorOf(c), clubId, deviceId: c.req.param('deviceId'), canSell }),
    ),
  )
  .post('/:slug/box-office/members/:memberId', manage, (c) =>
    toggleSelling(c, (tx, canSell, clubId) =>
      setMemberSelling(tx, operationContext(c), { actor: actorOf(c), clubId, memberId: c.req.param('memberId'), canSell }),
    ),
  )
  .get('/:slug/matches/:matchId/match-day', readSales, async (c) => {
    const { club, m, title, report, shifts } = await matchDay(c);
    return render(c, <MatchDayPage club={club} match={m} title={title} report={report} shifts={shifts} />, {
      title: c.get('t')('matchDay.title', { match: title }),
    });
  })
  .get('/:slug/matches/:matchId/match-day.csv', readSales, async (c) => {
    const { club, m, report, shifts } = await matchDay(c);
    const t = c.get('t');
    return sendCsv(c, `${club.slug}-${toBrusselsLocal(m.kickoffAt).slice(0, 10)}-match-day.csv`, [
      [t('matchDay.channel'), t('matchDay.orders'), t('matchDay.tickets'), t('matchDay.money'), t('matchDay.fee')],
      ...report.rows.map((r) => [t(`matchDay.channel.${r.channel}`), r.orders, r.tickets, { cents: r.moneyCents }, { cents: r.feeCents }]),
      [
        t('matchDay.total'),
        report.total.orders,
        report.total.tickets,
        { cents: report.total.moneyCents },
        { cents: report.total.feeCents },
      ],
      [],
      [
        t('matchDay.device'),
        t('matchDay.steward'),
        t('matchDay.sales'),
        t('matchDay.expected'),
        t('matchDay.counted'),
        t('matchDay.difference'),
      ],
      ...shifts.map((s) => [
        s.deviceName,
        s.closedByName ?? t('matchDay.open'),
        s.sales,
        s.expectedCents === null ? null : { cents: s.expectedCents },
        s.countedCents === null ? null : { cents: s.countedCents },
        s.differenceCents === null ? null : { cents: s.differenceCents },
      ]),
    ]);
  })
  .get('/:slug/matches/:matchId/match-day.pdf', readSales, async (c) => {
    const day = await matchDay(c);
    const pdf = await matchDayPdf(day, c.get('t'), c.get('locale'));
    c.header('Content-Type', 'application/pdf');
    c.header(
      'Content-Disposition',
      `attachment; filename="${day.club.slug}-${toBrusselsLocal(day.m.kickoffAt).slice(0, 10)}-match-day.pdf"`,
    );
    return c.body(new Uint8Array(pdf).buffer as ArrayBuffer);
  });

/** The report on one A4 page: the channels, then the shifts. */
function matchDayPdf(day: Awaited<ReturnType<typeof matchDay>>, t: AppEnv['Variables']['t'], locale: Locale): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: t('matchDay.title', { match: day.title }), Author: 'FootArena' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const money = (cents: number) => formatMoney(cents, locale);
  const row = (cells: string[], widths: number[], bold = false) => {
    const y = doc.y;
    let x = 40;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    cells.forEach((cell, i) => {
      doc.text(cell, x, y, { width: widths[i]! - 6 });
      x += widths[i]!;
    });
    doc.moveDown(0.4);
    doc.x = 40;
  };
  doc
    .font('Helvetica-Bold')
    .fontSize(16)
    .text(t('matchDay.title', { match: day.title }));
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(`${day.club.name} · ${formatDateTime(day.m.kickoffAt, locale)}`)
    .moveDown();
  const w1 = [150, 70, 70, 110, 110];
  row([t('matchDay.channel'), t('matchDay.orders'), t('matchDay.tickets'), t('matchDay.money'), t('matchDay.fee')], w1, true);
  for (const r of day.report.rows)
    row([t(`matchDay.channel.${r.channel}`), String(r.orders), String(r.tickets), money(r.moneyCents), money(r.feeCents)], w1);
  const tot = day.report.total;
  row([t('matchDay.total'), String(tot.orders), String(tot.tickets), money(tot.moneyCents), money(tot.feeCents)], w1, true);
  doc.moveDown().fontSize(9).text(t('matchDay.feeHint')).moveDown();
  doc.font('Helvetica-Bold').fontSize(13).text(t('matchDay.shifts')).moveDown(0.5);
  const w2 = [110, 110, 50, 80, 80, 80];
  if (day.shifts.length === 0) doc.font('Helvetica').fontSize(10).text(t('matchDay.noShift'));
  else {
    row(
      [
        t('matchDay.device'),
        t('matchDay.steward'),
        t('matchDay.sales'),
        t('matchDay.expected'),
        t('matchDay.counted'),
        t('matchDay.difference'),
      ],
      w2,
      true,
    );
    for (const s of day.shifts)
      row(
        [
          s.deviceName,
          s.closedByName ?? t('matchDay.open'),
          String(s.sales),
          s.expectedCents === null ? '—' : money(s.expectedCents),
          s.countedCents === null ? '—' : money(s.countedCents),
          s.differenceCents === null ? '—' : money(s.differenceCents),
        ],
        w2,
      );
  }
  doc.end();
  return done;
}
