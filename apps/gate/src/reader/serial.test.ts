import { execFile } from 'node:child_process';
import { chmod, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runScript, SRC } from '../testing/run-script.ts';
import { createSerialReader } from './serial.ts';

let dir: string;
let fifo: string;
let stty: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gate-serial-'));
  // A FIFO stands in for /dev/ttyACM0 (no pty here); a script stands in for stty and notes its arguments.
  fifo = join(dir, 'ttyACM0');
  await promisify(execFile)('mkfifo', [fifo]);
  stty = join(dir, 'stty');
  await writeFile(stty, `#!/bin/sh\nprintf '%s\\n' "$@" > ${JSON.stringify(`${stty}.args`)}\n`);
  await chmod(stty, 0o755);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the serial reader', () => {
  it('sets the line raw without echo, then gives each line ended by CR or LF, whole', async () => {
    const writer = await open(fifo, 'r+');
    const codes: string[] = [];
    const reader = createSerialReader(fifo, { stty });
    await reader.start(
      (code) => codes.push(code),
      (error) => expect.fail(error.message),
    );
    expect((await readFile(`${stty}.args`, 'utf8')).split('\n')).toEqual(['-F', fifo, 'raw', '-echo', '']);
    await writer.write('FA1:AB C$%*+-./:\r');
    await writer.write('FA1:CR');
    await new Promise((resolve) => setTimeout(resolve, 30));
    await writer.write('LF\r\nFA1:LF\n');
    await vi.waitFor(() => expect(codes).toEqual(['FA1:AB C$%*+-./:', 'FA1:CRLF', 'FA1:LF']));
    await reader.stop();
    await writer.close();
  });

  it('drops half a line left by a pause, and a line longer than 512 characters', async () => {
    const writer = await open(fifo, 'r+');
    let clock = 0;
    const codes: string[] = [];
    const reader = createSerialReader(fifo, { stty, now: () => clock });
    await reader.start(
      (code) => codes.push(code),
      (error) => expect.fail(error.message),
    );
    await writer.write('FA1:HA');
    await new Promise((resolve) => setTimeout(resolve, 40));
    clock = 1000;
    await writer.write(`FA1:NEW\r${'A'.repeat(513)}\rFA1:LAST\r`);
    await vi.waitFor(() => expect(codes).toEqual(['FA1:NEW', 'FA1:LAST']));
    await reader.stop();
    await writer.close();
  });

  it('says why when the line cannot be set raw', async () => {
    await writeFile(stty, '#!/bin/sh\necho "stty: /dev/ttyACM0: No such file or directory" >&2\nexit 1\n');
    await expect(
      createSerialReader('/dev/ttyACM0', { stty }).start(
        () => {},
        () => {},
      ),
    ).rejects.toThrow('Cannot set /dev/ttyACM0 to raw mode with stty: stty: /dev/ttyACM0: No such file or directory');
  });

  it('stops without waiting for a byte: its process exits by itself while the port stays open and silent', async () => {
    const writer = await open(fifo, 'r+');
    await writer.write('FA1:SERIAL\r');
    const script = `
      import { createSerialReader } from ${JSON.stringify(join(SRC, 'reader/serial.ts'))};
      const reader = createSerialReader(${JSON.stringify(fifo)}, { stty: ${JSON.stringify(stty)} });
      const code = await new Promise((resolve, reject) => reader.start(resolve, reject).catch(reject));
      await reader.stop();
      console.log(code);
    `;
    const result = await runScript(dir, script, { timeoutMs: 8000 });
    await writer.close();
    expect(result).toMatchObject({ timedOut: false, code: 0, stdout: 'FA1:SERIAL\n', stderr: '' });
  });
});
