// Ticket codes checked in a browser (the steward's scanner offline) with WebCrypto's Ed25519: the same
// format and parser as the server (./code.ts), so both give the same answer for every text.
import { BAD_SIGNATURE, type PublicKeys, parse, publicKeyText, rawKey, signedMessage, UNKNOWN_KEY, type VerifyResult } from './code.ts';

export * from './code.ts';
export * from './short-code.ts';

const imported = new Map<string, Promise<CryptoKey | null>>();

function importPublicKey(text: string): Promise<CryptoKey | null> {
  let key = imported.get(text);
  if (!key) {
    const raw = rawKey(text);
    key = raw ? crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']).catch(() => null) : Promise.resolve(null);
    if (imported.size >= 4096) imported.clear();
    imported.set(text, key);
  }
  return key;
}

/** verify() of ./index.ts, for browsers: never rejects, answers with the same fixed error codes. */
export async function verifyInBrowser(code: string, publicKeys: PublicKeys): Promise<VerifyResult> {
  const parsed = parse(code);
  if (!parsed.ok) return parsed;
  const keyText = publicKeyText(publicKeys, parsed.keyId);
  const key = typeof keyText === 'string' ? await importPublicKey(keyText) : null;
  if (!key) return UNKNOWN_KEY;
  const signature = new Uint8Array(parsed.signature);
  const valid = await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, signedMessage(parsed.payload)).catch(() => false);
  if (!valid) return BAD_SIGNATURE;
  return { ok: true, keyId: parsed.keyId, ticketId: parsed.ticketId, matchId: parsed.matchId };
}
