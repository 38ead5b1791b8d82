import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { type Context, Hono } from 'hono';
import type { Asset } from '../deps.ts';
import { assetUrl, publishAssetUrls } from '../views/asset-url.ts';
import { acceptedEncoding, COMPRESSIBLE, type Encoding } from './middleware/compress.ts';
import type { AppEnv } from './types.ts';

// Static assets under names that carry their content's hash (`scanner.3f9a2c81d0.js`): such a URL
// never changes meaning, so browsers keep it a year without asking again, and a new build is new
// URLs. Each is compressed once, at its first request, as well as brotli and gzip can.

export interface ServedAsset {
  /** The name pages ask for: `scanner.js`. */
  name: string;
  /** The name it is served under: `scanner.3f9a2c81d0.js`. */
  hashedName: string;
  type: string;
  body: Uint8Array<ArrayBuffer>;
  hash: string;
}

// Brotli's best (11) for scripts and styles; 9 for the 1 MB WebAssembly reader, where 11 took 12.5 s
// of CPU for 12 % fewer bytes (357 KB instead of 406 KB; gzip 460 KB; 1,093 KB as it is).
const brotliQuality = (bytes: number) => (bytes > 512 * 1024 ? 9 : constants.BROTLI_MAX_QUALITY);
const compressors: Record<Encoding, (body: Uint8Array) => Promise<Buffer>> = {
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality(body.length), [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gzip: (body) => promisify(gzip)(body, { level: constants.Z_BEST_COMPRESSION }),
};
/** Compressed bodies by hash and encoding, shared by every app of the process (tests start many). */
const compressed = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

function compressedBody(asset: ServedAsset, encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
  const key = `${asset.hash}:${encoding}`;
  let body = compressed.get(key);
  if (!body) {
    body = compressors[encoding](asset.body).then((bytes) => new Uint8Array(bytes));
    compressed.set(key, body);
  }
  return body;
}

/** `scanner.js` with the hash of its content: `scanner.<hash>.js`. */
function withHash(name: string, hash: string) {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}.${hash}${name.slice(dot)}` : `${name}.${hash}`;
}

/** Hashes every asset and publishes its URL for the pages (views/asset-url.ts). */
export function prepareAssets(assets: Record<string, Asset>): Map<string, ServedAsset> {
  const byServedName = new Map<string, ServedAsset>();
  for (const [name, asset] of Object.entries(assets)) {
    const body = typeof asset.body === 'string' ? new TextEncoder().encode(asset.body) : asset.body;
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const served = { name, hashedName: withHash(name, hash), type: asset.type, body, hash };
    byServedName.set(served.hashedName, served);
    byServedName.set(name, served);
  }
  publishAssetUrls([...byServedName.values()].map((a) => [a.name, `/assets/${a.hashedName}`]));
  return byServedName;
}

/**
 * /assets/:name. A hashed name is kept for a year (`immutable`); the plain name is still served,
 * revalidated each time (an old service worker, a bookmarked icon); a hash that is not the current
 * one is a 404, never today's file under yesterday's name. ETag and If-None-Match on both.
 */
export function assetRoutes(assets: Map<string, ServedAsset>) {
  return new Hono<AppEnv>().get('/:name', async (c) => {
    const name = c.req.param('name');
    const asset = assets.get(name);
    if (!asset) return c.text('Not found', 404);
    const encoding = COMPRESSIBLE.test(asset.type) ? acceptedEncoding(c.req.header('Accept-Encoding')) : undefined;
    const etag = `"${asset.hash}${encoding ? `-${encoding}` : ''}"`;
    const headers: Record<string, string> = {
      'Content-Type': asset.type,
      'Cache-Control': name === asset.hashedName ? 'public, max-age=31536000, immutable' : 'public, no-cache',
      ETag: etag,
      ...(COMPRESSIBLE.test(asset.type) ? { Vary: 'Accept-Encoding' } : {}),
    };
    const known = c.req.header('If-None-Match');
    if (known?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return c.body(null, 304, headers);
    if (!encoding) return c.body(asset.body, 200, headers);
    return c.body(await compressedBody(asset, encoding), 200, { ...headers, 'Content-Encoding': encoding });
  });
}

/**
 * A service worker's script with the list it pre-caches written in front of it, as the current
 * hashed URLs (`assetUrl`): the script changes whenever one of them does, so browsers install the
 * new worker, which caches under a new name. The worker reads `PRECACHE` and `PRECACHE_VERSION`.
 */
export function serviceWorkerScript(worker: Asset, precache: readonly string[]): string {
  const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 10);
  return `const PRECACHE = ${JSON.stringify(precache)};\nconst PRECACHE_VERSION = ${JSON.stringify(version)};\n${String(worker.body)}`;
}

/**
 * The web app manifest of a part of the site that installs as an app of its own (the scanner, "My
 * tickets"): named in the visitor's language, kept to its scope, with the site's icon.
 */
export function webManifest(c: Context<AppEnv>, app: { name: string; scope: string; themeColor: string }) {
  return c.body(
    JSON.stringify({
      name: `FootArena · ${app.name}`,
      short_name: app.name,
      start_url: app.scope,
      scope: app.scope,
      display: 'standalone',
      orientation: 'portrait',
      background_color: '#ffffff',
      theme_color: app.themeColor,
      icons: [{ src: assetUrl('icon.svg'), sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    }),
    200,
    { 'Content-Type': 'application/manifest+json; charset=utf-8' },
  );
}
