import { DEFAULT_LOCALE, type Locale, type MessageKey, type Translate, translator } from '../i18n/index.ts';
import type { MailContent } from '../integrations/mail/transport.ts';

const templates = {
  verify: { subject: 'mail.verify.subject', body: 'mail.verify.body', action: 'mail.verify.action' },
  reset: { subject: 'mail.reset.subject', body: 'mail.reset.body', action: 'mail.reset.action' },
  existingAccount: { subject: 'mail.existing.subject', body: 'mail.existing.body', action: 'mail.existing.action' },
  invitation: { subject: 'mail.invitation.subject', body: 'mail.invitation.body', action: 'mail.invitation.action' },
  matchOnSale: { subject: 'mail.onSale.subject', body: 'mail.onSale.body', action: 'mail.onSale.action' },
  matchPostponed: { subject: 'mail.postponed.subject', body: 'mail.postponed.body', action: 'mail.postponed.action' },
  ticketsRefunded: { subject: 'mail.ticketsRefunded.subject', body: 'mail.ticketsRefunded.body', action: 'mail.refunded.action' },
  orderRefunded: { subject: 'mail.refunded.subject', body: 'mail.refunded.body', action: 'mail.refunded.action' },
  matchCancelled: { subject: 'mail.matchCancelled.subject', body: 'mail.matchCancelled.body', action: 'mail.refunded.action' },
  seasonMatchCancelled: {
    subject: 'mail.seasonMatchCancelled.subject',
    body: 'mail.seasonMatchCancelled.body',
    action: 'mail.refunded.action',
  },
  seatsGone: { subject: 'mail.seatsGone.subject', body: 'mail.seatsGone.body', action: 'mail.seatsGone.action' },
  giveBackCredited: {
    subject: 'mail.giveBackCredited.subject',
    body: 'mail.giveBackCredited.body',
    action: 'mail.giveBackCredited.action',
  },
  matchPostponedNoDate: { subject: 'mail.postponed.subject', body: 'mail.postponedNoDate.body', action: 'mail.postponed.action' },
} as const satisfies Record<string, { subject: MessageKey; body: MessageKey; action: MessageKey }>;

export type MailTemplate = keyof typeof templates;

/** Text made safe inside HTML, attribute values included: every mail's HTML part goes through it. */
export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/** How a mail opens: the person by name when the sender knows it. */
export const greeting = (t: Translate, name: string | null | undefined) =>
  name?.trim() ? t('mail.greeting', { name: name.trim() }) : t('mail.greetingNoName');

/**
 * Renders a message with one call to action, in the recipient's language (French by default),
 * greeting `params.name` when given. Mail a person did not ask for (news from a followed club)
 * carries an unsubscribe link.
 */
export function renderMail(
  template: MailTemplate,
  locale: Locale | undefined,
  params: { url: string } & Record<string, string>,
  { unsubscribeUrl, note }: { unsubscribeUrl?: string; note?: string } = {},
): MailContent {
  const t = translator(locale ?? DEFAULT_LOCALE);
  const keys = templates[template];
  const subject = t(keys.subject, params);
  const body = `${greeting(t, params.name)}\n\n${t(keys.body, params)}`;
  const action = t(keys.action, params);
  const footer = t('mail.footer');
  const unsubscribe = unsubscribeUrl ? t('mail.field', { label: t('mail.unsubscribe'), value: unsubscribeUrl }) : '';
  const quoted = note ? `\n\n${t('mail.field', { label: t('mail.clubMessage'), value: '' }).trimEnd()}\n${note}` : '';
  const text = `${body}${quoted}\n\n${t('mail.field', { label: action, value: params.url })}\n\n-- \n${footer}\n${unsubscribe ? `${unsubscribe}\n` : ''}`;
  const html = mailPage(
    locale ?? DEFAULT_LOCALE,
    `<p>${escapeHtml(body).replace(/\n/g, '<br>')}</p>
${note ? `<p style="margin:0 0 4px"><strong>${escapeHtml(t('mail.clubMessage'))}</strong></p><blockquote style="margin:0 0 16px;padding:8px 12px;border-left:4px solid #0a6b3d;background:#f3f7f4">${escapeHtml(note).replace(/\n/g, '<br>')}</blockquote>\n` : ''}<p><a href="${escapeHtml(params.url)}" style="display:inline-block;background:#0a6b3d;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none">${escapeHtml(action)}</a></p>
<p style="font-size:13px;color:#555">${escapeHtml(params.url)}</p>`,
    `${escapeHtml(footer)}${unsubscribeUrl ? ` · <a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(t('mail.unsubscribe'))}</a>` : ''}`,
  );
  return { subject, text, html, ...(unsubscribeUrl ? { headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>` } } : {}) };
}

/** Every FootArena mail's HTML page: the same frame, a body, and the footer line (already HTML). */
export function mailPage(locale: string, body: string, footer: string) {
  return `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;max-width:560px;margin:auto;padding:16px;color:#111">
${body}
<p style="font-size:12px;color:#777">${footer}</p></body></html>`;
}
