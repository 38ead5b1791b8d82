import { z } from 'zod';

// The only reader of process.env: parsed once, refused at start with the name of the bad variable.
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    BASE_URL: z.url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().min(3).default('FootArena <no-reply@footarena.local>'),
    PLATFORM_ADMIN_EMAIL: z.email().optional(),
    PLATFORM_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    SEED_DEMO: bool.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: bool.default(false),
    // FootArena's commission, paid by the buyer on top of the ticket prices (see docs/decisions/006).
    PLATFORM_FEE_PERCENT: z.coerce.number().min(0).max(50).default(10),
    PLATFORM_FEE_FIXED_CENTS: z.coerce.number().int().min(0).max(1000).default(0),
    // Stripe: without a secret key, the demo provider takes payments (no money moves).
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_test_… or sk_live_…)')
      .optional(),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_\w+$/, 'must be a webhook signing secret (whsec_…)')
      .optional(),
    // Seals the clubs' ticket-signing keys at rest; defaults to a key derived from AUTH_SECRET.
    TICKET_KEYS_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    // Production only: accept the demo payment provider (no money moves) on purpose.
    DEMO_PAYMENTS: bool.default(false),
    // Tests only: the local fake Stripe server the SDK talks to instead of Stripe.
    STRIPE_API_URL: z.url().optional(),
    // How long seats stay held for a buyer who is paying.
    HOLD_MINUTES: z.coerce.number().int().min(5).max(60).default(15),
  })
  .superRefine((env, ctx) => {
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['STRIPE_WEBHOOK_SECRET'], message: 'is required with STRIPE_SECRET_KEY' });
    }
    if (env.NODE_ENV !== 'production') return;
    for (const key of ['AUTH_SECRET', 'BASE_URL', 'SMTP_URL'] as const) {
      if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
    }
    if (env.STRIPE_API_URL) ctx.addIssue({ code: 'custom', path: ['STRIPE_API_URL'], message: 'is for tests only' });
    // A production site without Stripe would hand out real tickets for demo "payments".
    if (!env.STRIPE_SECRET_KEY && !env.DEMO_PAYMENTS) {
      ctx.addIssue({
        code: 'custom',
        path: ['STRIPE_SECRET_KEY'],
        message: 'is required in production (or set DEMO_PAYMENTS=true on purpose)',
      });
    }
  });

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable means "unset", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
  throw new EnvError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`);
}
