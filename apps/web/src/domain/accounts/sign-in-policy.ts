// How many attempts one key may make in a window before it is locked for LOCK_MINUTES (decision 009).
// - emailFrom: one address from one place — an IP address, or a browser that signed in to it
//   before — stops guessing one account's password without letting a stranger elsewhere lock it;
// - ip: one IP address, any address — stops spraying many accounts;
// - email: one address from every place but the browsers its owner used — stops guessing spread
//   over many IP addresses, at a threshold one stranger alone cannot reach;
// - confirm: a signed-in person confirming with their password (account deletion);
// - mail: requests that send e-mail (sign-up, forgotten password) per IP address;
// - pair / pairAll: pairing codes, guessed like passwords, per IP address and from everywhere (one key).
export const ATTEMPT_POLICY = {
  windowMinutes: 15,
  lockMinutes: 15,
  maxAttempts: { emailFrom: 5, ip: 50, email: 50, confirm: 5, mail: 10, pair: 20, pairAll: 1000 },
} as const;

export type AttemptKey = { kind: keyof typeof ATTEMPT_POLICY.maxAttempts; value: string };

/** Keys a success clears; the others only get back the attempt it spent (a stranger's count stays). */
export const CLEARED_BY_SUCCESS: ReadonlySet<AttemptKey['kind']> = new Set(['emailFrom', 'confirm']);

export const attemptKey = (key: AttemptKey) => `${key.kind}:${key.value.toLowerCase()}`;
