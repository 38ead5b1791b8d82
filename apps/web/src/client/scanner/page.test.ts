import { describe, expect, it } from 'vitest';
import { translator } from './page.ts';

describe('the scanner’s messages', () => {
  it('fill their named placeholders, each as often as it appears', () => {
    const say = translator({ 'scanner.total': '{admitted} of {expected} admitted ({admitted})' }, 'en');
    expect(say('scanner.total', { admitted: 3, expected: 10 })).toBe('3 of 10 admitted (3)');
  });

  it('show a missing value as nothing and an unknown key as itself', () => {
    const say = translator({ 'scanner.device': 'Device: {name}' }, 'en');
    expect(say('scanner.device')).toBe('Device: ');
    expect(say('scanner.nope')).toBe('scanner.nope');
  });

  it('choose the plural form of the page’s language', () => {
    const messages = { 'scanner.queued': '{count, plural, one {# scan to upload} other {# scans to upload}}' };
    expect(translator(messages, 'en')('scanner.queued', { count: 1 })).toBe('1 scan to upload');
    expect(translator(messages, 'en')('scanner.queued', { count: 2 })).toBe('2 scans to upload');
  });
});
