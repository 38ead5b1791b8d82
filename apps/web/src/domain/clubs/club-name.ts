/**
 * Club names as a supporter reads them, to see when two names would be taken for one club
 * ("FC Molenbeek" and "F.C. Mołenbeek (demo)"). Pure; no database.
 *
 * `full` keeps the club-form affixes (FC, KFC…) and `base` drops them; both drop case, accents,
 * punctuation, spaces, invisible characters and decoy words, and fold characters that look alike
 * (Cyrillic and Greek letters, 0/o, 1/l, I/l, rn/m) onto one.
 */
export interface ClubNameForms {
  full: string;
  base: string;
}

// Lowercase letters of other scripts that render like a Latin letter in common fonts.
const CONFUSABLE: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  є: 'e',
  з: '3',
  һ: 'h',
  н: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  ӏ: 'l',
  м: 'm',
  п: 'n',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  с: 'c',
  ѕ: 's',
  т: 't',
  у: 'y',
  ү: 'y',
  ԝ: 'w',
  х: 'x',
  ԁ: 'd',
  ь: 'b',
  // Greek
  α: 'a',
  β: 'b',
  γ: 'y',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  // Armenian and Latin look-alikes that do not decompose
  օ: 'o',
  ս: 'u',
  ո: 'n',
  ı: 'i',
  ɩ: 'i',
  ɡ: 'g',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
};

// What a club calls itself besides its name: legal forms and their long words, in fr and nl.
const AFFIXES = new Set([
  'fc',
  'afc',
  'rfc',
  'kfc',
  'fcv',
  'kfcv',
  'sc',
  'rsc',
  'ksc',
  'rc',
  'rcs',
  'rrc',
  'kv',
  'kvc',
  'vc',
  'vv',
  'kvv',
  'sk',
  'ksk',
  'sv',
  'ksv',
  'us',
  'rus',
  'as',
  'ras',
  'cs',
  'ac',
  'royal',
  'royale',
  'koninklijke',
  'k',
  'r',
]);

// Words that make a copy look different without naming another club.
const DECOYS = new Set(['demo', 'test', 'official', 'officiel', 'officielle', 'officieel', 'officiele']);

// Applied to the joined letters, in order: digits that pass for letters, then letter pairs.
const FOLDS: [RegExp, string][] = [
  [/0/g, 'o'],
  [/1/g, 'l'],
  [/3/g, 'e'],
  [/4/g, 'a'],
  [/5/g, 's'],
  [/7/g, 't'],
  [/8/g, 'b'],
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/i/g, 'l'],
];

function tokens(name: string): string[] {
  const lower = name
    .normalize('NFKC') // full-width letters, ligatures, superscripts
    .replace(/\p{Cf}/gu, '') // zero-width and other invisible characters
    .toLowerCase();
  const latin = [...lower].map((ch) => CONFUSABLE[ch] ?? ch).join('');
  const words = latin
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents
    .replace(/[.'’`´]/g, '') // "F.C." is "FC", "Sint-Job's" one word
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const out: string[] = [];
  for (const word of words) {
    // "Football Club X" and "Voetbalclub X" are "FC X".
    if ((word === 'club' && (out.at(-1) === 'football' || out.at(-1) === 'voetbal')) || word === 'voetbalclub') {
      if (word === 'club') out.pop();
      out.push('fc');
    } else if (!DECOYS.has(word)) out.push(word);
  }
  return out;
}

const fold = (letters: string) => FOLDS.reduce((s, [pattern, to]) => s.replace(pattern, to), letters);

export function clubNameForms(name: string): ClubNameForms {
  const words = tokens(name);
  const full = fold(words.join(''));
  const base = fold(words.filter((w) => !AFFIXES.has(w)).join(''));
  // A name made only of affixes ("FC") is its own base.
  return { full, base: base || full };
}

/** Shorter names must match exactly: one letter apart is another club ("Evere" / "Evera" is too close to call). */
const MIN_FUZZY_LENGTH = 6;

/** Whether two names would be taken for one club: the same base or full form, or one typo apart. */
export function looksAlike(a: ClubNameForms, b: ClubNameForms): boolean {
  if (a.base === b.base || a.full === b.full) return true;
  if (Math.min(a.base.length, b.base.length) < MIN_FUZZY_LENGTH) return false;
  return editDistanceAtMostOne(a.base, b.base);
}

/** One insertion, deletion, substitution or swap of neighbours at most. */
function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}

/**
 * For each item, the others that look alike. Names one edit apart share a key once a letter is
 * deleted, so only items sharing a key are compared: linear in the number of clubs, not quadratic.
 */
export function lookAlikeGroups<T extends { id: string; name: string }>(items: readonly T[]): Map<string, T[]> {
  const forms = new Map(items.map((item) => [item.id, clubNameForms(item.name)]));
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    const { full, base } = forms.get(item.id)!;
    const keys = new Set([`f:${full}`, `b:${base}`]);
    if (base.length >= MIN_FUZZY_LENGTH) for (let i = 0; i < base.length; i++) keys.add(`b:${base.slice(0, i)}${base.slice(i + 1)}`);
    for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), item]);
  }
  const result = new Map<string, T[]>();
  for (const bucket of byKey.values()) {
    for (const a of bucket) {
      for (const b of bucket) {
        if (a.id === b.id || result.get(a.id)?.includes(b)) continue;
        if (looksAlike(forms.get(a.id)!, forms.get(b.id)!)) result.set(a.id, [...(result.get(a.id) ?? []), b]);
      }
    }
  }
  return result;
}
