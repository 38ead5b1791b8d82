// (Plain TypeScript that Node runs as it is: scripts/start.mjs imports it before anything is built.)
// What the build of `npm start` is made from, as one fingerprint: every file of the server's sources,
// the shared packages and the lock file (path, size, time). The build writes it next to its output;
// `npm start` builds again only when it differs.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const appDir = fileURLToPath(new URL('../..', import.meta.url));
export const distDir = path.join(appDir, 'dist');
const stampFile = path.join(distDir, 'stamp.json');
const INPUTS = ['src', 'public', 'package.json', '../../packages', '../../package-lock.json'];

export function inputStamp(): string {
  const hash = createHash('sha256');
  const visit = (file: string): void => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      if (path.basename(file) === 'node_modules') return;
      for (const name of readdirSync(file).sort()) visit(path.join(file, name));
    } else hash.update(`${path.relative(appDir, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  for (const input of INPUTS) visit(path.join(appDir, input));
  return hash.digest('hex');
}

/** Whether dist/ holds the build of the sources as they are now. */
export function builtStamp(): string | null {
  return existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')).inputs : null;
}

export const stampPath = stampFile;
