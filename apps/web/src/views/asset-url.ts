// The URL of each static asset with its content hash, for pages and service workers alike:
// `assetUrl('scanner.js')` → `/assets/scanner.3f9a2c81d0.js`. The app publishes the table when it
// starts (http/assets.ts); the hashes depend only on the files, so every app of a process agrees.
const urls = new Map<string, string>();

/** The hashed URL of an asset of /assets (`app.css`, `scanner.js`, `zxing_reader.wasm`…). */
export function assetUrl(name: string): string {
  const url = urls.get(name);
  if (!url) throw new Error(`No asset "${name}" (is it in public/ or client/, and was the app created?)`);
  return url;
}

export function publishAssetUrls(entries: Iterable<[name: string, url: string]>) {
  for (const [name, url] of entries) urls.set(name, url);
}
