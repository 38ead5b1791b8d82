import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Stored instead of the secret itself: a leaked database gives no device token or pairing code. */
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('base64url');

// Typed by a person from the back office screen: no 0/O, 1/I/L.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const newPairingCode = () => Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
export const newDeviceToken = () => randomBytes(32).toString('base64url');
export const PAIRING_MINUTES = 15;

/** A fresh one-time pairing code (shown once) and the columns that store it, hashed, with its expiry. */
export function newPairing(now: Date) {
  const code = newPairingCode();
  return { code, columns: { pairingCodeHash: hashSecret(code), pairingExpiresAt: new Date(now.getTime() + PAIRING_MINUTES * 60_000) } };
}
