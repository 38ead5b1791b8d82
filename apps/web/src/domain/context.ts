import type { Outbox } from './outbox.ts';
import type { SalesConfig } from './sales/fees.ts';
import type { PaymentProvider } from './sales/payment-provider.ts';

/**
 * What operations need besides the executor and their input, built once by the caller (a request, a
 * job): each operation `(tx, ctx, input)` names the parts it uses, so a test passes only those.
 */
export interface OperationContext {
  outbox: Outbox;
  payments: PaymentProvider;
  config: SalesConfig;
  /** The app's public address, for links in mails. */
  baseURL: string;
  /** The clock; the current time when absent. */
  now?: Date;
}

/** The parts of the context one operation uses (none: `Ctx`). */
export type Ctx<K extends keyof OperationContext = never> = Pick<OperationContext, K>;
