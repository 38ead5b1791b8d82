import type { Logger } from 'pino';
import type Stripe from 'stripe';
import type { Asset } from '../boot.ts';
import type { Db } from '../db/client.ts';
import type { ClubMembership } from '../domain/clubs/find-club-membership.ts';
import type { Outbox } from '../domain/outbox.ts';
import type { SalesConfig } from '../domain/sales/fees.ts';
import type { PaymentProvider } from '../domain/sales/payment-provider.ts';
import type { Locale, Translate } from '../i18n/index.ts';
import type { Auth } from '../integrations/auth/auth.ts';

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

export type SessionUser = Auth['$Infer']['Session']['user'];

export interface Flash {
  kind: 'success' | 'error' | 'info';
  text: string;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    requestId: string;
    locale: Locale;
    t: Translate;
    user: SessionUser | null;
    csrfToken: string;
    flash: Flash | null;
    membership: ClubMembership;
  };
};
