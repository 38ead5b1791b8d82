// What the scanner keeps on the phone, under one prefix in localStorage: best effort, because a full or
// blocked storage must not stop scanning (then the queue and the lists live in memory only).

const PREFIX = 'footarena.scanner.';

/** The full localStorage key of one of the scanner's entries (what a `storage` event names). */
export const storageKey = (key: string) => `${PREFIX}${key}`;

/** What the scanner keeps per match, under `kind.matchId`. */
const MATCH_ENTRIES = ['data', 'history'];

export interface Store {
  get<T>(key: string): T | null;
  /** `null` removes the entry. */
  set(key: string, value: unknown): void;
  /** Forgets the offline data and scan history of every match but this one (data is fetched again when needed). */
  keepOnlyMatch(matchId: string): void;
}

/**
 * `storage` is a getter because merely reading `window.localStorage` throws where the browser blocks
 * storage: each use is inside its own try.
 */
export function createStore(storage: () => Storage): Store {
  return {
    get<T>(key: string): T | null {
      try {
        return JSON.parse(storage().getItem(storageKey(key)) ?? 'null') as T | null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        if (value === null) storage().removeItem(storageKey(key));
        else storage().setItem(storageKey(key), JSON.stringify(value));
      } catch {
        // Nothing better to do here; the next write tries again.
      }
    },
    keepOnlyMatch(matchId) {
      try {
        const local = storage();
        const keys = Array.from({ length: local.length }, (_, i) => local.key(i) ?? '');
        for (const kind of MATCH_ENTRIES) {
          const keep = storageKey(`${kind}.${matchId}`);
          for (const key of keys) if (key.startsWith(storageKey(`${kind}.`)) && key !== keep) local.removeItem(key);
        }
      } catch {
        // Storage unavailable: nothing to prune.
      }
    },
  };
}
