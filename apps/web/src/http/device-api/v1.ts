import { type ErrorResponse, PairRequest, RedeemRequest, type RedeemResponse } from '@footarena/gate-protocol';
import { openApiDocument } from '@footarena/gate-protocol/openapi';
import { and, eq } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { match } from '../../db/schema/index.ts';
import { describeTicket } from '../../domain/checkin/describe-ticket.ts';
import { redeemTicket } from '../../domain/checkin/redeem-ticket.ts';
import { authenticateDevice } from '../../domain/devices/authenticate-device.ts';
import { pairDevice } from '../../domain/devices/pair-device.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppEnv } from '../types.ts';

const fail = (c: Context, status: ContentfulStatusCode, error: ErrorResponse['error'], message: string) =>
  c.json({ error, message } satisfies ErrorResponse, status);

/** The JSON body, validated strictly; a clear 4xx (never a 500) for anything else. */
async function body<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S> | Response> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return fail(c, 415, 'unsupported_media_type', 'Send JSON (Content-Type: application/json).');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    return fail(c, 400, 'bad_request', 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    return fail(c, 400, 'bad_request', parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '));
  return parsed.data;
}

/**
 * The device API (docs/device-api.md): pairing, then scans authenticated by the device's token.
 * Every club query is scoped by the club of the device.
 */
export const deviceApiV1 = new Hono<AppEnv>()
  .get('/openapi.json', (c) => c.json(openApiDocument()))
  .use(bodyLimit({ maxSize: 16 * 1024, onError: (c) => fail(c, 413, 'payload_too_large', 'At most 16 KiB.') }))
  .post('/pair', async (c) => {
    const input = await body(c, PairRequest);
    if (input instanceof Response) return input;
    try {
      return c.json(await pairDevice(c.get('deps').db, input.code));
    } catch (error) {
      if (error instanceof DomainError) return fail(c, 404, 'not_found', 'Unknown or expired pairing code.');
      throw error;
    }
  })
  .post('/redeem', async (c) => {
    const { db } = c.get('deps');
    const token = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    const dev = token ? await authenticateDevice(db, token) : null;
    if (!dev) return fail(c, 401, 'unauthorized', 'A valid device token is required.');
    const input = await body(c, RedeemRequest);
    if (input instanceof Response) return input;
    const [own] = await db
      .select({ id: match.id })
      .from(match)
      .where(and(eq(match.id, input.matchId), eq(match.clubId, dev.clubId)));
    if (!own) return fail(c, 404, 'not_found', 'No such match for this club.');
    const answer = await db.transaction((tx) =>
      redeemTicket(tx, { clubId: dev.clubId, matchId: input.matchId, deviceId: dev.id, nonce: input.nonce, code: input.code }),
    );
    const ticket = answer.ticketId && answer.result !== 'wrong_club' ? await describeTicket(db, dev.clubId, answer.ticketId) : null;
    return c.json({ result: answer.result, ticket } satisfies RedeemResponse);
  });
