import type { Logger } from 'pino';
import type Stripe from 'stripe';
import type { Database, Db } from './db/client.ts';
import type { Outbox } from './domain/outbox.ts';
import type { SalesConfig } from './domain/sales/fees.ts';
import type { PaymentProvider } from './domain/sales/payment-provider.ts';
import type { Auth } from './integrations/auth/auth.ts';
import type { MailTransport } from './integrations/mail/transport.ts';
import type { Jobs } from './jobs/jobs.ts';

// What the app runs on, built once by boot.ts and handed to createApp(): the composition root's
// contract, apart from both so that neither imports the other.

/** A browser module bundled at start (client/), served from /assets. */
export type Asset = { body: string | Uint8Array<ArrayBuffer>; type: string };

export interface AppConfig {
  production: boolean;
  baseURL: string;
  secureCookies: boolean;
  trustProxy: boolean;
  /** Signs the app's own cookies (flash messages). */
  cookieSecret: string;
  /** Where the embedded mail transport writes messages; enables /dev/mail outside production. */
  devMailDir?: string;
  sales: SalesConfig;
}

export interface AppDeps {
  db: Db;
  auth: Auth;
  outbox: Outbox;
  payments: PaymentProvider;
  /** Set when Stripe is configured: the client for Connect and webhooks. */
  stripe?: { client: Stripe; webhookSecret: string };
  logger: Logger;
  config: AppConfig;
  /** Browser modules bundled at start (client/), served from /assets. */
  clientAssets: Record<string, Asset>;
}

/** The running app's parts: what main.ts starts and closes, the workers use, and tests drive. */
export interface Runtime {
  database: Database;
  jobs: Jobs;
  deps: AppDeps;
  mail: MailTransport;
  close(): Promise<void>;
}
