import { constants } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';

// Sysfs attributes are tiny text files whose writes are commands: open, write, close each time, so a
// value is never half-written nor kept open across a device's removal.

export async function readSysfs(path: string): Promise<string> {
  return (await readFile(path, 'utf8')).trim();
}

export async function writeSysfs(path: string, value: string | number): Promise<void> {
  // Write-only and without O_CREAT: `export` is mode 0200 (O_RDWR would be refused), and a missing
  // attribute must be an error (ENOENT), never a new file.
  await writeFile(path, String(value), { flag: constants.O_WRONLY });
}
