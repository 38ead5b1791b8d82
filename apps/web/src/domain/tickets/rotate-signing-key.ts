import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { clubSigningKey } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { SalesConfig } from '../sales/fees.ts';
import { activeSigningKey } from './signing-key.ts';

/**
 * Retires the club's signing key and makes a new one: tickets issued from now on carry the new key
 * id; tickets already issued keep their code and stay valid (their key stays known, retired, so
 * devices can verify them until their match is over).
 */
export async function rotateSigningKey(
  tx: Tx,
  { config }: { config: Pick<SalesConfig, 'ticketSealingKey'> },
  input: { actor: Actor; clubId: string },
): Promise<string> {
  await tx
    .update(clubSigningKey)
    .set({ retiredAt: new Date() })
    .where(and(eq(clubSigningKey.clubId, input.clubId), isNull(clubSigningKey.retiredAt)));
  const { keyId } = await activeSigningKey(tx, input.clubId, config.ticketSealingKey);
  await recordActivity(tx, { clubId: input.clubId, actor: input.actor, action: 'club.key_rotated', details: { keyId } });
  return keyId;
}
