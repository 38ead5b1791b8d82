import { formatShortCode } from '@footarena/ticket-code';
import { createEvents, type EventAttributes } from 'ics';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { OrderPasses } from '../../domain/tickets/find-order-passes.ts';
import type { OrderTickets } from '../../domain/tickets/find-order-tickets.ts';
import { formatDateTime, formatMoney, type Locale, type Translate, translator } from '../../i18n/index.ts';

/** Where the match is played, in one line (the venue's name and address), when it has a venue. */
export const venueLine = (o: Pick<OrderTickets, 'venue' | 'street' | 'postalCode' | 'commune'>) =>
  o.venue ? `${o.venue}, ${o.street}, ${o.postalCode} ${o.commune}` : null;

/** What one ticket is: its stand, its category and what it cost. */
export const ticketLine = (
  t: Translate,
  locale: Locale,
  tk: Pick<OrderTickets['tickets'][number], 'stand' | 'category' | 'unitPriceCents'>,
) =>
  `${tk.stand} · ${t(`category.${tk.category}`)} · ${tk.unitPriceCents === 0 ? t('match.free') : formatMoney(tk.unitPriceCents, locale)}`;

/** The line printed under every QR: the short code to type when the QR cannot be read. */
export const shortCodeLine = (t: Translate, shortCode: string) => t('tickets.shortCode', { code: formatShortCode(shortCode) });

/** An order's PDF file name, the same in its mail and on download. */
export const ticketsPdfName = (reference: string, season: boolean) => `${season ? 'season-tickets' : 'tickets'}-${reference}.pdf`;

/** A ticket's QR code as a PNG, error correction M (the size the code format is made for). */
export function ticketQrPng(code: string): Promise<Buffer> {
  return QRCode.toBuffer(code, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 });
}

/** One A6-like page per ticket: club colours and logo, the match, the seat, the QR, the order reference. */
export function renderTicketsPdf(o: OrderTickets, locale: Locale): Promise<Buffer> {
  const t = translator(locale);
  return clubPagesPdf(o, o.tickets, async (doc, tk, i) => {
    doc.fillColor('#000000').fontSize(18).text(o.title, 28, 76, { width: 364 });
    doc.fontSize(11).text(formatDateTime(o.kickoffAt, locale));
    if (o.gatesOpenAt) doc.text(t('match.gatesOpen', { time: formatDateTime(o.gatesOpenAt, locale) }));
    const place = venueLine(o);
    if (place) doc.text(place);
    doc
      .moveDown(0.5)
      .fontSize(14)
      .text(`${tk.stand} · ${t(`category.${tk.category}`)}`);
    doc.fontSize(11).text(tk.unitPriceCents === 0 ? t('match.free') : formatMoney(tk.unitPriceCents, locale));
    doc.image(await ticketQrPng(tk.code), 90, 244, { width: 240 });
    doc.font('Courier-Bold').fontSize(16).text(formatShortCode(tk.shortCode), 28, 488, { width: 364, align: 'center' });
    doc.font('Helvetica');
    doc
      .fontSize(9)
      .fillColor('#555555')
      .text(`${t('order.reference')} ${o.reference} · ${i + 1}/${o.tickets.length}`, 28, 520, { width: 364, align: 'center' });
    doc.text(t('tickets.pdfHint'), { width: 364, align: 'center' });
  });
}

/**
 * A season order's PDF (decision 021): a page per pass — the product, the seat, the pass's QR and short
 * code (the one code for every match), and the matches it covers.
 */
export function renderPassesPdf(o: OrderPasses, locale: Locale): Promise<Buffer> {
  const t = translator(locale);
  return clubPagesPdf(o, o.passes, async (doc, pass, i) => {
    doc.fillColor('#000000').fontSize(16).text(o.title, 28, 72, { width: 364 });
    doc.fontSize(11).text(ticketLine(t, locale, pass));
    doc.image(await ticketQrPng(pass.code), 130, 130, { width: 160 });
    doc.font('Courier-Bold').fontSize(14).text(formatShortCode(pass.shortCode), 28, 294, { width: 364, align: 'center' });
    doc.font('Helvetica').fontSize(10).text(t('mail.season.matches'), 28, 320);
    doc.fontSize(9);
    for (const m of o.matches) doc.text(`${formatDateTime(m.kickoffAt, locale)} · ${m.title}`, { width: 364 });
    doc
      .moveDown(0.5)
      .fontSize(9)
      .fillColor('#555555')
      .text(`${t('order.reference')} ${o.reference} · ${i + 1}/${o.passes.length}`, { width: 364, align: 'center' });
    doc.fillColor('#000000');
  });
}

/** An A6-like page per item, each under the club's band (its colour, logo and name), drawn in turn. */
async function clubPagesPdf<T>(
  o: Pick<OrderTickets, 'title' | 'reference' | 'logo' | 'colorPrimary' | 'club'>,
  items: readonly T[],
  draw: (doc: PDFKit.PDFDocument, item: T, i: number) => Promise<void>,
): Promise<Buffer> {
  const doc = new PDFDocument({ size: [420, 595], margin: 28, info: { Title: `${o.title} · ${o.reference}`, Author: 'FootArena' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const logo = o.logo && (o.logo.contentType === 'image/png' || o.logo.contentType === 'image/jpeg') ? Buffer.from(o.logo.bytes) : null;
  for (const [i, item] of items.entries()) {
    if (i > 0) doc.addPage();
    doc.rect(0, 0, 420, 56).fill(o.colorPrimary ?? '#0a6b3d');
    if (logo) doc.image(logo, 364, 8, { fit: [40, 40] });
    doc.fillColor('#ffffff').fontSize(16).text(o.club, 28, 20, { width: 320 });
    await draw(doc, item, i);
  }
  doc.end();
  return done;
}

/** What a calendar entry shows of a match. */
export type CalendarMatch = Pick<OrderTickets, 'matchId' | 'kickoffAt' | 'title' | 'venue' | 'street' | 'postalCode' | 'commune'>;

/**
 * Matches as calendar entries (UTC, two hours each, at the venue): an order's match, or the matches a
 * season pass still has to play (decision 021).
 */
export function renderMatchIcs(matches: readonly CalendarMatch[], baseURL: string): string {
  const { value, error } = createEvents(
    matches.map((m) => {
      const k = m.kickoffAt;
      return {
        uid: `match-${m.matchId}@footarena`,
        start: [k.getUTCFullYear(), k.getUTCMonth() + 1, k.getUTCDate(), k.getUTCHours(), k.getUTCMinutes()],
        startInputType: 'utc',
        startOutputType: 'utc',
        duration: { hours: 2 },
        title: m.title,
        location: venueLine(m) ?? undefined,
        url: `${baseURL}/matches/${m.matchId}`,
      } satisfies EventAttributes;
    }),
    { productId: 'footarena' },
  );
  if (error || !value) throw error ?? new Error('calendar entries not created');
  return value;
}
