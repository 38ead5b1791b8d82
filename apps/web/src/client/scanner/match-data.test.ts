import type { SyncResponse } from '@footarena/gate-protocol';
import { describe, expect, it } from 'vitest';
import { dataAfterSync, type MatchData, recordAdmission } from './match-data.ts';

const answer = (over: Partial<SyncResponse> = {}): SyncResponse => ({
  cursor: '2000',
  serverTime: '2026-11-01T14:00:00.000Z',
  gatesOpenAt: '2026-11-01T13:00:00.000Z',
  keys: { k2: 'public-2' },
  revoked: [],
  used: [],
  entries: [],
  shortCodes: {},
  allowReentry: false,
  uploaded: [],
  attendance: { expected: 10, admitted: 4, stands: [{ id: 's1', name: 'Main', expected: 10, admitted: 4 }] },
  ...over,
});

const synced = (over: Partial<MatchData> = {}): MatchData => ({
  cursor: '1000',
  keys: { k1: 'public-1' },
  revoked: ['r1'],
  used: ['u1', 'mine'],
  gatesOpenAt: null,
  attendance: null,
  ...over,
});

describe('the offline data of a match', () => {
  it('adds the changes since the cursor to its lists, keeping this phone’s own admissions, once each', () => {
    const data = dataAfterSync(synced(), answer({ revoked: ['r2'], used: ['u2', 'mine'] }));
    expect(data.revoked).toEqual(['r1', 'r2']);
    expect(data.used).toEqual(['u1', 'mine', 'u2']);
  });

  it("replaces each synced season pass's row, keeps the others, and takes the covering products whole", () => {
    const before = synced({ seasonProducts: ['p-old'], passes: { pass1: 'row1', pass2: 'row2' } });
    // pass1 was lent: its row revoked (the server sends it in revoked, and the pass → row again).
    const data = dataAfterSync(before, answer({ revoked: ['row1'], seasonProducts: ['p1'], passes: { pass1: 'row1b' } }));
    expect(data.passes).toEqual({ pass1: 'row1b', pass2: 'row2' });
    expect(data.seasonProducts).toEqual(['p1']);
    expect(data.revoked).toContain('row1');
    // A server from before season tickets: none.
    expect(dataAfterSync(null, answer()).seasonProducts).toEqual([]);
  });

  it('takes the keys, the cursor, the opening time and the counters from the answer', () => {
    const data = dataAfterSync(synced(), answer());
    expect(data).toMatchObject({ cursor: '2000', keys: { k2: 'public-2' }, gatesOpenAt: '2026-11-01T13:00:00.000Z' });
    expect(data.attendance?.admitted).toBe(4);
  });

  it('takes the complete lists of the answer when it had never synced', () => {
    expect(dataAfterSync(null, answer({ used: ['u2'] })).used).toEqual(['u2']);
    expect(dataAfterSync(synced({ cursor: null }), answer({ used: ['u2'] })).used).toEqual(['u2']);
  });

  it('counts an admission as used, in the total and in its stand', () => {
    const data = dataAfterSync(null, answer());
    recordAdmission(data, 't1', 'Main');
    expect(data.used).toContain('t1');
    expect(data.attendance?.admitted).toBe(5);
    expect(data.attendance?.stands[0]?.admitted).toBe(5);
  });

  it('counts an admission decided offline (its stand unknown) in the total only', () => {
    const data = dataAfterSync(null, answer());
    recordAdmission(data, 't1');
    expect(data.attendance?.admitted).toBe(5);
    expect(data.attendance?.stands[0]?.admitted).toBe(4);
  });
});
