import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, startTestApp, type TestApp, textOf } from './support/harness.ts';

describe.each(databaseKinds())('pages and probes on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t?.close());

  it('answers health and readiness probes', async () => {
    const client = t.client();
    expect(await (await client.get('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await client.get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('sends security headers on every page', async () => {
    const response = await t.client().get('/');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
  });

  it('shows a localized 404 page', async () => {
    const response = await t.client().get('/no/such/page', { 'accept-language': 'nl' });
    expect(response.status).toBe(404);
    expect(await textOf(response)).toContain('Pagina niet gevonden');
  });

  it('serves its own stylesheet and icon (no CDN, no external font)', async () => {
    const client = t.client();
    const html = await (await client.get('/')).text();
    const external = html.match(/(src|href)="https?:\/\/[^"]+"/g) ?? [];
    expect(external).toEqual([]);
    const css = await client.get('/assets/app.css');
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).not.toMatch(/@import|url\(["']?https?:/);
    expect((await client.get('/assets/icon.svg')).headers.get('content-type')).toBe('image/svg+xml');
    expect((await client.get('/assets/..%2Fsrc%2Fenv.ts')).status).toBe(404);
  });

  it('serves the mailbox page only to development setups without SMTP', async () => {
    expect((await t.client().get('/dev/mail')).status).toBe(404); // this app has SMTP configured
  });
});

describe('the development mailbox', () => {
  it('exists without SMTP, but only for requests from this machine', async () => {
    const t = await startTestApp('pglite', { env: { SMTP_URL: '', TRUST_PROXY: 'false' } });
    try {
      expect(t.runtime.deps.config.devMailDir).toBeDefined();
      // In-process requests come from no socket, like a request from another machine would.
      expect((await t.client().get('/dev/mail')).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});

describe('when the database fails', () => {
  it('reports not ready, and shows a 500 page that leaks nothing', async () => {
    const t = await startTestApp('pglite');
    await t.runtime.jobs.stop();
    await t.runtime.database.close();
    const client = t.client();
    const ready = await client.get('/readyz');
    expect(ready.status).toBe(503);
    const page = await client.get('/', { 'accept-language': 'en' });
    expect(page.status).toBe(500);
    const text = await textOf(page);
    expect(text).toContain('Something went wrong');
    expect(text).not.toMatch(/PGlite|closed|stack|at \w+ \(|\.ts:\d+/i);
    const logged = t.logs.join('\n');
    expect(logged).toContain('unhandled error');
    await t.smtp.stop();
  });
});
