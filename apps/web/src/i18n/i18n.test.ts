import { describe, expect, it } from 'vitest';
import { kickoffText, plainSpaces } from '../../test/support/calendar.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { formatDateTime, formatMoney, negotiateLocale, translator } from './index.ts';
import { nl } from './nl.ts';

// The names a message fills in: `{name}` and the number of `{count, plural, …}`, each once.
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)].map((m) => m[1]))].sort();

describe('translations', () => {
  it('have the same keys and the same placeholders in French, Dutch and English', () => {
    for (const dictionary of [fr, nl]) {
      expect(Object.keys(dictionary).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        expect({ key, placeholders: placeholders(dictionary[key as keyof typeof en]) }).toEqual({ key, placeholders: placeholders(text) });
      }
    }
  });

  it('have no empty message', () => {
    for (const dictionary of [en, fr, nl]) for (const text of Object.values(dictionary)) expect(text.trim()).not.toBe('');
  });

  it('write real plurals, never "ticket(s)"', () => {
    for (const dictionary of [en, fr, nl]) {
      for (const [key, text] of Object.entries(dictionary))
        expect({ key, text }).not.toMatchObject({ text: expect.stringMatching(/\w\((s|en|x|e|es|n)\)/) });
    }
  });

  it('space French punctuation: a no-break space before ":", a narrow one before ";", "!" and "?"', () => {
    // A plain space before French punctuation breaks the line at the wrong place; the test names each line to fix.
    for (const [key, text] of Object.entries(fr)) {
      expect({ key, text }).not.toMatchObject({ text: expect.stringMatching(/(?:[^\u00a0]:|[^\u202f][;!?])(?=\s|$)/) });
    }
  });

  it('choose plural forms by each language’s rules', () => {
    expect(translator('en')('sales.summary', { tickets: 1, revenue: '€5.00' })).toBe('1 ticket sold, €5.00 for the club.');
    expect(translator('en')('sales.summary', { tickets: 0, revenue: '€0.00' })).toBe('0 tickets sold, €0.00 for the club.');
    // French counts 0 and 1 as singular; Dutch, like English, only 1.
    expect(translator('fr')('sales.summary', { tickets: 0, revenue: '0 €' })).toBe('0 ticket vendu, 0 € pour le club.');
    expect(translator('fr')('sales.summary', { tickets: 2, revenue: '9 €' })).toBe('2 tickets vendus, 9 € pour le club.');
    expect(translator('nl')('home.seatsLeft', { count: 1 })).toBe('Nog 1 plaats');
    expect(translator('nl')('home.seatsLeft', { count: 0 })).toBe('Nog 0 plaatsen');
    // Placeholders inside a form are filled too; the number is written the language's way.
    expect(translator('fr')('mail.ticketsRefunded.subject', { count: 1500, reference: 'FA-1', match: 'A – B' })).toBe(
      'Commande FA-1\u00a0: 1\u202f500 tickets remboursés (A – B)',
    );
  });

  it('fill in parameters and leave unknown ones visible', () => {
    const t = translator('en');
    expect(t('error.tooLong', { max: 80 })).toBe('At most 80 characters.');
    expect(t('error.tooLong')).toBe('At most {max} characters.');
  });
});

describe('language negotiation', () => {
  it('takes the best supported language by quality', () => {
    expect(negotiateLocale('nl-BE,nl;q=0.9,en;q=0.8')).toBe('nl');
    expect(negotiateLocale('de-DE,de;q=0.9,en;q=0.5,fr;q=0.6')).toBe('fr');
    expect(negotiateLocale('EN-gb')).toBe('en');
    expect(negotiateLocale('de, it')).toBeUndefined();
    expect(negotiateLocale('fr;q=0, nl;q=abc')).toBeUndefined();
    expect(negotiateLocale('')).toBeUndefined();
    expect(negotiateLocale(undefined)).toBeUndefined();
  });
});

describe('Belgian formats', () => {
  it('writes euros the Belgian way in each language', () => {
    expect(formatMoney(1250, 'fr').replace(/\s/g, ' ')).toBe('12,50 €');
    expect(formatMoney(1250, 'nl').replace(/\s/g, ' ')).toBe('€ 12,50');
    expect(formatMoney(0, 'en').replace(/\s/g, ' ')).toMatch(/0[.,]00/);
  });

  it('shows times in Brussels whatever the server time zone', () => {
    // 23:30 UTC on 31 Dec is already 00:30 on 1 Jan in Brussels (winter, UTC+1).
    const newYear = new Date('2026-12-31T23:30:00Z');
    expect(formatDateTime(newYear, 'fr')).toMatch(/vendredi 1 janvier 2027 (à )?00:30/);
    // Summer: UTC+2.
    expect(formatDateTime(new Date('2026-07-04T13:00:00Z'), 'nl')).toMatch(/zaterdag 4 juli 2026 (om )?15:00/);
  });

  it('names every month and every day of the week in French, Dutch and English', () => {
    const instants = [
      ...Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2027, month, 28 - month, 18, 45))),
      ...Array.from({ length: 7 }, (_, day) => new Date(Date.UTC(2027, 7, 1 + day, 22, 30))), // 00:30 the next day in summer
    ];
    for (const locale of ['fr', 'nl', 'en'] as const) {
      for (const instant of instants) expect(plainSpaces(formatDateTime(instant, locale))).toBe(kickoffText(instant, locale));
    }
  });

  it('moves with the clocks on both daylight-saving nights', () => {
    // 2027: summer time from 28 March 01:00 UTC, winter time from 31 October 01:00 UTC.
    const cases = [
      ['2027-03-28T00:59:00Z', 'dimanche 28 mars 2027 à 01:59'],
      ['2027-03-28T01:00:00Z', 'dimanche 28 mars 2027 à 03:00'],
      ['2027-10-31T00:30:00Z', 'dimanche 31 octobre 2027 à 02:30'],
      ['2027-10-31T01:30:00Z', 'dimanche 31 octobre 2027 à 02:30'],
    ] as const;
    for (const [iso, text] of cases) {
      expect(plainSpaces(formatDateTime(new Date(iso), 'fr'))).toBe(text);
      expect(kickoffText(new Date(iso), 'fr')).toBe(text);
    }
  });
});
