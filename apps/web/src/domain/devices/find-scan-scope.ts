import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { match } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { type DeviceScope, scopeStands } from './list-device-matches.ts';

/**
 * Where a device scans: the match it names, if it is its club's (else not_found), its gate opening
 * time, whether it allows re-entry, and the stands it may admit there (forbidden where the club restricted the device).
 */
export async function findScanScope(db: Executor, device: DeviceScope, matchId: string, standId?: string) {
  const [own] = await db
    .select({ id: match.id, gatesOpenAt: match.gatesOpenAt, allowReentry: match.allowReentry })
    .from(match)
    .where(and(eq(match.id, matchId), eq(match.clubId, device.clubId)));
  if (!own) throw new DomainError('not_found');
  const standIds = scopeStands(device, matchId, standId);
  if (standIds === 'forbidden') throw new DomainError('forbidden');
  return { match: own, standIds };
}
