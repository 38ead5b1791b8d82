import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import Stripe from 'stripe';

/**
 * A small fake of the Stripe API on loopback, for the real SDK to talk to (see STRIPE_API_URL):
 * form-encoded bodies with bracketed keys, Stripe-shaped JSON objects and errors, Idempotency-Key
 * replay, and the validations that matter to FootArena (unknown parameters such as the removed
 * `payment_method_types`, `expires_at` bounds, destination charges, refunds). Every request is kept
 * for assertions; helpers play the part of the buyer and of Stripe (pay, expire, refund, accounts).
 */

export type Params = { [key: string]: Param };
export type Param = string | Params | Param[];

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string, parsed like a body (GET requests: `expand[0]=…`). */
  query: Params;
  /** The form-encoded body, nested: `a[b][0][c]=1` → { a: { b: [{ c: '1' }] } }. */
  params: Params;
  idempotencyKey?: string;
  stripeVersion?: string;
  stripeAccount?: string;
  authorization?: string;
  /** What the fake answered. */
  status: number;
  response: unknown;
}

type Json = Record<string, unknown>;

interface Account extends Json {
  id: string;
  object: 'account';
  charges_enabled: boolean;
  payouts_enabled: boolean;
  details_submitted: boolean;
}

interface Session extends Json {
  id: string;
  object: 'checkout.session';
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid' | 'no_payment_required';
  amount_total: number;
  expires_at: number;
  payment_intent: string | null;
  url: string | null;
}

interface Charge extends Json {
  id: string;
  object: 'charge';
  amount: number;
  amount_refunded: number;
  refunded: boolean;
  payment_intent: string;
}

interface SessionExtras {
  lineItems: Json[];
  paymentIntentData: Params;
}

class FakeError extends Error {
  constructor(
    readonly status: number,
    readonly body: { type: string; message: string; code?: string; param?: string },
    /** Stripe saves no idempotent result when parameters fail validation. */
    readonly validation = false,
  ) {
    super(body.message);
  }
}

const invalid = (message: string, code?: string, param?: string) =>
  new FakeError(400, { type: 'invalid_request_error', message, code, param }, true);
const missing = (object: string, id: string, param = 'id') =>
  new FakeError(404, { type: 'invalid_request_error', message: `No such ${object}: '${id}'`, code: 'resource_missing', param });

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const newId = (prefix: string, length = 24) => prefix + Array.from(randomBytes(length), (b) => ALNUM[b % ALNUM.length]).join('');
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Parses `a[b][0][c]=1&a[b][0][d]=2` into nested objects; numeric (or empty) indices make arrays. */
export function parseStripeForm(body: string): Params {
  const root: Params = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const first = key.indexOf('[');
    const segments = first === -1 ? [key] : [key.slice(0, first), ...[...key.slice(first).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!)];
    let node: Params = root;
    segments.forEach((segment, i) => {
      const name = segment === '' ? String(Object.keys(node).length) : segment;
      if (i === segments.length - 1) node[name] = value;
      else {
        const next = node[name];
        if (typeof next !== 'object' || Array.isArray(next)) node[name] = {};
        node = node[name] as Params;
      }
    });
  }
  return arraysOf(root) as Params;
}

function arraysOf(value: Param): Param {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(arraysOf);
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => arraysOf(value[k]!));
  }
  return Object.fromEntries(keys.map((k) => [k, arraysOf(value[k]!)]));
}

const asObject = (value: Param | undefined): Params | undefined =>
  value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
const asList = (value: Param | undefined): Param[] => (Array.isArray(value) ? value : []);
const asString = (value: Param | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

function asInteger(value: Param | undefined, param: string, { min = 0 } = {}): number | undefined {
  if (value === undefined) return undefined;
  const text = asString(value);
  if (text === undefined || !/^-?\d+$/.test(text))
    throw invalid(`Invalid integer: ${JSON.stringify(value)}`, 'parameter_invalid_integer', param);
  const n = Number(text);
  if (n < min) throw invalid(`This value must be greater than or equal to ${min}.`, 'parameter_invalid_integer', param);
  return n;
}

function asBoolean(value: Param | undefined, param: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw invalid(`Invalid boolean: ${JSON.stringify(value)}`, 'parameter_invalid_boolean', param);
}

function onlyKnown(params: Params, known: string[]) {
  for (const key of Object.keys(params)) {
    if (!known.includes(key)) throw invalid(`Received unknown parameter: ${key}`, 'parameter_unknown', key);
  }
}

function metadataOf(value: Param | undefined): Record<string, string> {
  const metadata = asObject(value) ?? {};
  const entries = Object.entries(metadata);
  if (entries.length > 50) throw invalid('Metadata can have at most 50 keys.', 'parameter_invalid_metadata', 'metadata');
  for (const [key, v] of entries) {
    if (typeof v !== 'string') throw invalid(`Invalid metadata value for ${key}`, 'parameter_invalid_metadata', `metadata[${key}]`);
    if (key.length > 40 || v.length > 500)
      throw invalid('Metadata key or value too long.', 'parameter_invalid_metadata', `metadata[${key}]`);
  }
  return metadata as Record<string, string>;
}

const SESSION_PARAMS = [
  'mode',
  'customer_email',
  'customer',
  'client_reference_id',
  'metadata',
  'line_items',
  'payment_intent_data',
  'expires_at',
  'success_url',
  'cancel_url',
  'return_url',
  'ui_mode',
  'locale',
  'allowed_payment_method_types',
  'payment_method_options',
  'payment_method_configuration',
  'submit_type',
  'billing_address_collection',
  'phone_number_collection',
  'custom_text',
  'consent_collection',
  'after_expiration',
  'allow_promotion_codes',
  'expand',
];
const ACCOUNT_PARAMS = [
  'country',
  'email',
  'business_profile',
  'business_type',
  'controller',
  'capabilities',
  'metadata',
  'type',
  'default_currency',
  'settings',
  'tos_acceptance',
  'expand',
];

/** A Stripe API fake on 127.0.0.1 (random port); `start()` before use, `stop()` after. */
export class FakeStripe {
  readonly requests: RecordedRequest[] = [];
  readonly accounts = new Map<string, Account>();
  readonly sessions = new Map<string, Session>();
  readonly paymentIntents = new Map<string, Json>();
  readonly charges = new Map<string, Charge>();
  readonly refunds = new Map<string, Json>();
  private readonly sessionExtras = new Map<string, SessionExtras>();
  private readonly idempotent = new Map<string, { method: string; path: string; params: string; status: number; body: unknown }>();
  private readonly failures: { method: string; pathPrefix: string; status: number }[] = [];
  private server: Server | null = null;
  port = 0;

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections(); // the SDK keeps connections alive
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Recorded requests with this method whose path starts with `pathPrefix`, oldest first. */
  findAll(method: string, pathPrefix: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && r.path.startsWith(pathPrefix));
  }

  /** The latest recorded request with this method whose path starts with `pathPrefix`. */
  find(method: string, pathPrefix: string): RecordedRequest | undefined {
    return this.findAll(method, pathPrefix).at(-1);
  }

  /** The next matching request fails with a Stripe `api_error` (a Stripe outage, for retry tests). */
  failNext(method: string, pathPrefix: string, status = 500) {
    this.failures.push({ method: method.toUpperCase(), pathPrefix, status });
  }

  // ——— Test helpers: what the buyer, the club or Stripe itself do ———

  /**
   * The buyer finishes the payment page. `paid: true` — a card or Bancontact payment that succeeded:
   * the session is complete and paid, with a succeeded PaymentIntent and its charge. `paid: false` —
   * an asynchronous method still processing: the session is complete but unpaid.
   */
  completeSession(id: string, { paid }: { paid: boolean }) {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`fake stripe: no session ${id}`);
    if (session.status !== 'open' || session.expires_at <= nowSeconds()) {
      throw new Error(`fake stripe: session ${id} is ${session.status}, it cannot be paid`);
    }
    const extras = this.sessionExtras.get(id)!;
    const paymentIntentId = newId('pi_');
    const transferData = asObject(extras.paymentIntentData.transfer_data);
    const applicationFee = asString(extras.paymentIntentData.application_fee_amount);
    let chargeId: string | null = null;
    if (paid) {
      chargeId = newId('ch_');
      this.charges.set(chargeId, {
        id: chargeId,
        object: 'charge',
        amount: session.amount_total,
        amount_captured: session.amount_total,
        amount_refunded: 0,
        refunded: false,
        paid: true,
        captured: true,
        status: 'succeeded',
        currency: session.currency,
        payment_intent: paymentIntentId,
        application_fee_amount: applicationFee === undefined ? null : Number(applicationFee),
        transfer_data: transferData ? { destination: transferData.destination, amount: null } : null,
        metadata: asObject(extras.paymentIntentData.metadata) ?? {},
        livemode: false,
        created: nowSeconds(),
      });
    }
    this.paymentIntents.set(paymentIntentId, {
      id: paymentIntentId,
      object: 'payment_intent',
      amount: session.amount_total,
      amount_received: paid ? session.amount_total : 0,
      currency: session.currency,
      status: paid ? 'succeeded' : 'processing',
      latest_charge: chargeId,
      application_fee_amount: applicationFee === undefined ? null : Number(applicationFee),
      transfer_data: transferData ? { destination: transferData.destination } : null,
      metadata: asObject(extras.paymentIntentData.metadata) ?? {},
      livemode: false,
      created: nowSeconds(),
    });
    Object.assign(session, { status: 'complete', payment_status: paid ? 'paid' : 'unpaid', payment_intent: paymentIntentId, url: null });
    return { session: this.session(id), paymentIntentId, chargeId };
  }

  /** An asynchronous payment of a complete, unpaid session settles: it succeeded, or it failed. */
  settleSession(id: string, { paid }: { paid: boolean }) {
    const session = this.sessions.get(id);
    const paymentIntent = this.paymentIntents.get(session?.payment_intent ?? '');
    if (!session || !paymentIntent || session.status !== 'complete' || session.payment_status !== 'unpaid') {
      throw new Error(`fake stripe: session ${id} has no payment processing`);
    }
    if (!paid) {
      paymentIntent.status = 'requires_payment_method';
      return { session: this.session(id), chargeId: null };
    }
    const chargeId = newId('ch_');
    this.charges.set(chargeId, {
      id: chargeId,
      object: 'charge',
      amount: session.amount_total,
      amount_captured: session.amount_total,
      amount_refunded: 0,
      refunded: false,
      paid: true,
      captured: true,
      status: 'succeeded',
      currency: session.currency,
      payment_intent: paymentIntent.id as string,
      application_fee_amount: paymentIntent.application_fee_amount,
      transfer_data: paymentIntent.transfer_data ? { ...(paymentIntent.transfer_data as Json), amount: null } : null,
      metadata: paymentIntent.metadata,
      livemode: false,
      created: nowSeconds(),
    });
    Object.assign(paymentIntent, { status: 'succeeded', latest_charge: chargeId, amount_received: session.amount_total });
    session.payment_status = 'paid';
    return { session: this.session(id), chargeId };
  }

  /** Stripe expires an open session (its `expires_at` passed). */
  expireSession(id: string) {
    const session = this.sessions.get(id);
    if (session?.status !== 'open') throw new Error(`fake stripe: session ${id} is not open`);
    Object.assign(session, { status: 'expired', url: null });
    return this.session(id);
  }

  /** The club finished (or lost) its onboarding: what Stripe now says of the account. */
  setAccount(id: string, state: Partial<Pick<Account, 'charges_enabled' | 'payouts_enabled' | 'details_submitted'>>) {
    const account = this.accounts.get(id);
    if (!account) throw new Error(`fake stripe: no account ${id}`);
    Object.assign(account, state);
    const status = account.charges_enabled ? 'active' : 'inactive';
    account.capabilities = Object.fromEntries(Object.keys((account.capabilities as Json | undefined) ?? {}).map((k) => [k, status]));
    return this.account(id);
  }

  /** A full refund made outside FootArena (the Stripe dashboard): the charge is refunded. */
  refundCharge(chargeId: string) {
    const charge = this.charges.get(chargeId);
    if (!charge) throw new Error(`fake stripe: no charge ${chargeId}`);
    return this.createRefund(charge, charge.amount - charge.amount_refunded, {});
  }

  /** Copies of the objects as the API returns them. */
  session(id: string): Session {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`fake stripe: no session ${id}`);
    return structuredClone(session);
  }

  account(id: string): Account {
    const account = this.accounts.get(id);
    if (!account) throw new Error(`fake stripe: no account ${id}`);
    return structuredClone(account);
  }

  charge(id: string): Charge {
    const charge = this.charges.get(id);
    if (!charge) throw new Error(`fake stripe: no charge ${id}`);
    return structuredClone(charge);
  }

  /** The charge of a paid session. */
  chargeOfSession(sessionId: string): Charge {
    const paymentIntent = this.paymentIntents.get(this.session(sessionId).payment_intent ?? '');
    const chargeId = paymentIntent?.latest_charge;
    if (typeof chargeId !== 'string') throw new Error(`fake stripe: session ${sessionId} has no charge`);
    return this.charge(chargeId);
  }

  // ——— HTTP ———

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const type = header('content-type') ?? '';
    const bodyText = Buffer.concat(chunks).toString('utf8');
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: parseStripeForm(url.search.slice(1)),
      params: type.startsWith('application/x-www-form-urlencoded') || bodyText === '' ? parseStripeForm(bodyText) : { _raw: bodyText },
      idempotencyKey: header('idempotency-key'),
      stripeVersion: header('stripe-version'),
      stripeAccount: header('stripe-account'),
      authorization: header('authorization'),
      status: 0,
      response: null,
    };
    this.requests.push(record);

    let status = 200;
    let body: unknown;
    const replayHeaders: Record<string, string> = {};
    const key = method === 'POST' ? record.idempotencyKey : undefined;
    const saved = key ? this.idempotent.get(key) : undefined;
    const paramsJson = JSON.stringify(record.params);
    try {
      if (!/^Bearer (sk|rk)_test_\w+$/.test(record.authorization ?? '')) {
        throw new FakeError(401, { type: 'invalid_request_error', message: 'Invalid API Key provided.' });
      }
      const failure = this.failures.findIndex((f) => f.method === method && url.pathname.startsWith(f.pathPrefix));
      if (failure !== -1) {
        const failStatus = this.failures.splice(failure, 1)[0]!.status;
        throw new FakeError(failStatus, { type: 'api_error', message: 'An unknown error occurred (fake outage).' });
      }
      if (saved) {
        if (saved.method !== method || saved.path !== url.pathname || saved.params !== paramsJson) {
          throw new FakeError(400, {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          });
        }
        status = saved.status;
        body = saved.body;
        replayHeaders['idempotent-replayed'] = 'true';
      } else {
        body = this.route(method, url.pathname, record.params, record.query);
        if (key) this.idempotent.set(key, { method, path: url.pathname, params: paramsJson, status, body });
      }
    } catch (caught) {
      const error =
        caught instanceof FakeError
          ? caught
          : new FakeError(500, { type: 'api_error', message: `fake stripe crashed: ${(caught as Error).message}` });
      status = error.status;
      body = { error: Object.fromEntries(Object.entries(error.body).filter(([, v]) => v !== undefined)) };
      if (key && !saved && !error.validation && error.body.type !== 'idempotency_error' && status < 500) {
        this.idempotent.set(key, { method, path: url.pathname, params: paramsJson, status, body });
      }
    }
    record.status = status;
    record.response = body;
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      'request-id': newId('req_', 14),
      'stripe-version': record.stripeVersion ?? Stripe.API_VERSION,
      ...(key ? { 'idempotency-key': key } : {}),
      ...replayHeaders,
    });
    res.end(text);
  }

  private route(method: string, path: string, params: Params, query: Params): unknown {
    const parts = path.split('/').filter(Boolean);
    if (parts[0] !== 'v1') throw this.unrecognized(method, path);
    const [, resource, id, action, extra] = parts;
    const expand = asList(query.expand ?? params.expand).filter((e): e is string => typeof e === 'string');
    if (method === 'POST' && resource === 'accounts' && !id) return this.createAccount(params);
    if (method === 'GET' && resource === 'accounts' && id && !action) return this.account(this.need(this.accounts, 'account', id).id);
    if (method === 'POST' && resource === 'accounts' && id && action === 'login_links' && !extra) return this.createLoginLink(id);
    if (method === 'POST' && resource === 'account_links' && !id) return this.createAccountLink(params);
    if (resource === 'checkout' && id === 'sessions') {
      const sessionId = action;
      if (method === 'POST' && !sessionId) return this.createSession(params);
      if (method === 'GET' && sessionId && !extra)
        return this.viewSession(this.need(this.sessions, 'checkout.session', sessionId).id, expand);
      if (method === 'GET' && sessionId && extra === 'line_items') return this.lineItems(sessionId);
      if (method === 'POST' && sessionId && extra === 'expire') return this.expire(sessionId, params);
    }
    if (method === 'POST' && resource === 'refunds' && !id) return this.refundEndpoint(params);
    if (method === 'GET' && resource === 'refunds' && id && !action) return structuredClone(this.need(this.refunds, 'refund', id));
    if (method === 'GET' && resource === 'charges' && id && !action) return this.charge(this.need(this.charges, 'charge', id).id);
    if (method === 'GET' && resource === 'payment_intents' && id && !action) {
      return structuredClone(this.need(this.paymentIntents, 'payment_intent', id));
    }
    throw this.unrecognized(method, path);
  }

  private unrecognized(method: string, path: string) {
    return new FakeError(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}).` }, true);
  }

  private need<T>(map: Map<string, T>, object: string, id: string, param = 'id'): T {
    const found = map.get(id);
    if (!found) throw missing(object, id, param);
    return found;
  }

  private createAccount(params: Params) {
    onlyKnown(params, ACCOUNT_PARAMS);
    const country = asString(params.country);
    if (country !== undefined && !/^[A-Z]{2}$/.test(country))
      throw invalid(`Country '${country}' is unknown.`, 'country_unsupported', 'country');
    const controller = asObject(params.controller);
    if (params.type !== undefined && controller) {
      throw invalid('You cannot specify both `type` and `controller`.', 'parameter_invalid_string', 'controller');
    }
    const capabilities = asObject(params.capabilities) ?? {};
    for (const [name, value] of Object.entries(capabilities)) {
      if (asBoolean(asObject(value)?.requested, `capabilities[${name}][requested]`) === undefined) {
        throw invalid('Missing required param: requested.', 'parameter_missing', `capabilities[${name}][requested]`);
      }
    }
    const id = newId('acct_', 16);
    const account: Account = {
      id,
      object: 'account',
      country: country ?? 'US',
      email: asString(params.email) ?? null,
      business_profile: asObject(params.business_profile) ?? {},
      controller: controller ?? null,
      type: asString(params.type) ?? (controller ? 'none' : 'standard'),
      capabilities: Object.fromEntries(Object.keys(capabilities).map((name) => [name, 'inactive'])),
      metadata: metadataOf(params.metadata),
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      default_currency: 'eur',
      created: nowSeconds(),
    };
    this.accounts.set(id, account);
    return this.account(id);
  }

  private createAccountLink(params: Params) {
    onlyKnown(params, ['account', 'type', 'refresh_url', 'return_url', 'collect', 'collection_options', 'expand']);
    for (const required of ['account', 'type'] as const) {
      if (!asString(params[required])) throw invalid(`Missing required param: ${required}.`, 'parameter_missing', required);
    }
    const account = this.need(this.accounts, 'account', asString(params.account)!, 'account');
    if (!['account_onboarding', 'account_update'].includes(asString(params.type)!)) {
      throw invalid(`Invalid type: ${asString(params.type)}`, 'parameter_invalid_string', 'type');
    }
    for (const url of ['refresh_url', 'return_url'] as const) {
      const value = asString(params[url]);
      if (value !== undefined && !/^https?:\/\//.test(value)) throw invalid(`Not a valid URL`, 'url_invalid', url);
    }
    const created = nowSeconds();
    return {
      object: 'account_link',
      created,
      expires_at: created + 300,
      url: `https://connect.stripe.test/onboarding/${account.id}/${newId('', 12)}`,
    };
  }

  private createLoginLink(accountId: string) {
    const account = this.need(this.accounts, 'account', accountId, 'account');
    if (!account.details_submitted) {
      throw new FakeError(400, {
        type: 'invalid_request_error',
        message: 'Cannot create a login link for an account that has not completed onboarding.',
      });
    }
    return { object: 'login_link', created: nowSeconds(), url: `https://connect.stripe.test/express/${account.id}/${newId('', 12)}` };
  }

  private createSession(params: Params) {
    onlyKnown(params, SESSION_PARAMS);
    const mode = asString(params.mode);
    if (!mode) throw invalid('Missing required param: mode.', 'parameter_missing', 'mode');
    if (mode !== 'payment') throw invalid(`The fake only does mode=payment, not ${mode}.`, 'parameter_invalid_string', 'mode');
    const items = asList(params.line_items);
    if (items.length === 0) throw invalid('line_items is required in payment mode.', 'parameter_missing', 'line_items');
    const currencies = new Set<string>();
    let amount = 0;
    const lineItems = items.map((raw, i) => {
      const item = asObject(raw) ?? {};
      const param = `line_items[${i}]`;
      const quantity = asInteger(item.quantity, `${param}[quantity]`, { min: 1 });
      if (quantity === undefined) throw invalid('Missing required param: quantity.', 'parameter_missing', `${param}[quantity]`);
      const price = asObject(item.price_data);
      if (!price) throw invalid('You must specify either `price` or `price_data`.', 'parameter_missing', `${param}[price_data]`);
      const currency = asString(price.currency);
      if (!currency) throw invalid('Missing required param: currency.', 'parameter_missing', `${param}[price_data][currency]`);
      const unitAmount = asInteger(price.unit_amount, `${param}[price_data][unit_amount]`);
      if (unitAmount === undefined)
        throw invalid('Missing required param: unit_amount.', 'parameter_missing', `${param}[price_data][unit_amount]`);
      const name = asString(asObject(price.product_data)?.name);
      if (!name) throw invalid('Missing required param: name.', 'parameter_missing', `${param}[price_data][product_data][name]`);
      currencies.add(currency);
      amount += unitAmount * quantity;
      return {
        id: newId('li_'),
        object: 'item',
        description: name,
        quantity,
        currency,
        amount_subtotal: unitAmount * quantity,
        amount_total: unitAmount * quantity,
        price: { object: 'price', unit_amount: unitAmount, currency },
      };
    });
    if (currencies.size > 1) throw invalid('All line items must have the same currency.', 'parameter_invalid_string', 'line_items');
    const created = nowSeconds();
    const expiresAt = asInteger(params.expires_at, 'expires_at') ?? created + 86_400;
    if (expiresAt < created + 30 * 60 || expiresAt > created + 24 * 3600) {
      throw invalid(
        'The `expires_at` timestamp must be at least 30 minutes and at most 24 hours from Checkout Session creation.',
        'parameter_invalid_integer',
        'expires_at',
      );
    }
    const paymentIntentData = asObject(params.payment_intent_data) ?? {};
    onlyKnown(paymentIntentData, [
      'application_fee_amount',
      'transfer_data',
      'on_behalf_of',
      'metadata',
      'description',
      'statement_descriptor',
      'statement_descriptor_suffix',
      'capture_method',
      'transfer_group',
      'receipt_email',
    ]);
    const fee = asInteger(paymentIntentData.application_fee_amount, 'payment_intent_data[application_fee_amount]');
    const destination = asString(asObject(paymentIntentData.transfer_data)?.destination);
    if (fee !== undefined && !destination && !paymentIntentData.on_behalf_of) {
      throw invalid(
        'Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).',
        'parameter_invalid_integer',
        'payment_intent_data[application_fee_amount]',
      );
    }
    if (fee !== undefined && fee > amount) {
      throw invalid(
        'The application fee cannot exceed the amount.',
        'parameter_invalid_integer',
        'payment_intent_data[application_fee_amount]',
      );
    }
    if (destination) {
      const account = this.accounts.get(destination);
      if (!account)
        throw invalid(`No such destination: '${destination}'`, 'resource_missing', 'payment_intent_data[transfer_data][destination]');
      if (!account.charges_enabled) {
        throw invalid(
          'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
          'insufficient_capabilities_for_transfer',
          'payment_intent_data[transfer_data][destination]',
        );
      }
    }
    const clientReference = asString(params.client_reference_id);
    if (clientReference && clientReference.length > 200)
      throw invalid('client_reference_id is too long.', 'parameter_invalid_string', 'client_reference_id');
    metadataOf(paymentIntentData.metadata);
    const id = newId('cs_test_', 58);
    const session: Session = {
      id,
      object: 'checkout.session',
      livemode: false,
      mode,
      status: 'open',
      payment_status: 'unpaid',
      amount_subtotal: amount,
      amount_total: amount,
      currency: [...currencies][0]!,
      customer_email: asString(params.customer_email) ?? null,
      customer_details: null,
      client_reference_id: clientReference ?? null,
      metadata: metadataOf(params.metadata),
      payment_intent: null,
      payment_method_types: ['card', 'bancontact'],
      success_url: asString(params.success_url) ?? null,
      cancel_url: asString(params.cancel_url) ?? null,
      expires_at: expiresAt,
      created,
      url: `https://checkout.stripe.test/c/pay/${id}`,
    };
    this.sessions.set(id, session);
    this.sessionExtras.set(id, { lineItems, paymentIntentData });
    return this.session(id);
  }

  private viewSession(id: string, expand: string[]) {
    const view: Json = this.session(id);
    if (expand.includes('line_items')) view.line_items = this.lineItems(id);
    if (expand.includes('payment_intent') && typeof view.payment_intent === 'string') {
      view.payment_intent = structuredClone(this.paymentIntents.get(view.payment_intent));
    }
    return view;
  }

  private lineItems(id: string) {
    this.need(this.sessions, 'checkout.session', id);
    const data = structuredClone(this.sessionExtras.get(id)!.lineItems);
    return { object: 'list', data, has_more: false, url: `/v1/checkout/sessions/${id}/line_items` };
  }

  private expire(id: string, params: Params) {
    onlyKnown(params, ['expand']);
    const session = this.need(this.sessions, 'checkout.session', id, 'session');
    if (session.status !== 'open') {
      throw new FakeError(400, {
        type: 'invalid_request_error',
        message: `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
        code: 'checkout_session_not_open',
      });
    }
    Object.assign(session, { status: 'expired', url: null });
    return this.session(id);
  }

  private refundEndpoint(params: Params) {
    onlyKnown(params, [
      'payment_intent',
      'charge',
      'amount',
      'reason',
      'metadata',
      'refund_application_fee',
      'reverse_transfer',
      'instructions_email',
      'expand',
    ]);
    const paymentIntentId = asString(params.payment_intent);
    const chargeParam = asString(params.charge);
    if (!paymentIntentId && !chargeParam)
      throw invalid('One of `charge` or `payment_intent` is required.', 'parameter_missing', 'payment_intent');
    let charge: Charge;
    if (paymentIntentId) {
      const paymentIntent = this.need(this.paymentIntents, 'payment_intent', paymentIntentId, 'payment_intent');
      const chargeId = paymentIntent.latest_charge;
      if (paymentIntent.status !== 'succeeded' || typeof chargeId !== 'string') {
        throw new FakeError(400, {
          type: 'invalid_request_error',
          message: `This PaymentIntent (${paymentIntentId}) does not have a successful charge to refund.`,
          code: 'charge_not_refundable',
        });
      }
      charge = this.charges.get(chargeId)!;
    } else charge = this.need(this.charges, 'charge', chargeParam!, 'charge');
    const left = charge.amount - charge.amount_refunded;
    if (left === 0) {
      throw new FakeError(400, {
        type: 'invalid_request_error',
        message: `Charge ${charge.id} has already been refunded.`,
        code: 'charge_already_refunded',
      });
    }
    const amount = asInteger(params.amount, 'amount', { min: 1 }) ?? left;
    if (amount > left) {
      throw invalid(
        `Refund amount (€${(amount / 100).toFixed(2)}) is greater than unrefunded amount on charge (€${(left / 100).toFixed(2)})`,
        'amount_too_large',
        'amount',
      );
    }
    const refundFee = asBoolean(params.refund_application_fee, 'refund_application_fee');
    const reverse = asBoolean(params.reverse_transfer, 'reverse_transfer');
    if (refundFee && charge.application_fee_amount == null) {
      throw invalid('This charge has no application fee to refund.', 'parameter_invalid_boolean', 'refund_application_fee');
    }
    if (reverse && !charge.transfer_data) {
      throw invalid('This charge has no transfer to reverse (not a destination charge).', 'parameter_invalid_boolean', 'reverse_transfer');
    }
    return this.createRefund(charge, amount, {
      metadata: metadataOf(params.metadata),
      reason: asString(params.reason) ?? null,
      refund_application_fee: refundFee ?? false,
      reverse_transfer: reverse ?? false,
    });
  }

  private createRefund(charge: Charge, amount: number, extra: Json) {
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    const id = newId('re_');
    const refund = {
      id,
      object: 'refund',
      amount,
      charge: charge.id,
      payment_intent: charge.payment_intent,
      currency: charge.currency,
      status: 'succeeded',
      metadata: {},
      reason: null,
      created: nowSeconds(),
      ...extra,
    };
    this.refunds.set(id, refund);
    return structuredClone(refund);
  }
}

/**
 * A Stripe event as Stripe sends it to the webhook, signed with the real SDK's test helper.
 * `timestamp` (seconds) signs it as if sent then; `id` replays a given event id.
 */
export function signedEvent(
  type: string,
  object: unknown,
  secret: string,
  { id = newId('evt_'), timestamp }: { id?: string; timestamp?: number } = {},
) {
  const event = {
    id,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: timestamp ?? nowSeconds(),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
  const payload = JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
  return { id, event, payload, signature };
}
