// Failed sign-ins tolerated per key in one window before the key is locked for LOCK_MINUTES.
// Per address it stops guessing one account's password; per IP address it stops spraying many.
export const SIGN_IN_POLICY = {
  windowMinutes: 15,
  lockMinutes: 15,
  maxFailures: { email: 5, ip: 50 },
} as const;

export type ThrottleKey = { kind: 'email' | 'ip'; value: string };

export const throttleKey = (key: ThrottleKey) => `${key.kind}:${key.value.toLowerCase()}`;
