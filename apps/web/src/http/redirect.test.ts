import { describe, expect, it } from 'vitest';
import { browserTarget, OFFSITE_REDIRECTS } from '../../test/support/redirects.ts';
import { safeRedirectPath } from './redirect.ts';

const SITE = 'https://footarena.example';

describe('redirect targets from a request', () => {
  it.each(OFFSITE_REDIRECTS)('refuses %j for the fallback', (raw) => {
    expect(safeRedirectPath(raw, '/fallback')).toBe('/fallback');
    expect(safeRedirectPath(raw, '/fallback', SITE)).toBe('/fallback');
  });

  it('returns a path that a browser resolves on this site, for every known bypass and its encodings', () => {
    const variants = OFFSITE_REDIRECTS.flatMap((raw) => [raw, encodeURI(raw), `/next?to=${raw}`, `/a/b/../${raw}`]);
    for (const raw of variants) {
      const path = safeRedirectPath(raw, '/');
      expect({ raw, origin: browserTarget(path, SITE).origin, path: path.startsWith('/') && !path.startsWith('//') }).toEqual({
        raw,
        origin: SITE,
        path: true,
      });
    }
  });

  it('keeps paths on this site, normalised, with their query and fragment', () => {
    expect(safeRedirectPath('/account')).toBe('/account');
    expect(safeRedirectPath('/sign-in?next=%2Faccount#form')).toBe('/sign-in?next=%2Faccount#form');
    expect(safeRedirectPath('/x/../account/./tickets')).toBe('/account/tickets');
    expect(safeRedirectPath('/%2e%2e/verified')).toBe('/verified');
  });

  it('takes an absolute URL only when it names this site', () => {
    expect(safeRedirectPath(`${SITE}/reset-password?token=abc`, '/', SITE)).toBe('/reset-password?token=abc');
    expect(safeRedirectPath(`${SITE}/reset-password`, '/')).toBe('/'); // without the origin: no absolute URL at all
    expect(safeRedirectPath('https://footarena.example.evil.example/x', '/', SITE)).toBe('/');
    expect(safeRedirectPath('http://footarena.example/x', '/', SITE)).toBe('/'); // another scheme is another origin
  });

  it('refuses what is not a string, empty or overlong', () => {
    expect(safeRedirectPath(undefined, '/f')).toBe('/f');
    expect(safeRedirectPath(['/a'], '/f')).toBe('/f');
    expect(safeRedirectPath('', '/f')).toBe('/f');
    expect(safeRedirectPath(`/${'a'.repeat(3000)}`, '/f')).toBe('/f');
  });
});
