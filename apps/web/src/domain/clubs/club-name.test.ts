import { describe, expect, it } from 'vitest';
import { clubNameForms, lookAlikeGroups, looksAlike } from './club-name.ts';

const alike = (a: string, b: string) => looksAlike(clubNameForms(a), clubNameForms(b));

describe('club names a supporter would take for one club', () => {
  it.each([
    ['FC Molenbeek (demo)', 'plain copy with a decoy word'],
    ['fc molenbeek', 'case'],
    ['F.C. Molenbeek', 'abbreviation dots'],
    ['Football Club Molenbeek', 'the affix written out'],
    ['Voetbalclub Molenbeek', 'the affix written out in Dutch'],
    ['RFC Molenbeek', 'another legal form'],
    ['Molenbeek', 'no legal form'],
    ['Molenbeek FC', 'legal form after the name'],
    ['FC  Molenbeek!!', 'spaces and punctuation'],
    ['FC Mölenbéek', 'accents'],
    ['FC Mołenbeek', 'a stroked letter'],
    ['FC М\u043elenbeek', 'Cyrillic М and о'],
    ['FC Molenbееk', 'Cyrillic е'],
    ['FC Μolenbeek', 'Greek capital mu'],
    ['FC M0lenbeek', 'zero for o'],
    ['FC Mo1enbeek', 'one for l'],
    ['FC MoIenbeek', 'capital I for l'],
    ['FC Mo\u200Blenbeek', 'a zero-width space'],
    ['ＦＣ Ｍｏｌｅｎｂｅｅｋ', 'full-width letters'],
    ['FC Molenbeeck', 'one letter added'],
    ['FC Molenbek', 'one letter missing'],
    ['FC Moelnbeek', 'two letters swapped'],
    ['FC Molenbeek Officiel', 'an "official" decoy'],
    ['K. Molenbeek', 'the K. of Koninklijke'],
    ['Royal Molenbeek', 'Royal'],
  ])('%s looks like FC Molenbeek (%s)', (name) => {
    expect(alike(name, 'FC Molenbeek')).toBe(true);
  });

  it('folds r-n into m, so "Rnolenbeek" reads as "Molenbeek"', () => {
    expect(clubNameForms('FC Rnolenbeek').base).toBe(clubNameForms('FC Molenbeek').base);
  });

  it.each([
    ['RWDM Molenbeek', 'FC Molenbeek'],
    ['Sporting Jette', 'FC Jette'],
    ['Union Evere', 'Union Jette'],
    ['FC Evere', 'FC Evera'], // short names: one letter is another club
    ['Alpha Ixelles', 'Beta Ixelles'],
    ['Race FC', 'Late FC'],
    ['Stade Uccle', 'Stade Ucclois Nord'],
    ['FC Ganshoren', 'FC Koekelberg'],
  ])('%s and %s are told apart', (a, b) => {
    expect(alike(a, b)).toBe(false);
  });

  it('keeps the legal form in the full form and drops it from the base', () => {
    expect(clubNameForms('KFC Heist')).toEqual({ full: 'kfchelst', base: 'helst' });
    expect(clubNameForms('SK Heist')).toEqual({ full: 'skhelst', base: 'helst' });
    expect(clubNameForms('F.C. Heist (demo)').full).toBe(clubNameForms('FC Heist').full);
  });

  it('gives a name made only of affixes a base of its own', () => {
    expect(clubNameForms('FC').base).toBe('fc');
    expect(clubNameForms('Demo FC').base).toBe('fc');
  });

  it('groups the look-alikes of a list without comparing every pair, both ways', () => {
    const clubs = [
      { id: 'a', name: 'FC Molenbeek' },
      { id: 'b', name: 'FC Molenbeek (demo)' },
      { id: 'c', name: 'Molenbeeck' },
      { id: 'd', name: 'Sporting Jette' },
      { id: 'e', name: 'FC Evere' },
      { id: 'f', name: 'FC Evera' },
    ];
    const groups = lookAlikeGroups(clubs);
    const ids = (id: string) => (groups.get(id) ?? []).map((c) => c.id).sort();
    expect(ids('a')).toEqual(['b', 'c']);
    expect(ids('b')).toEqual(['a', 'c']);
    expect(ids('c')).toEqual(['a', 'b']);
    expect(ids('d')).toEqual([]);
    expect(ids('e')).toEqual([]);
    expect(ids('f')).toEqual([]);
  });

  it('finds the same pairs as comparing every pair', () => {
    const names = [
      'Molenbeek',
      'Molenbeck',
      'Molenbek',
      'Mlenbeek',
      'RSC Anderlecht',
      'Anderlecht',
      'Anderlect',
      'Jette',
      'Jete',
      'Ixelles',
      'Ixeles',
      'Ixelle',
    ];
    const clubs = names.map((name, i) => ({ id: String(i), name }));
    const groups = lookAlikeGroups(clubs);
    for (const a of clubs)
      for (const b of clubs) {
        if (a === b) continue;
        expect(groups.get(a.id)?.includes(b) ?? false, `${a.name} / ${b.name}`).toBe(alike(a.name, b.name));
      }
  });
});
