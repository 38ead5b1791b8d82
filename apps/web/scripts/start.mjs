// `npm start`: builds what can be built once (src/cli/build.ts) when the sources changed since the last
// build, then runs the built server in this same process: no TypeScript compiled at each start.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { appDir, builtStamp, distDir, inputStamp } from '../src/cli/build-stamp.ts';

if (builtStamp() !== inputStamp()) {
  console.log('Building FootArena (once, and again after the sources change)…');
  const tsx = path.join(appDir, '../../node_modules/.bin/tsx');
  const built = spawnSync(tsx, ['src/cli/build.ts'], { cwd: appDir, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
await import(pathToFileURL(path.join(distDir, 'main.mjs')).href);
