// The device API (/api/v1, docs/device-api.md) as the scanner calls it: JSON, the device's Bearer token,
// never cached. Failures come in three kinds, because each calls for something else: the token no longer
// works (forget the device), the server said no (not a network problem), or no usable answer (offline).
export class Unauthorized extends Error {}

/** The server answered, and said no (4xx): not a network problem. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    /** The API's error code (docs/device-api.md §3), when its answer said one. */
    readonly code?: string,
  ) {
    super(`HTTP ${status}`);
  }
}

export type ApiCall = { method?: string; body?: unknown; timeout?: number; token?: string };
export type Api = <T>(path: string, init?: ApiCall) => Promise<T>;

/** `token` is read at each call: the device's, unless a call names another one. */
export function createApi(token: () => string | undefined, send: typeof fetch = (input, init) => fetch(input, init)): Api {
  return async <T>(path: string, init: ApiCall = {}): Promise<T> => {
    const bearer = init.token ?? token();
    const response = await send(`/api/v1${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(init.timeout ?? 10_000),
      cache: 'no-store',
    });
    if (response.status === 401 && bearer) throw new Unauthorized();
    if (response.status >= 400 && response.status < 500) {
      const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
      throw new Refused(response.status, typeof body?.error === 'string' ? body.error : undefined);
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as T;
  };
}
