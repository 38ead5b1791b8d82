import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { device } from '../../db/schema/index.ts';

export async function listDevices(db: Executor, clubId: string) {
  return db
    .select({
      id: device.id,
      name: device.name,
      kind: device.kind,
      paired: sql<boolean>`${device.tokenHash} is not null`,
      revokedAt: device.revokedAt,
      pairingExpiresAt: device.pairingExpiresAt,
    })
    .from(device)
    .where(eq(device.clubId, clubId))
    .orderBy(asc(device.name));
}
