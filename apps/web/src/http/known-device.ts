import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AttemptKey } from '../domain/accounts/sign-in-policy.ts';
import { clientIp } from './client-ip.ts';
import type { AppEnv } from './types.ts';

// A browser that signed in to an address before carries a mark for it (decision 009): its own random
// id and, per address, an HMAC only this server can make. It is read by the sign-in form alone.
const COOKIE = 'fa_known';
const PATH = '/sign-in';
const MAX_ADDRESSES = 5; // a family's shared tablet
const MAX_AGE_SECONDS = 400 * 24 * 3600; // the longest browsers keep a cookie
const PART = /^[\w-]{22}$/; // 16 bytes in base64url

function markOf(c: Context<AppEnv>, deviceId: string, email: string) {
  return createHmac('sha256', c.get('deps').config.cookieSecret)
    .update(`known-device\0${deviceId}\0${email.toLowerCase()}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

function readCookie(c: Context<AppEnv>) {
  const [deviceId = '', ...marks] = (getCookie(c, COOKIE) ?? '').split('.');
  if (!PART.test(deviceId)) return null;
  return { deviceId, marks: marks.filter((m) => PART.test(m)).slice(0, MAX_ADDRESSES) };
}

/** The browser's id if it signed in to this address before, else null. */
function knownDevice(c: Context<AppEnv>, email: string): string | null {
  const cookie = readCookie(c);
  if (!cookie) return null;
  const expected = Buffer.from(markOf(c, cookie.deviceId, email));
  return cookie.marks.some((m) => timingSafeEqual(Buffer.from(m), expected)) ? cookie.deviceId : null;
}

/**
 * The attempt keys of a sign-in, narrowest first. A browser the owner used before counts only
 * against itself and its IP address; any other is counted per IP address and per address overall.
 */
export function signInAttemptKeys(c: Context<AppEnv>, email: string): AttemptKey[] {
  const ip = clientIp(c);
  const device = knownDevice(c, email);
  if (device) {
    return [
      { kind: 'emailFrom', value: `${email}|device:${device}` },
      { kind: 'ip', value: ip },
    ];
  }
  return [
    { kind: 'emailFrom', value: `${email}|ip:${ip}` },
    { kind: 'ip', value: ip },
    { kind: 'email', value: email },
  ];
}

/** After a successful sign-in: this browser is known for this address from now on. */
export function rememberDevice(c: Context<AppEnv>, email: string) {
  const cookie = readCookie(c);
  const deviceId = cookie?.deviceId ?? randomBytes(16).toString('base64url');
  const mark = markOf(c, deviceId, email);
  const marks = [mark, ...(cookie?.marks ?? []).filter((m) => m !== mark)].slice(0, MAX_ADDRESSES);
  setCookie(c, COOKIE, [deviceId, ...marks].join('.'), {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('deps').config.secureCookies,
    path: PATH,
    maxAge: MAX_AGE_SECONDS,
  });
}
