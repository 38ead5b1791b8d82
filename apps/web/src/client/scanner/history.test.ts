import { describe, expect, it } from 'vitest';
import { memoryStorage } from './fake-storage.ts';
import { HISTORY_LENGTH, ScanHistory } from './history.ts';
import { createStore } from './storage.ts';

const entry = (at: number) => ({ at, result: 'ok' as const, ticket: null, offline: false });

describe('the last scans', () => {
  it('keep the ten newest first, per match, and come back when the scanner opens again', () => {
    const local = memoryStorage();
    const store = createStore(() => local);
    const history = new ScanHistory(store);
    history.open('m1');
    for (let at = 1; at <= HISTORY_LENGTH + 3; at++) history.add(entry(at));
    expect(history.entries.map((e) => e.at)).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4]);

    history.open('m2');
    expect(history.entries).toEqual([]);
    history.add(entry(100));

    const reopened = new ScanHistory(store);
    reopened.open('m1');
    expect(reopened.entries).toHaveLength(HISTORY_LENGTH);
    expect(reopened.entries[0]!.at).toBe(13);
  });

  it('of other matches are forgotten with their data when a match is chosen', () => {
    const local = memoryStorage();
    const store = createStore(() => local);
    const history = new ScanHistory(store);
    for (const match of ['m1', 'm2']) {
      history.open(match);
      history.add(entry(1));
      store.set(`data.${match}`, { cursor: '1' });
    }
    store.keepOnlyMatch('m2');
    expect(store.get('history.m1')).toBeNull();
    expect(store.get('data.m1')).toBeNull();
    expect(store.get('history.m2')).toHaveLength(1);
  });
});
