import type { Db } from '../db/client.ts';
import { QUEUES } from '../domain/outbox.ts';
import { guestOrderPath, guestOrderToken } from '../domain/sales/guest-link.ts';
import { findOrderPasses, type OrderPasses } from '../domain/tickets/find-order-passes.ts';
import { findOrderTickets } from '../domain/tickets/find-order-tickets.ts';
import { DEFAULT_LOCALE, formatDateTime, isLocale, translator } from '../i18n/index.ts';
import type { MailTransport } from '../integrations/mail/transport.ts';
import {
  renderMatchIcs,
  renderPassesPdf,
  renderTicketsPdf,
  shortCodeLine,
  ticketLine,
  ticketQrPng,
  ticketsPdfName,
  venueLine,
} from '../views/tickets/ticket-files.ts';
import type { Jobs } from './jobs.ts';
import { escapeHtml, greeting, mailPage } from './mail-templates.ts';

/**
 * The tickets of a paid order, by e-mail in the buyer's language: each QR inline, one PDF with a
 * page per ticket, and the match as a calendar file. Rendered when sent, from the order as it is then
 * (a refunded ticket is not sent); retried with backoff while SMTP is down.
 */
export async function workTicketsMail(
  jobs: Jobs,
  db: Db,
  transport: MailTransport,
  baseURL: string,
  /** Derives a guest's private link (guest-link.ts). */
  sealingKey: Buffer,
  pollingIntervalSeconds = 2,
): Promise<void> {
  // ticketId: one ticket passed on, mailed to its new holder (loan: a season seat lent to a friend).
  await jobs.boss.work<{ orderId: string; ticketId?: string; loan?: boolean }>(
    QUEUES.ticketsMail,
    { pollingIntervalSeconds },
    async ([job]) => {
      const { orderId, ticketId, loan } = job!.data;
      // A season order: one QR per pass, not one per match (decision 021).
      if (!ticketId) {
        const season = await findOrderPasses(db, orderId);
        if (season) return sendPassesMail(transport, season, baseURL, sealingKey, orderId);
      }
      const o = await findOrderTickets(db, orderId, { ticketId });
      // A sale at the gate with no address given: nobody to mail.
      if (!o || o.tickets.length === 0 || o.email === '') return;
      const locale = isLocale(o.locale) ? o.locale : DEFAULT_LOCALE;
      const t = translator(locale);
      const { title } = o;
      const qrs = await Promise.all(o.tickets.map((tk) => ticketQrPng(tk.code)));
      // A guest has no "My tickets": their mail links the order's private page instead.
      const link = o.guest ? `${baseURL}${guestOrderPath(guestOrderToken(orderId, sealingKey))}` : `${baseURL}/account/tickets`;
      const lines = o.tickets.map((tk) => ticketLine(t, locale, tk));
      const codes = o.tickets.map((tk) => shortCodeLine(t, tk.shortCode));
      const date = formatDateTime(o.kickoffAt, locale);
      const lender = ('from' in o ? o.from : null) ?? '';
      const body = loan
        ? t('mail.loan.body', { lender, match: title, date })
        : t('mail.tickets.body', { match: title, date, count: o.tickets.length });
      // Where and when to come: what a supporter looks for on the way to the ground.
      const place = venueLine(o);
      const practical = [
        ...(place ? [t('mail.tickets.where', { place })] : []),
        ...(o.gatesOpenAt ? [t('mail.tickets.gates', { time: formatDateTime(o.gatesOpenAt, locale) })] : []),
      ];
      const hello = greeting(t, o.name);
      const text = `${hello}\n\n${body}\n\n${practical.map((line) => `${line}\n`).join('')}\n${lines.map((line, i) => `${line}\n${codes[i]}`).join('\n')}\n\n${t('mail.field', { label: t('order.reference'), value: o.reference })}\n${link}\n\n-- \n${t('mail.footer')}\n`;
      const html = mailPage(
        locale,
        `<p>${escapeHtml(hello)}</p>
<p>${escapeHtml(body)}</p>
${practical.length > 0 ? `<p>${practical.map(escapeHtml).join('<br>')}</p>\n` : ''}${o.tickets
  .map(
    (_tk, i) =>
      `<div style="border:1px solid #ccc;border-radius:8px;padding:12px;margin:12px 0;text-align:center"><p><strong>${escapeHtml(lines[i]!)}</strong></p><img src="cid:ticket-${i + 1}@footarena" alt="${escapeHtml(t('tickets.qrLabel'))}" width="240" height="240"><p style="font-family:monospace;font-size:18px;letter-spacing:1px">${escapeHtml(codes[i]!)}</p></div>`,
  )
  .join('\n')}
<p>${escapeHtml(t('mail.field', { label: t('order.reference'), value: o.reference }))} · <a href="${escapeHtml(link)}">${escapeHtml(t('tickets.title'))}</a></p>`,
        escapeHtml(t('mail.footer')),
      );
      await transport.send({
        to: o.email,
        subject: loan
          ? t('mail.loan.subject', { lender, match: title })
          : t('mail.tickets.subject', { match: title, reference: o.reference }),
        text,
        html,
        attachments: [
          ...qrs.map((png, i) => ({
            filename: `ticket-${i + 1}.png`,
            content: png,
            contentType: 'image/png',
            cid: `ticket-${i + 1}@footarena`,
          })),
          { filename: ticketsPdfName(o.reference, false), content: await renderTicketsPdf(o, locale), contentType: 'application/pdf' },
          { filename: 'match.ics', content: renderMatchIcs([o], baseURL), contentType: 'text/calendar; charset=utf-8' },
        ],
      });
    },
  );
}

/** A season order's mail: one QR per pass with its short code, the matches it covers, and the PDF. */
async function sendPassesMail(transport: MailTransport, o: OrderPasses, baseURL: string, sealingKey: Buffer, orderId: string) {
  if (o.passes.length === 0 || o.email === '') return;
  const locale = isLocale(o.locale) ? o.locale : DEFAULT_LOCALE;
  const t = translator(locale);
  const link = o.guest ? `${baseURL}${guestOrderPath(guestOrderToken(orderId, sealingKey))}` : `${baseURL}/account/tickets`;
  const qrs = await Promise.all(o.passes.map((p) => ticketQrPng(p.code)));
  const lines = o.passes.map((p) => ticketLine(t, locale, p));
  const codes = o.passes.map((p) => shortCodeLine(t, p.shortCode));
  const matches = o.matches.map((m) => `${formatDateTime(m.kickoffAt, locale)} · ${m.title}`);
  const body = t('mail.season.body', { product: o.title, count: o.passes.length });
  const hello = greeting(t, o.name);
  const reference = t('mail.field', { label: t('order.reference'), value: o.reference });
  const text = `${hello}\n\n${body}\n\n${t('mail.season.matches')}\n${matches.join('\n')}\n\n${lines.map((line, i) => `${line}\n${codes[i]}`).join('\n')}\n\n${reference}\n${link}\n\n-- \n${t('mail.footer')}\n`;
  const html = mailPage(
    locale,
    `<p>${escapeHtml(hello)}</p>
<p>${escapeHtml(body)}</p>
<p>${escapeHtml(t('mail.season.matches'))}<br>${matches.map(escapeHtml).join('<br>')}</p>
${o.passes
  .map(
    (_p, i) =>
      `<div style="border:1px solid #ccc;border-radius:8px;padding:12px;margin:12px 0;text-align:center"><p><strong>${escapeHtml(lines[i]!)}</strong></p><img src="cid:pass-${i + 1}@footarena" alt="${escapeHtml(t('tickets.qrLabel'))}" width="240" height="240"><p style="font-family:monospace;font-size:18px;letter-spacing:1px">${escapeHtml(codes[i]!)}</p></div>`,
  )
  .join('\n')}
<p>${escapeHtml(reference)} · <a href="${escapeHtml(link)}">${escapeHtml(t('tickets.title'))}</a></p>`,
    escapeHtml(t('mail.footer')),
  );
  await transport.send({
    to: o.email,
    subject: t('mail.season.subject', { product: o.title, reference: o.reference }),
    text,
    html,
    attachments: [
      ...qrs.map((png, i) => ({
        filename: `season-ticket-${i + 1}.png`,
        content: png,
        contentType: 'image/png',
        cid: `pass-${i + 1}@footarena`,
      })),
      { filename: ticketsPdfName(o.reference, true), content: await renderPassesPdf(o, locale), contentType: 'application/pdf' },
    ],
  });
}
