// Signed ticket codes for servers and gates (node:crypto). The format and the parsing live in
// ./code.ts, shared with browsers (./web.ts). Choices: ../README.md.
//
// parse and verify take untrusted text and never throw: they answer with a fixed error code.
// encode and sign take the server's own data and throw a TypeError on a malformed id or key (a bug).
import {
  createPrivateKey,
  createPublicKey,
  sign as cryptoSign,
  verify as cryptoVerify,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { encodeBase45 } from './base45.ts';
import {
  BAD_SIGNATURE,
  CODE_MARKER,
  encode,
  KEY_ID_BYTES,
  type KeyPair,
  PAYLOAD_LENGTH,
  type PublicKeys,
  parse,
  publicKeyText,
  rawKey,
  SIGNATURE_LENGTH,
  signedMessage,
  type TicketFields,
  UNKNOWN_KEY,
  type VerifyResult,
} from './code.ts';

export * from './code.ts';
export * from './short-code.ts';

// DER wrappers of a raw Ed25519 key (RFC 8410): PKCS#8 for the private seed, SPKI for the public key.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function generateKeyPair(): KeyPair {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return { keyId: randomBytes(KEY_ID_BYTES).toString('hex'), publicKey: jwk.x!, privateKey: jwk.d! };
}

/** The full code text for a ticket, signed with the club's private key (base64url, see KeyPair). */
export function sign(fields: TicketFields, privateKey: string): string {
  const key = importPrivateKey(privateKey);
  if (!key) throw new TypeError('privateKey must be a raw Ed25519 key in base64url (43 characters)');
  const payload = encode(fields);
  const signature = cryptoSign(null, signedMessage(payload), key);
  const body = new Uint8Array(PAYLOAD_LENGTH - 1 + SIGNATURE_LENGTH);
  body.set(payload.subarray(1), 0);
  body.set(signature, PAYLOAD_LENGTH - 1);
  return CODE_MARKER + encodeBase45(body);
}

/**
 * Checks a scanned code offline: its format, its key id among the known public keys, its signature.
 * A public key that is not a valid raw Ed25519 key counts as unknown.
 */
export function verify(code: string, publicKeys: PublicKeys): VerifyResult {
  const parsed = parse(code);
  if (!parsed.ok) return parsed;
  const keyText = publicKeyText(publicKeys, parsed.keyId);
  const key = typeof keyText === 'string' ? importPublicKey(keyText) : null;
  if (!key) return UNKNOWN_KEY;
  let valid: boolean;
  try {
    valid = cryptoVerify(null, signedMessage(parsed.payload), key, parsed.signature);
  } catch {
    valid = false;
  }
  if (!valid) return BAD_SIGNATURE;
  return { ok: true, keyId: parsed.keyId, ticketId: parsed.ticketId, matchId: parsed.matchId };
}

// Imported keys, per key text. Bounded: a full cache is emptied rather than grown.
const publicKeyCache = new Map<string, KeyObject | null>();
const privateKeyCache = new Map<string, KeyObject | null>();

function cached(cache: Map<string, KeyObject | null>, limit: number, text: string, load: () => KeyObject | null) {
  let key = cache.get(text);
  if (key === undefined) {
    try {
      key = load();
    } catch {
      key = null;
    }
    if (cache.size >= limit) cache.clear();
    cache.set(text, key);
  }
  return key;
}

function importPublicKey(text: string): KeyObject | null {
  return cached(publicKeyCache, 4096, text, () => {
    const raw = rawKey(text);
    return raw && createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
  });
}

function importPrivateKey(text: string): KeyObject | null {
  return cached(privateKeyCache, 64, text, () => {
    const raw = rawKey(text);
    return raw && createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, raw]), format: 'der', type: 'pkcs8' });
  });
}
