import type { Context } from 'hono';
import { DomainError } from '../domain/errors.ts';
import { findOrderPasses } from '../domain/tickets/find-order-passes.ts';
import { findOrderTickets } from '../domain/tickets/find-order-tickets.ts';
import { renderPassesPdf, renderTicketsPdf, ticketsPdfName } from '../views/tickets/ticket-files.ts';
import type { AppEnv } from './types.ts';

/**
 * Answers an order's PDF, the one its tickets mail attaches: a page per valid pass of a season order
 * (decision 021), else a page per valid ticket; not found when none is left. Never cached: it holds codes.
 */
export async function sendOrderPdf(c: Context<AppEnv>, orderId: string) {
  const { db } = c.get('deps');
  const locale = c.get('locale');
  const season = await findOrderPasses(db, orderId);
  const match = season ? null : await findOrderTickets(db, orderId);
  const file =
    season && season.passes.length > 0
      ? { name: ticketsPdfName(season.reference, true), pdf: await renderPassesPdf(season, locale) }
      : match && match.tickets.length > 0
        ? { name: ticketsPdfName(match.reference, false), pdf: await renderTicketsPdf(match, locale) }
        : null;
  if (!file) throw new DomainError('not_found');
  c.header('Content-Type', 'application/pdf');
  c.header('Content-Disposition', `attachment; filename="${file.name}"`);
  c.header('Cache-Control', 'private, no-store');
  return c.body(new Uint8Array(file.pdf).buffer as ArrayBuffer);
}
