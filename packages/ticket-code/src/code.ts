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
//
// This file has no Node.js import: browsers use it through ./web.ts (WebCrypto), servers and gates
// through ./index.ts (node:crypto).
import { decodeBase45 } from './base45.ts';

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

const KEY_ID = /^[0-9a-f]{8}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RAW_KEY = /^[A-Za-z0-9_-]{43}$/;

export const BAD_FORMAT = Object.freeze({ ok: false, error: 'bad_format' } as const);
export const BAD_SIGNATURE = Object.freeze({ ok: false, error: 'bad_signature' } as const);
export const UNKNOWN_KEY = Object.freeze({ ok: false, error: 'unknown_key' } as const);
const DOMAIN_BYTES = new TextEncoder().encode(SIGNATURE_DOMAIN);

/** The unsigned payload: version ‖ keyId ‖ ticketId ‖ matchId (37 bytes). */
export function encode(fields: TicketFields): Uint8Array {
  const { keyId, ticketId, matchId } = fields;
  if (typeof keyId !== 'string' || !KEY_ID.test(keyId)) throw new TypeError('keyId must be 8 hex digits');
  if (typeof ticketId !== 'string' || !UUID.test(ticketId)) throw new TypeError('ticketId must be a UUID');
  if (typeof matchId !== 'string' || !UUID.test(matchId)) throw new TypeError('matchId must be a UUID');
  const payload = new Uint8Array(PAYLOAD_LENGTH);
  payload[0] = FORMAT_VERSION;
  writeHex(payload, keyId, 1);
  writeHex(payload, ticketId.replaceAll('-', ''), 1 + KEY_ID_BYTES);
  writeHex(payload, matchId.replaceAll('-', ''), 1 + KEY_ID_BYTES + 16);
  return payload;
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
  const text = hex(payload);
  return {
    ok: true,
    version: FORMAT_VERSION,
    keyId: text.slice(2, 10),
    ticketId: uuid(text.slice(10, 42)),
    matchId: uuid(text.slice(42, 74)),
    signature: body.slice(PAYLOAD_LENGTH - 1),
    payload,
  };
}

/**
 * Checks a scanned code offline: its format, its key id among the known public keys, its signature.

/** What the signature covers: the domain prefix, then the payload. */
export function signedMessage(payload: Uint8Array): Uint8Array<ArrayBuffer> {
  const message = new Uint8Array(DOMAIN_BYTES.length + payload.length);
  message.set(DOMAIN_BYTES, 0);
  message.set(payload, DOMAIN_BYTES.length);
  return message;
}

/** The key text a set of public keys holds for a key id (own properties only). */
export function publicKeyText(publicKeys: PublicKeys, keyId: string): string | undefined {
  if (typeof publicKeys === 'function') return publicKeys(keyId);
  return publicKeys !== null && typeof publicKeys === 'object' && Object.hasOwn(publicKeys, keyId) ? publicKeys[keyId] : undefined;
}

/** The 32 bytes of a raw key in base64url, or null when the text is not exactly such a key. */
export function rawKey(text: string): Uint8Array<ArrayBuffer> | null {
  if (typeof text !== 'string' || !RAW_KEY.test(text)) return null;
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  // The 43rd character carries 2 unused bits: refuse a second spelling of the same key.
  return bytes.length === 32 && base64url(bytes) === text ? bytes : null;
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

function writeHex(target: Uint8Array, text: string, offset: number): void {
  for (let i = 0; i < text.length; i += 2) target[offset + i / 2] = Number.parseInt(text.slice(i, i + 2), 16);
}

function hasMarker(code: string): boolean {
  for (let i = 0; i < CODE_MARKER.length; i++) {
    const c = code.charCodeAt(i);
    const upper = c >= 0x61 && c <= 0x7a ? c - 0x20 : c;
    if (upper !== CODE_MARKER.charCodeAt(i)) return false;
  }
  return true;
}

function uuid(h: string): string {
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
