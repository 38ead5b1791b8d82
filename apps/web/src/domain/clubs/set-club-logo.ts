import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { clubLogo, organization } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';

export const LOGO_MAX_BYTES = 200 * 1024;

// Recognised by their first bytes, never by the name or the type the browser claims. No SVG: it can
// carry script.
const SIGNATURES: { type: string; test: (b: Uint8Array) => boolean }[] = [
  { type: 'image/png', test: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x) },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: 'image/webp',
    test: (b) => String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP',
  },
];

export function sniffImageType(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find((s) => s.test(bytes))?.type;
}

/** Stores the club's logo and points the club at its URL, which changes with the content (cache-safe). */
export async function setClubLogo(tx: Tx, _ctx: Ctx, input: { actor: Actor; clubId: string; bytes: Uint8Array }): Promise<string> {
  const { clubId, bytes } = input;
  if (bytes.byteLength > LOGO_MAX_BYTES) throw new DomainError('image_too_large', { max: LOGO_MAX_BYTES / 1024 });
  const contentType = sniffImageType(bytes);
  if (!contentType) throw new DomainError('bad_image');
  const version = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const url = `/logos/${clubId}?v=${version}`;
  const values = { clubId, contentType, bytes, size: bytes.byteLength, updatedAt: new Date() };
  await tx.insert(clubLogo).values(values).onConflictDoUpdate({ target: clubLogo.clubId, set: values });
  await tx.update(organization).set({ logo: url }).where(eq(organization.id, clubId));
  await recordActivity(tx, { clubId, actor: input.actor, action: 'club.logo_changed', details: { bytes: bytes.byteLength } });
  return url;
}
