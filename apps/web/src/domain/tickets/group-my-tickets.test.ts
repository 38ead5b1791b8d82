import { describe, expect, it } from 'vitest';
import { groupMyTickets, locateTicket } from './group-my-tickets.ts';
import type { MyTicket } from './list-my-tickets.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 5, 12, minutes));

/** A ticket with only what grouping reads set; the rest is irrelevant here. */
function tk(id: string, matchId: string, reference: string, orderedAt: Date, status: 'valid' | 'revoked' = 'valid'): MyTicket {
  return { id, matchId, reference, orderedAt, status, category: 'adult', past: false } as MyTicket;
}

describe('groupMyTickets', () => {
  it('groups by match in the given order, then by order oldest first, numbering only the valid tickets', () => {
    const groups = groupMyTickets([
      tk('a2', 'soon', 'FA-LATER01', at(30)),
      tk('b1', 'later', 'FA-OTHER01', at(0)),
      tk('a1', 'soon', 'FA-FIRST01', at(10)),
      tk('a0', 'soon', 'FA-FIRST01', at(10), 'revoked'),
      tk('a3', 'soon', 'FA-FIRST01', at(10)),
    ]);
    expect(groups.map((g) => g.matchId)).toEqual(['soon', 'later']);
    const [soon] = groups;
    expect(soon!.orders.map((o) => o.reference)).toEqual(['FA-FIRST01', 'FA-LATER01']);
    expect(soon!.orders.flatMap((o) => o.tickets.map((n) => [n.ticket.id, n.position]))).toEqual([
      ['a0', null],
      ['a1', 1],
      ['a3', 2],
      ['a2', 3],
    ]);
  });

  it("gives a ticket its neighbours among the valid ones, and nothing for a stranger's", () => {
    const groups = groupMyTickets([
      tk('a1', 'm', 'FA-FIRST01', at(0)),
      tk('a2', 'm', 'FA-FIRST01', at(0)),
      tk('a3', 'm', 'FA-FIRST01', at(0)),
    ]);
    expect(locateTicket(groups, 'a1')).toMatchObject({ position: 1, count: 3, previous: null, next: { id: 'a2' } });
    expect(locateTicket(groups, 'a2')).toMatchObject({ position: 2, previous: { id: 'a1' }, next: { id: 'a3' } });
    expect(locateTicket(groups, 'a3')).toMatchObject({ position: 3, previous: { id: 'a2' }, next: null });
    expect(locateTicket(groups, 'zz')).toBeNull();
  });
});
