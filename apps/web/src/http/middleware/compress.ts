import { promisify } from 'node:util';
import { brotliCompress, constants, gzip as gzipCallback } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';

// Pages, JSON and CSV leave compressed when the client says it can read it: brotli, else gzip.
// Hono's own middleware has no brotli (CompressionStream's brotli takes no quality, and its
// default, 11, costs far too much CPU per page); node:zlib lets us choose.

/** Text-like types (HTML, CSS, JS, JSON, CSV, SVG, WASM…); images, PDFs and fonts are already compressed. */
export const COMPRESSIBLE = COMPRESSIBLE_CONTENT_TYPE_REGEX;
export type Encoding = 'br' | 'gzip';

/** The encoding to answer with: brotli when accepted, else gzip, by the client's q-values. */
export function acceptedEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [token = '', ...params] = part.trim().split(';');
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(token.trim(), weight ? Number(weight.slice(2)) : 1);
  }
  const weightOf = (encoding: string) => q.get(encoding) ?? q.get('*') ?? 0;
  const [best] = (['br', 'gzip'] as const).filter((e) => weightOf(e) > 0).sort((a, b) => weightOf(b) - weightOf(a));
  return best;
}

// Quality 5: about gzip's speed, smaller output. Each page is compressed as it is sent.
const DYNAMIC = {
  br: (body: Uint8Array) =>
    brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body: Uint8Array) => gzip(body),
};
const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);
/** Below this, compression saves less than its header costs. */
const MIN_BYTES = 1024;

/**
 * Compresses text-like answers for clients that accept it. The app's answers are whole strings
 * (pages, JSON, CSV; it streams none), so the body is read at once and compressed off the main thread.
 */
export const compress: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  const type = res.headers.get('Content-Type') ?? '';
  if (c.req.method === 'HEAD' || res.status === 204 || res.status === 206 || res.status === 304) return;
  if (res.headers.has('Content-Encoding') || !COMPRESSIBLE.test(type)) return;
  if (/(^|,)\s*no-transform\s*(,|$)/i.test(res.headers.get('Cache-Control') ?? '')) return;
  // Whether or not this answer is compressed, another client's may be: caches must key on it.
  const vary = res.headers.get('Vary');
  if (vary !== '*' && !/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary ?? '')) {
    res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  }
  const encoding = acceptedEncoding(c.req.header('Accept-Encoding'));
  // The body is looked at only to compress it: reading `res.body` turns @hono/node-server's answer
  // of a string into a Web Response streamed to the socket (decision 022).
  if (!encoding || !res.body) return;
  const body = new Uint8Array(await res.arrayBuffer());
  // Hono copies the previous response's headers onto a new one: adjust them after the swap.
  if (body.length < MIN_BYTES) {
    c.res = new Response(body, res);
    return;
  }
  const compressed = new Uint8Array(await DYNAMIC[encoding](body));
  c.res = new Response(compressed, res);
  c.res.headers.set('Content-Length', String(compressed.length));
  c.res.headers.set('Content-Encoding', encoding);
  const etag = c.res.headers.get('ETag');
  if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
};
