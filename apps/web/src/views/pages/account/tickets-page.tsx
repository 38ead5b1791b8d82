import { type ShownTicket, TicketFacts } from '../../components/ticket-facts.tsx';
import { useT } from '../../components/use-t.ts';

/** "My tickets": every ticket, upcoming first, with the way to show, print or add it to a calendar. */
export function TicketsPage({ tickets }: { tickets: ShownTicket[] }) {
  const t = useT();
  return (
    <>
      <h1>{t('tickets.title')}</h1>
      {tickets.length === 0 ? <p class="card">{t('tickets.none')}</p> : null}
      <ul class="matches">
        {tickets.map((tk) => (
          <li class={tk.status === 'revoked' || tk.past ? 'card ticket inactive' : 'card ticket'}>
            <TicketFacts ticket={tk} />
            {tk.status === 'valid' && !tk.past ? (
              <p class="actions">
                <a href={`/account/tickets/${tk.id}`}>{t('tickets.show')}</a>
                <a href={`/account/tickets/orders/${tk.reference}/tickets.pdf`}>{t('tickets.pdf')}</a>
                <a href={`/account/tickets/${tk.id}/match.ics`}>{t('tickets.calendar')}</a>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
