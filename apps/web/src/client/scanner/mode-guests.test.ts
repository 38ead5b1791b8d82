import { describe, expect, it } from 'vitest';
import { findSyncedGuests, type SyncedGuest, ticketsToAdmit } from './mode-guests.ts';

const guest = (name: string, ticketIds: string[]): SyncedGuest => ({
  id: `00000000-0000-4000-8000-${String(ticketIds.length).padStart(12, '0')}`,
  name,
  list: 'Sponsors',
  standId: '00000000-0000-4000-8000-000000000099',
  stand: 'Main',
  places: ticketIds.length,
  tickets: ticketIds.map((id) => ({ id, code: `FA1:${id}` })),
});

describe('finding guests offline, from the last sync', () => {
  const guests = [guest('Émile Dupré', ['b', 'a', 'c']), guest('Jan Peeters', ['d'])];

  it('matches part of the name without case or accents, from 2 letters, with the places this phone saw enter', () => {
    expect(findSyncedGuests(guests, ['a'], 'dupre')).toEqual([expect.objectContaining({ name: 'Émile Dupré', places: 3, entered: 1 })]);
    expect(findSyncedGuests(guests, [], 'EMI')).toHaveLength(1);
    expect(findSyncedGuests(guests, [], 'e')).toEqual([]);
    expect(findSyncedGuests(guests, [], 'nobody')).toEqual([]);
  });

  it('admits the tickets not yet used, in id order as the server does, never more than are left', () => {
    expect(ticketsToAdmit(guests[0]!, ['a'], 5).map((tk) => tk.id)).toEqual(['b', 'c']);
    expect(ticketsToAdmit(guests[0]!, [], 1).map((tk) => tk.id)).toEqual(['a']);
    expect(ticketsToAdmit(guests[0]!, ['a', 'b', 'c'], 2)).toEqual([]);
  });
});
