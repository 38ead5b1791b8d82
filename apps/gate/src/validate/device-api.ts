import {
  ErrorResponse,
  HealthAck,
  type HealthReport,
  MatchesResponse,
  PairResponse,
  type RedeemRequest,
  RedeemResponse,
  type SyncRequest,
  SyncResponse,
} from '@footarena/gate-protocol';
import type { z } from 'zod';

// The gate's side of the device API (docs/device-api.md). The gate only calls out: no inbound port.
// Every answer is checked against the protocol's schemas; anything else is an error, never a verdict.

/** The server answered with an error the gate must not work around (a revoked device, a bad request). */
export class RefusedByServer extends Error {
  override name = 'RefusedByServer';
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

/** The server could not be reached, or not in time: the gate decides offline. */
export class Unreachable extends Error {
  override name = 'Unreachable';
}

async function call<S extends z.ZodType>(
  fetchImpl: typeof fetch,
  url: string,
  init: { method: 'GET' | 'POST'; token?: string; body?: unknown; timeoutMs: number },
  schema: S,
): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: init.method,
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(init.timeoutMs),
    });
  } catch (error) {
    throw new Unreachable((error as Error).message);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    // A proxy's error page, or the answer cut off by the timeout.
    throw new Unreachable(`no JSON answer (${response.status}): ${(error as Error).message}`);
  }
  if (!response.ok) {
    const problem = ErrorResponse.safeParse(json);
    if (response.status >= 500 || !problem.success) throw new Unreachable(`server error ${response.status}`);
    throw new RefusedByServer(response.status, problem.data.error, problem.data.message);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Unreachable(`unexpected answer: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Exchanges the back office's one-time code for the device's token. */
export function pair(serverUrl: string, code: string, fetchImpl: typeof fetch = fetch) {
  return call(fetchImpl, new URL('/api/v1/pair', serverUrl).href, { method: 'POST', body: { code }, timeoutMs: 10_000 }, PairResponse);
}

export class DeviceApi {
  constructor(
    private readonly serverUrl: string,
    private readonly token: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  redeem(body: RedeemRequest, timeoutMs: number) {
    return this.post('/api/v1/redeem', body, timeoutMs, RedeemResponse);
  }

  sync(body: SyncRequest, timeoutMs = 15_000) {
    return this.post('/api/v1/sync', body, timeoutMs, SyncResponse);
  }

  matches(timeoutMs = 10_000) {
    return call(this.fetchImpl, this.url('/api/v1/matches'), { method: 'GET', token: this.token, timeoutMs }, MatchesResponse);
  }

  health(body: HealthReport, timeoutMs = 10_000) {
    return this.post('/api/v1/health', body, timeoutMs, HealthAck);
  }

  private post<S extends z.ZodType>(path: string, body: unknown, timeoutMs: number, schema: S) {
    return call(this.fetchImpl, this.url(path), { method: 'POST', token: this.token, body, timeoutMs }, schema);
  }

  private url(path: string) {
    return new URL(path, this.serverUrl).href;
  }
}
