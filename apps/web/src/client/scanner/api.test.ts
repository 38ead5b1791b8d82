import { describe, expect, it } from 'vitest';
import { createApi, Refused, Unauthorized } from './api.ts';

const answering = (status: number, body: unknown = {}) => {
  const calls: { url: string; init: RequestInit }[] = [];
  const send = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return new Response(JSON.stringify(body), { status });
  };
  return { calls, send: send as typeof fetch };
};

describe('the scanner’s calls to the device API', () => {
  it('posts a body as JSON with the device’s token, and returns the answer', async () => {
    const { calls, send } = answering(200, { result: 'ok' });
    const api = createApi(() => 'device-token', send);
    expect(await api('/redeem', { body: { code: 'x' } })).toEqual({ result: 'ok' });
    expect(calls[0]?.url).toBe('/api/v1/redeem');
    expect(calls[0]?.init).toMatchObject({ method: 'POST', body: '{"code":"x"}', cache: 'no-store' });
    expect(calls[0]?.init.headers).toEqual({ 'content-type': 'application/json', authorization: 'Bearer device-token' });
  });

  it('uses the token a call names (the device that made queued scans) over the current one', async () => {
    const { calls, send } = answering(200);
    await createApi(() => 'current', send)('/matches', { token: 'earlier' });
    expect(calls[0]?.init).toMatchObject({ method: 'GET', headers: { authorization: 'Bearer earlier' } });
  });

  it('takes a 401 with a token as the device being revoked', async () => {
    const { send } = answering(401);
    await expect(createApi(() => 'device-token', send)('/sync', { body: {} })).rejects.toBeInstanceOf(Unauthorized);
  });

  it('takes a 401 without a token (pairing) as a refusal like any 4xx, with its status', async () => {
    await expect(createApi(() => undefined, answering(401).send)('/pair', { body: {} })).rejects.toBeInstanceOf(Refused);
    const throttled = await createApi(() => undefined, answering(429).send)('/pair', { body: {} }).catch((error: unknown) => error);
    expect(throttled).toBeInstanceOf(Refused);
    expect((throttled as Refused).status).toBe(429);
  });

  it('keeps the error code of a refusal, when the answer names one', async () => {
    const full = await createApi(() => 'device-token', answering(409, { error: 'stand_full', message: 'Full.' }).send)('/free-entry', {
      body: {},
    }).catch((error: unknown) => error);
    expect(full).toMatchObject({ status: 409, code: 'stand_full' });
    const bare = await createApi(() => 'device-token', answering(404, 'not json').send)('/matches').catch((error: unknown) => error);
    expect(bare).toMatchObject({ status: 404, code: undefined });
  });

  it('takes a server error as no usable answer, not as a refusal', async () => {
    const failed = await createApi(() => 'device-token', answering(503).send)('/sync', { body: {} }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    expect(failed).not.toBeInstanceOf(Refused);
    expect(failed).not.toBeInstanceOf(Unauthorized);
  });
});
