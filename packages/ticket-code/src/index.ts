// Signed ticket codes (DESIGN invariant 4, "tickets verify offline"): what a ticket's QR holds, made by
// the web app with the club's Ed25519 private key and checked by scanners and gates with only the public
// keys. Format and choices: ../README.md.
//
//   text      = "FA1:" base45(keyId ‖ ticketId ‖ matchId ‖ signature)        154 characters, QR 6-M
//   payload   = version ‖ keyId ‖ ticketId ‖ matchId                          1 + 4 + 16 + 16 = 37 bytes
//   signature = Ed25519(privateKey, SIGNATURE_DOMAIN ‖ payload)               64 bytes
//
// The version byte is signed but travels as the digit of the marker ("FA1:"), which keeps the code at
// 154 characters: the largest that fits a version 6 QR code at error correction level M.
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
import { decodeBase45, encodeBase45 } from './base45.ts';

export { BASE45_ALPHABET } from './base45.ts';

export const FORMAT_VERSION = 1;
export const CODE_MARKER = `FA${FORMAT_VERSION}:`;
/** Signed before the payload so that a ticket signature can never pass for another kind of message. */
export const SIGNATURE_DOMAIN = 'FootArena ticket-code\0';
export const KEY_ID_BYTES = 4;
export const PAYLOAD_LENGTH = 1 + KEY_ID_BYTES + 16 + 16;
export const SIGNATURE_LENGTH = 64;
/** Every code has exactly this many characters. */
export const CODE_LENGTH = CODE_MARKER.length + 150; // base45 of 36 + 64 = 100 bytes

export const TICKET_CODE_ERRORS = ['bad_format', 'bad_signature', 'unknown_key'] as const;
export type TicketCodeError = (typeof TICKET_CODE_ERRORS)[number];

export type TicketFields = {
  /** 8 lowercase hex digits (4 bytes); uppercase is accepted on input. */
  keyId: string;
  /** A UUID, canonical lowercase on output; uppercase is accepted on input. */
  ticketId: string;
  matchId: string;
};

export type KeyPair = {
  keyId: string;
  /** Raw 32-byte Ed25519 public key, base64url without padding (43 characters). */
  publicKey: string;
  /** Raw 32-byte Ed25519 private key (the seed), base64url without padding (43 characters). Secret. */
  privateKey: string;
};

export type ParseResult =
  | ({ ok: true; version: number; signature: Uint8Array; payload: Uint8Array } & TicketFields)
  | { ok: false; error: 'bad_format' };

export type VerifyResult = ({ ok: true } & TicketFields) | { ok: false; error: TicketCodeError };

/** keyId → public key (base64url), as a record or a lookup function. */
export type PublicKeys = Readonly<Record<string, string>> | ((keyId: string) => string | undefined);

const BAD_FORMAT = Object.freeze({ ok: false, error: 'bad_format' } as const);
const BAD_SIGNATURE = Object.freeze({ ok: false, error: 'bad_signature' } as const);
const UNKNOWN_KEY = Object.freeze({ ok: false, error: 'unknown_key' } as const);

const KEY_ID = /^[0-9a-f]{8}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RAW_KEY = /^[A-Za-z0-9_-]{43}$/;
// DER wrappers of a raw Ed25519 key (RFC 8410): PKCS#8 for the private seed, SPKI for the public key.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const DOMAIN_BYTES = Buffer.from(SIGNATURE_DOMAIN, 'latin1');

export function generateKeyPair(): KeyPair {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return { keyId: randomBytes(KEY_ID_BYTES).toString('hex'), publicKey: jwk.x!, privateKey: jwk.d! };
}

/** The unsigned payload: version ‖ keyId ‖ ticketId ‖ matchId (37 bytes). */
export function encode(fields: TicketFields): Uint8Array {
  const { keyId, ticketId, matchId } = fields;
  if (typeof keyId !== 'string' || !KEY_ID.test(keyId)) throw new TypeError('keyId must be 8 hex digits');
  if (typeof ticketId !== 'string' || !UUID.test(ticketId)) throw new TypeError('ticketId must be a UUID');
  if (typeof matchId !== 'string' || !UUID.test(matchId)) throw new TypeError('matchId must be a UUID');
  const payload = Buffer.alloc(PAYLOAD_LENGTH);
  payload[0] = FORMAT_VERSION;
  payload.write(keyId, 1, 'hex');
  payload.write(ticketId.replaceAll('-', ''), 1 + KEY_ID_BYTES, 'hex');
  payload.write(matchId.replaceAll('-', ''), 1 + KEY_ID_BYTES + 16, 'hex');
  return new Uint8Array(payload.buffer, payload.byteOffset, payload.length);
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
 * Reads a code without checking its signature. ASCII lowercase is read as uppercase (a keyboard-wedge
 * reader with Caps Lock on); anything else that is not exactly a code is bad_format.
 */
export function parse(code: string): ParseResult {
  if (typeof code !== 'string' || code.length !== CODE_LENGTH || !hasMarker(code)) return BAD_FORMAT;
  const body = decodeBase45(code, CODE_MARKER.length);
  if (!body || body.length !== PAYLOAD_LENGTH - 1 + SIGNATURE_LENGTH) return BAD_FORMAT;
  const payload = new Uint8Array(PAYLOAD_LENGTH);
  payload[0] = FORMAT_VERSION;
  payload.set(body.subarray(0, PAYLOAD_LENGTH - 1), 1);
  const hex = Buffer.from(payload.buffer, payload.byteOffset, payload.length).toString('hex');
  return {
    ok: true,
    version: FORMAT_VERSION,
    keyId: hex.slice(2, 10),
    ticketId: uuid(hex.slice(10, 42)),
    matchId: uuid(hex.slice(42, 74)),
    signature: body.slice(PAYLOAD_LENGTH - 1),
    payload,
  };
}

/**
 * Checks a scanned code offline: its format, its key id among the known public keys, its signature.
 * A public key that is not a valid raw Ed25519 key counts as unknown.
 */
export function verify(code: string, publicKeys: PublicKeys): VerifyResult {
  const parsed = parse(code);
  if (!parsed.ok) return parsed;
  const keyText = typeof publicKeys === 'function' ? publicKeys(parsed.keyId) : ownValue(publicKeys, parsed.keyId);
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

function signedMessage(payload: Uint8Array): Buffer {
  return Buffer.concat([DOMAIN_BYTES, payload]);
}

function hasMarker(code: string): boolean {
  for (let i = 0; i < CODE_MARKER.length; i++) {
    const c = code.charCodeAt(i);
    const upper = c >= 0x61 && c <= 0x7a ? c - 0x20 : c;
    if (upper !== CODE_MARKER.charCodeAt(i)) return false;
  }
  return true;
}

function uuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function ownValue(record: Readonly<Record<string, string>>, key: string): string | undefined {
  return record !== null && typeof record === 'object' && Object.hasOwn(record, key) ? record[key] : undefined;
}

function rawKey(text: string): Buffer | null {
  if (typeof text !== 'string' || !RAW_KEY.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  // The 43rd character carries 2 unused bits: refuse a second spelling of the same key.
  return bytes.length === 32 && bytes.toString('base64url') === text ? bytes : null;
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
