import { generateKeyPair } from '@footarena/ticket-code';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { clubSigningKey } from '../../db/schema/index.ts';
import { open, seal } from '../secret-box.ts';

/**
 * The club's active signing key, created the first time it is needed (two first sales at once make
 * one key: the partial unique index lets only one active key per club exist).
 */
export async function activeSigningKey(tx: Tx, clubId: string, sealingKey: Buffer): Promise<{ keyId: string; privateKey: string }> {
  const find = () =>
    tx
      .select()
      .from(clubSigningKey)
      .where(and(eq(clubSigningKey.clubId, clubId), isNull(clubSigningKey.retiredAt)));
  let [key] = await find();
  if (!key) {
    const pair = generateKeyPair();
    await tx
      .insert(clubSigningKey)
      .values({ keyId: pair.keyId, clubId, publicKey: pair.publicKey, privateKeySealed: seal(pair.privateKey, sealingKey) })
      .onConflictDoNothing();
    [key] = await find();
  }
  return { keyId: key!.keyId, privateKey: open(key!.privateKeySealed, sealingKey) };
}
