import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { clubSigningKey } from '../../db/schema/index.ts';
import { activeSigningKey } from './signing-key.ts';

/**
 * Retires the club's signing key and makes a new one: tickets issued from now on carry the new key
 * id; tickets already issued keep their code and stay valid (their key stays known, retired, so
 * devices can verify them until their match is over).
 */
export async function rotateSigningKey(tx: Tx, clubId: string, sealingKey: Buffer): Promise<string> {
  await tx
    .update(clubSigningKey)
    .set({ retiredAt: new Date() })
    .where(and(eq(clubSigningKey.clubId, clubId), isNull(clubSigningKey.retiredAt)));
  return (await activeSigningKey(tx, clubId, sealingKey)).keyId;
}
