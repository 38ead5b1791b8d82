// Redirect targets known to lead browsers (or some other reader of a URL) off a site: raw, as they
// arrive in a query parameter or a form field after decoding.
export const OFFSITE_REDIRECTS = [
  'https://evil.example',
  'http://evil.example/x',
  'https:evil.example',
  'https:/evil.example',
  '//evil.example',
  '///evil.example',
  '////evil.example',
  '/.//evil.example',
  '/./..//evil.example',
  '/..//evil.example',
  '/x/..//evil.example',
  '/x/../..//evil.example',
  '/%2e//evil.example',
  '/%2E%2E//evil.example',
  '/.%2e//evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  '\\/evil.example',
  '/.\\/evil.example',
  '/\t/evil.example',
  '\t//evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  ' //evil.example',
  '//evil.example\u0000',
  '/\u3000/evil.example',
  '//evil.example@localhost',
  '//localhost@evil.example',
  'javascript:alert(1)',
  'JavaScript:alert(1)//',
  'data:text/html,<script>alert(1)</script>',
];

/** Where a browser would go from a Location header on `site`: tabs and newlines dropped, "\" as "/". */
export function browserTarget(location: string, site: string): URL {
  return new URL(location.replace(/[\t\n\r]/g, '').replace(/\\/g, '/'), site);
}
