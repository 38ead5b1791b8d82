// How many attempts one key may make in a window before it is locked for LOCK_MINUTES. Per
// address it stops guessing one account's password; per IP address it stops spraying many
// accounts; "mail" counts requests that send e-mail (sign-up, forgotten password) per IP address.
// Pairing codes are guessed like passwords: "pair" per IP address, "pairAll" from everywhere at
// once (one key), so that many addresses together cannot guess faster either.
export const ATTEMPT_POLICY = {
  windowMinutes: 15,
  lockMinutes: 15,
  maxAttempts: { email: 5, ip: 50, mail: 10, pair: 20, pairAll: 1000 },
} as const;

export type AttemptKey = { kind: keyof typeof ATTEMPT_POLICY.maxAttempts; value: string };

export const attemptKey = (key: AttemptKey) => `${key.kind}:${key.value.toLowerCase()}`;
