import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import path from 'node:path';
import { type OfflineScan, PASSAGE_EVENTS, PairResponse } from '@footarena/gate-protocol';
import { z } from 'zod';

// What the gate keeps on disk in its data folder, written atomically (a temporary file, flushed, then
// renamed) so that a power cut leaves either the old or the new file, never half of one. An offline
// admission is on disk before the gate opens.

const Lists = z.object({
  matchId: z.uuid(),
  cursor: z.string().nullable(),
  keys: z.record(z.string(), z.string()),
  revoked: z.array(z.string()),
  used: z.array(z.string()),
  gatesOpenAt: z.string().nullable(),
  /** The season products covering the match, and season pass id → its row here (absent in lists saved before). */
  seasonProducts: z.array(z.string()).optional(),
  passes: z.record(z.string(), z.string()).optional(),
});
export type Lists = z.infer<typeof Lists>;

const Queued = z.object({
  matchId: z.uuid(),
  code: z.string(),
  nonce: z.string(),
  scannedAt: z.string(),
  result: z.string(),
});
export type Queued = OfflineScan & { matchId: string };

const PassageEvent = z.object({
  id: z.uuid(),
  kind: z.enum(PASSAGE_EVENTS),
  matchId: z.uuid(),
  ticketId: z.uuid().nullable(),
  at: z.string(),
});
export type PassageEvent = z.infer<typeof PassageEvent>;

export class GateStore {
  device: PairResponse | null;
  lists: Lists | null;
  queue: Queued[];
  events: PassageEvent[];
  private writing = Promise.resolve();

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.device = read(this.file('device.json'), PairResponse);
    this.lists = read(this.file('lists.json'), Lists);
    this.queue = (read(this.file('queue.json'), z.array(Queued)) ?? []) as Queued[];
    this.events = read(this.file('events.json'), z.array(PassageEvent)) ?? [];
  }

  async saveDevice(device: PairResponse) {
    this.device = device;
    await this.write('device.json', device, 0o600);
  }

  async saveLists(lists: Lists) {
    this.lists = lists;
    await this.write('lists.json', lists);
  }

  /** Adds scans made offline; resolves once they are safely on disk. */
  async enqueue(scan: Queued) {
    this.queue.push(scan);
    await this.write('queue.json', this.queue);
  }

  /** Forgets the scans the server has answered. */
  async dequeue(nonces: ReadonlySet<string>) {
    this.queue = this.queue.filter((q) => !nonces.has(q.nonce));
    await this.write('queue.json', this.queue);
  }

  async addEvent(event: Omit<PassageEvent, 'id'>) {
    this.events.push({ id: randomUUID(), ...event });
    // A gate offline for a whole match keeps the most recent events.
    if (this.events.length > 1000) this.events.splice(0, this.events.length - 1000);
    await this.write('events.json', this.events);
  }

  async forgetEvents(ids: ReadonlySet<string>) {
    this.events = this.events.filter((e) => !ids.has(e.id));
    await this.write('events.json', this.events);
  }

  /** Writes run one after the other, each to a flushed temporary file renamed over the old one. */
  private write(name: string, value: unknown, mode = 0o644) {
    const text = JSON.stringify(value);
    const next = this.writing.then(async () => {
      const target = this.file(name);
      const temporary = `${target}.${process.pid}.tmp`;
      const handle = await open(temporary, 'w', mode);
      try {
        await handle.writeFile(text);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
      // The rename itself survives a power cut once the folder is flushed too.
      const folder = await open(this.dir, 'r');
      await folder.sync().finally(() => folder.close());
    });
    this.writing = next.catch(() => {});
    return next;
  }

  private file(name: string) {
    return path.join(this.dir, name);
  }
}

/**
 * A file of the data folder, or null when missing. One that cannot be read (written by hand, a failing
 * card) is set aside as `<name>.corrupt`, never overwritten, so that its scans can still be recovered.
 */
function read<S extends z.ZodType>(file: string, schema: S): z.infer<S> | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {}
  renameSync(file, `${file}.corrupt`);
  return null;
}
