import type { MyTicket } from './list-my-tickets.ts';

/** A ticket in its match's group: `position` counts it among the match's valid tickets ("1 of 3"). */
export interface NumberedTicket<T extends MyTicket> {
  ticket: T;
  /** 1-based among the match's valid tickets; null for one that no longer admits (refunded, replaced). */
  position: number | null;
}

/** One match's tickets, by order: what "My tickets" shows as one block. */
export interface MatchTickets<T extends MyTicket> {
  matchId: string;
  past: boolean;
  /** The match's facts (title, kick-off, gates, venue) are the same on each of its tickets. */
  first: T;
  orders: { reference: string; tickets: NumberedTicket<T>[] }[];
  /** The valid ones in order: what "1 of n" counts and next/previous walks through. */
  valid: T[];
}

/**
 * Groups a supporter's tickets (listMyTickets' order: upcoming soonest first, then past latest first)
 * by match and, inside a match, by order (oldest order first), so that a family's three tickets read
 * as "1 of 3", "2 of 3", "3 of 3" wherever they are shown.
 */
export function groupMyTickets<T extends MyTicket>(tickets: T[]): MatchTickets<T>[] {
  const byMatch = new Map<string, T[]>();
  for (const tk of tickets) byMatch.set(tk.matchId, [...(byMatch.get(tk.matchId) ?? []), tk]);
  return [...byMatch.values()].map((list) => {
    const sorted = [...list].sort(
      (a, b) =>
        a.orderedAt.getTime() - b.orderedAt.getTime() ||
        a.reference.localeCompare(b.reference) ||
        a.category.localeCompare(b.category) ||
        a.id.localeCompare(b.id),
    );
    const valid = sorted.filter((tk) => tk.status === 'valid');
    const orders: MatchTickets<T>['orders'] = [];
    for (const tk of sorted) {
      const numbered = { ticket: tk, position: tk.status === 'valid' ? valid.indexOf(tk) + 1 : null };
      const last = orders.at(-1);
      if (last?.reference === tk.reference) last.tickets.push(numbered);
      else orders.push({ reference: tk.reference, tickets: [numbered] });
    }
    return { matchId: list[0]!.matchId, past: list[0]!.past, first: list[0]!, orders, valid };
  });
}

/** One ticket with its place among its match's valid tickets and its neighbours; null if not the holder's. */
export function locateTicket<T extends MyTicket>(groups: MatchTickets<T>[], ticketId: string) {
  for (const group of groups) {
    const ticket = group.orders.flatMap((o) => o.tickets).find((n) => n.ticket.id === ticketId);
    if (!ticket) continue;
    const at = ticket.position === null ? -1 : ticket.position - 1;
    return {
      ...ticket,
      count: group.valid.length,
      previous: at > 0 ? group.valid[at - 1]! : null,
      next: at >= 0 && at < group.valid.length - 1 ? group.valid[at + 1]! : null,
    };
  }
  return null;
}
