import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

// Reads a device without ever blocking: Node reads character devices on its small thread pool, where a
// blocking read would hold a thread until the next key and keep the program from exiting (a read stream's
// destroy() waits for it). Opened O_NONBLOCK instead, each read returns at once (EAGAIN when there is
// nothing), and the reader looks again a few milliseconds later. O_NOCTTY: a serial port never becomes
// the service's controlling terminal; O_NONBLOCK also keeps open() from waiting for a modem's carrier.

export interface PolledDevice {
  stop(): Promise<void>;
}

export interface PollOptions {
  /** How long to wait after the device had nothing. A keyboard's kernel buffer holds 64 events (~10 keys). */
  pollMs?: number;
}

export async function pollDevice(
  path: string,
  onData: (chunk: Buffer) => void,
  onError: (error: Error) => void,
  { pollMs = 8 }: PollOptions = {},
): Promise<PolledDevice> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  // A device read that ends (0 bytes) has been unplugged or hung up. Only FIFOs and files, which stand in
  // for devices in tests and at the bench, may end for now and have more later.
  const hangsUp = (await handle.stat()).isCharacterDevice();
  const buffer = Buffer.alloc(4096);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const fail = (error: Error) => {
    stopped = true;
    onError(error);
  };
  const drain = async () => {
    while (!stopped) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, buffer.length, null));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN' || code === 'EWOULDBLOCK') break;
        return fail(new Error(`Reading ${path} failed: ${code ?? (error as Error).message}`));
      }
      if (bytesRead === 0) {
        if (hangsUp) return fail(new Error(`${path} was disconnected`));
        break;
      }
      onData(Buffer.from(buffer.subarray(0, bytesRead)));
    }
    if (!stopped) timer = setTimeout(() => (running = drain()), pollMs);
  };
  running = drain();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await handle.close();
    },
  };
}
