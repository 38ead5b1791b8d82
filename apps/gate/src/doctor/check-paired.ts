import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { CheckResult, DoctorContext } from './check.ts';

// The gate was paired with its club: the device API's pair answer is kept in <dataDir>/device.json.

const Device = z.object({ deviceId: z.string().min(1), token: z.string().min(1), clubId: z.string().min(1), name: z.string() });

const PAIR =
  'Pair it: in the back office open "Scanners and gates", add a gate, and enter its pairing code on the gate (GUIDE.md, step 10)';

export async function checkPaired({ config }: DoctorContext): Promise<CheckResult> {
  const part = 'Pairing';
  const file = join(config.dataDir, 'device.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, part, summary: 'This gate is not paired with a club yet', details: [PAIR] };
    if (code === 'EACCES') {
      return { ok: false, part, summary: `This user may not read ${file}`, details: [`sudo chown -R footarena-gate: ${config.dataDir}`] };
    }
    throw error;
  }
  let device: z.infer<typeof Device>;
  try {
    device = Device.parse(JSON.parse(text));
  } catch {
    return { ok: false, part, summary: `${file} is damaged`, details: [`Delete it, then pair again. ${PAIR}`] };
  }
  return { ok: true, part, summary: `Paired as "${device.name}" (device ${device.deviceId})` };
}
