import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncoding } from '../src/http/middleware/compress.ts';
import { type ServedApp, serveTestApp } from './e2e/serve.ts';
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

// Over a real socket: a body whose length is declared is read straight from it (bodyLimit does not
// touch the Web stream, decision 022); one sent in chunks is counted as it comes. Both are bounded.
describe('request bodies on the wire', () => {
  let served: ServedApp;
  beforeAll(async () => {
    served = await serveTestApp();
  });
  afterAll(() => served?.close());

  /** A scan by a device token of the right shape that no device has: the body is read, then the token looked up. */
  const redeem = (body: string, chunked: boolean) =>
    new Promise<{ status: number; error: string }>((resolve, reject) => {
      const url = new URL('/api/v1/redeem', served.baseURL);
      const headers: Record<string, string | number> = { 'content-type': 'application/json', authorization: `Bearer ${'z'.repeat(43)}` };
      if (!chunked) headers['content-length'] = Buffer.byteLength(body);
      const req = http.request(url, { method: 'POST', headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, error: (JSON.parse(text) as { error: string }).error }));
      });
      req.on('error', reject);
      if (chunked) for (let i = 0; i < body.length; i += 1000) req.write(body.slice(i, i + 1000));
      else req.write(body);
      req.end();
    });

  it('reads a body of declared length or in chunks, and refuses either past the limit', async () => {
    const scan = JSON.stringify({ code: 'FA1NOTACODE', nonce: 'wire-00001', matchId: randomUUID() });
    const big = JSON.stringify({ code: 'x'.repeat(20_000), nonce: 'wire-00002', matchId: randomUUID() });
    for (const chunked of [false, true]) {
      expect(await redeem('{"code": ', chunked)).toEqual({ status: 400, error: 'bad_request' });
      expect(await redeem(scan, chunked)).toEqual({ status: 401, error: 'unauthorized' });
      expect(await redeem(big, chunked)).toEqual({ status: 413, error: 'payload_too_large' });
    }
  });
});
