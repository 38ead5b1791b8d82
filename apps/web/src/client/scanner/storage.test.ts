import { describe, expect, it } from 'vitest';
import { memoryStorage } from './fake-storage.ts';
import { createStore, storageKey } from './storage.ts';

describe('the scanner’s storage', () => {
  it('keeps values as JSON under its own prefix, and removes one set to null', () => {
    const local = memoryStorage();
    const store = createStore(() => local);
    store.set('match', 'm1');
    expect(local.getItem('footarena.scanner.match')).toBe('"m1"');
    expect(store.get('match')).toBe('m1');
    store.set('match', null);
    expect(local.length).toBe(0);
    expect(store.get('match')).toBeNull();
  });

  it('reads a damaged entry as nothing', () => {
    const store = createStore(() => memoryStorage({ [storageKey('queue')]: '[{"code":' }));
    expect(store.get('queue')).toBeNull();
  });

  it('keeps scanning when the browser blocks storage: reads give nothing, writes are dropped', () => {
    const store = createStore(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(store.get('device')).toBeNull();
    expect(() => store.set('queue', [])).not.toThrow();
    expect(() => store.keepOnlyMatch('m1')).not.toThrow();
  });

  it('forgets the offline data of every other match, and nothing else', () => {
    const local = memoryStorage({
      [storageKey('data.m1')]: '{}',
      [storageKey('data.m2')]: '{}',
      [storageKey('data.m3')]: '{}',
      [storageKey('queue')]: '[]',
      'another.app.data.m2': 'theirs',
    });
    createStore(() => local).keepOnlyMatch('m1');
    const keys = Array.from({ length: local.length }, (_, i) => local.key(i));
    expect(keys.sort()).toEqual(['another.app.data.m2', storageKey('data.m1'), storageKey('queue')].sort());
  });
});
