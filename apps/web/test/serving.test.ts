import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncoding } from '../src/http/middleware/compress.ts';
import { clubWithOwner, matchOnSale } from './support/catalog.ts';
import { startTestApp, type TestApp } from './support/harness.ts';

// How the app answers on the wire: compressed when the client can read it, static assets under
// hashed names kept a year, pages never kept. (Serving does not touch the database: PGlite only.)

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());
/** A page without its CSRF tokens, which are new at each request without a cookie. */
const withoutTokens = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf"');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('serving', () => {
  let t: TestApp;
  let matchId = '';
  const get = (path: string, headers: Record<string, string> = {}) => t.app.request(`http://localhost${path}`, { headers });

  beforeAll(async () => {
    t = await startTestApp('pglite');
    const ctx = await clubWithOwner(t, 'Wire FC');
    ({ matchId } = await matchOnSale(t, ctx, 'Bytes United'));
  });
  afterAll(() => t?.close());

  it('chooses brotli, else gzip, by what the client accepts', () => {
    expect(acceptedEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(acceptedEncoding('gzip, deflate')).toBe('gzip');
    expect(acceptedEncoding('br;q=0.5, gzip')).toBe('gzip');
    expect(acceptedEncoding('*')).toBe('br');
    expect(acceptedEncoding('br;q=0, gzip;q=0')).toBeUndefined();
    expect(acceptedEncoding('identity')).toBeUndefined();
    expect(acceptedEncoding(undefined)).toBeUndefined();
  });

  it('compresses a page when asked, the same page when read back, and says it varies by Accept-Encoding', async () => {
    const path = `/matches/${matchId}`;
    const plain = await get(path, { 'accept-language': 'en' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    const text = withoutTokens((await bytesOf(plain)).toString());
    expect(text).toContain('Wire FC – Bytes United');

    const br = await get(path, { 'accept-language': 'en', 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    const brBytes = await bytesOf(br);
    expect(br.headers.get('content-length')).toBe(String(brBytes.length));
    expect(withoutTokens(brotliDecompressSync(brBytes).toString())).toBe(text);
    expect(brBytes.length).toBeLessThan(text.length / 2);

    const gz = await get(path, { 'accept-language': 'en', 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(withoutTokens(gunzipSync(await bytesOf(gz)).toString())).toBe(text);

    const refused = await get(path, { 'accept-language': 'en', 'accept-encoding': 'identity' });
    expect(refused.headers.get('content-encoding')).toBeNull();
    expect(withoutTokens((await bytesOf(refused)).toString())).toBe(text);
  });

  it('compresses JSON of the device API too, and never a HEAD or a tiny answer', async () => {
    const openapi = await get('/api/v1/openapi.json', { 'accept-encoding': 'gzip' });
    expect(openapi.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(await bytesOf(openapi)).toString())).toHaveProperty('openapi');
    const health = await get('/healthz', { 'accept-encoding': 'br' });
    expect(health.headers.get('content-encoding')).toBeNull(); // 15 bytes: not worth a header
  });

  it('names static assets by their content’s hash in pages, and keeps those a year', async () => {
    const html = await (await get('/', { 'accept-language': 'en' })).text();
    const urls = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(urls).toEqual(expect.arrayContaining([expect.stringMatching(/^\/assets\/app\.[0-9a-f]{10}\.css$/)]));
    expect(urls.every((url) => /\.[0-9a-f]{10}\.\w+$/.test(url))).toBe(true);
    for (const url of urls) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const hash = /\.([0-9a-f]{10})\.\w+$/.exec(url)![1]!;
      expect(sha(await bytesOf(response)).slice(0, 10)).toBe(hash); // the name is the content
    }
  });

  it('keeps pages out of long-lived caches: never public, never immutable', async () => {
    for (const path of ['/', `/matches/${matchId}`, '/sign-in']) {
      const cacheControl = (await get(path)).headers.get('cache-control') ?? '';
      expect(cacheControl).not.toMatch(/immutable|max-age=[1-9]/);
    }
    const signedIn = await t.client().get('/account/tickets');
    expect(signedIn.headers.get('cache-control') ?? 'no-store').toContain('no-store');
  });

  it('answers an old or unknown hash with 404, and the plain name revalidated every time', async () => {
    const html = await (await get('/')).text();
    const css = /href="(\/assets\/app\.[0-9a-f]{10}\.css)"/.exec(html)![1]!;
    expect((await get('/assets/app.0123456789.css')).status).toBe(404);
    expect((await get('/assets/nothing.0123456789.js')).status).toBe(404);
    const plain = await get('/assets/app.css');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('public, no-cache');
    expect(await bytesOf(plain)).toEqual(await bytesOf(await get(css)));
  });

  it('answers 304 to a browser that already holds the asset, per encoding', async () => {
    const html = await (await get('/')).text();
    const css = /href="(\/assets\/app\.[0-9a-f]{10}\.css)"/.exec(html)![1]!;
    const first = await get(css, { 'accept-encoding': 'br' });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{10}-br"$/);
    const again = await get(css, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect((await bytesOf(again)).length).toBe(0);
    // The same tag does not stand for the gzip bytes.
    expect((await get(css, { 'accept-encoding': 'gzip', 'if-none-match': etag })).status).toBe(200);
  });

  it('serves scripts and the WebAssembly reader compressed once, byte for byte the same when read back', { timeout: 90_000 }, async () => {
    const html = await (await get('/scan')).text();
    const [, script, wasm] =
      /src="(\/assets\/scanner\.[0-9a-f]{10}\.js)" data-wasm-url="(\/assets\/zxing_reader\.[0-9a-f]{10}\.wasm)"/.exec(html)!;
    for (const url of [script!, wasm!]) {
      const raw = await bytesOf(await get(url));
      const br = await get(url, { 'accept-encoding': 'br, gzip' });
      expect(br.headers.get('content-encoding')).toBe('br');
      expect(br.headers.get('vary')).toBe('Accept-Encoding');
      const packed = await bytesOf(br);
      expect(brotliDecompressSync(packed).equals(raw)).toBe(true);
      expect(packed.length).toBeLessThan(raw.length * 0.6);
      const gz = await get(url, { 'accept-encoding': 'gzip' });
      expect(gunzipSync(await bytesOf(gz)).equals(raw)).toBe(true);
    }
    expect((await get(wasm!, { 'accept-encoding': 'br' })).headers.get('content-type')).toBe('application/wasm');
  });

  it('has the scanner’s service worker pre-cache the hashed URLs the scanner page uses', async () => {
    const html = await (await get('/scan')).text();
    const assets = [...html.matchAll(/(?:href|src|data-wasm-url)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    const worker = await (await get('/scan-sw.js')).text();
    const precache = JSON.parse(/const PRECACHE = (\[[^\]]*\]);/.exec(worker)![1]!) as string[];
    expect(precache).toEqual(expect.arrayContaining(['/scan', ...assets]));
    expect(worker).toMatch(/const PRECACHE_VERSION = "[0-9a-f]{10}";/);
    const manifest = (await (await get('/scan/manifest.webmanifest')).json()) as { icons: { src: string }[] };
    expect(manifest.icons[0]!.src).toMatch(/^\/assets\/icon\.[0-9a-f]{10}\.svg$/);
  });
});
