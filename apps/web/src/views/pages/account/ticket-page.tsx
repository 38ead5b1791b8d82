import type { Child } from 'hono/jsx';
import { Form } from '../../components/form.tsx';
import { type ShownTicket, TicketFacts } from '../../components/ticket-facts.tsx';
import { useT } from '../../components/use-t.ts';

export interface TicketPageProps {
  ticket: ShownTicket;
  /** The QR code (inline SVG) of a valid ticket; none for a revoked one. */
  qr: Child | null;
}

/** One ticket full screen, its QR to scan at the gate; resend the order's tickets, or get a new code. */
export function TicketPage({ ticket: tk, qr }: TicketPageProps) {
  const t = useT();
  return (
    <section class="ticket-full">
      {qr ? (
        <div class="qr" role="img" aria-label={t('tickets.qrLabel')}>
          {qr}
        </div>
      ) : null}
      <TicketFacts ticket={tk} />
      {tk.status === 'valid' && !tk.past ? (
        <div class="actions">
          <Form action={`/account/tickets/orders/${tk.reference}/resend`} idPrefix="resend">
            <button type="submit" class="secondary">
              {t('tickets.resend')}
            </button>
          </Form>
          {tk.usedAt ? null : (
            <Form action={`/account/tickets/${tk.id}/reissue`} idPrefix="reissue">
              <button type="submit" class="secondary">
                {t('tickets.reissue')}
              </button>
            </Form>
          )}
        </div>
      ) : null}
      {tk.status === 'valid' && !tk.usedAt ? <p class="hint">{t('tickets.reissueHint')}</p> : null}
      <p>
        <a href="/account/tickets">← {t('tickets.title')}</a>
      </p>
    </section>
  );
}
