import {
  type ErrorResponse,
  type HealthAck,
  HealthReport,
  type MatchesResponse,
  PairRequest,
  RedeemRequest,
  type RedeemResponse,
  SyncRequest,
  type SyncResponse,
} from '@footarena/gate-protocol';
import { openApiDocument } from '@footarena/gate-protocol/openapi';
import { and, eq } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { match } from '../../db/schema/index.ts';
import { countAttempt } from '../../domain/accounts/count-attempt.ts';
import { forgetAttempt } from '../../domain/accounts/forget-attempt.ts';
import { lockAfterFailure } from '../../domain/accounts/lock-after-failure.ts';
import type { AttemptKey } from '../../domain/accounts/sign-in-policy.ts';
import { describeTicket } from '../../domain/checkin/describe-ticket.ts';
import { listCheckinChanges } from '../../domain/checkin/list-checkin-changes.ts';
import { recordOfflineScan } from '../../domain/checkin/record-offline-scan.ts';
import { redeemTicket } from '../../domain/checkin/redeem-ticket.ts';
import { summarizeAttendance } from '../../domain/checkin/summarize-attendance.ts';
import { authenticateDevice } from '../../domain/devices/authenticate-device.ts';
import { listDeviceMatches, scopeStands } from '../../domain/devices/list-device-matches.ts';
import { pairDevice } from '../../domain/devices/pair-device.ts';
import { recordDeviceHealth } from '../../domain/devices/record-device-health.ts';
import { DomainError } from '../../domain/errors.ts';
import { clientIp } from '../client-ip.ts';
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

type DeviceEnv = AppEnv & { Variables: { device: NonNullable<Awaited<ReturnType<typeof authenticateDevice>>> } };

/** Every call but pairing carries the device's token; a revoked device is refused at once. */
const deviceAuth = createMiddleware<DeviceEnv>(async (c, next) => {
  const token = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
  const dev = token ? await authenticateDevice(c.get('deps').db, token) : null;
  if (!dev) return fail(c, 401, 'unauthorized', 'A valid device token is required.');
  c.set('device', dev);
  await next();
});

/** The match of the device's club it names, and the stands it may admit there, or an error answer. */
async function scanScope(c: Context<DeviceEnv>, matchId: string, standId?: string) {
  const dev = c.get('device');
  const [own] = await c
    .get('deps')
    .db.select({ id: match.id, gatesOpenAt: match.gatesOpenAt })
    .from(match)
    .where(and(eq(match.id, matchId), eq(match.clubId, dev.clubId)));
  if (!own) return fail(c, 404, 'not_found', 'No such match for this club.');
  const standIds = scopeStands(dev, matchId, standId);
  if (standIds === 'forbidden') return fail(c, 403, 'forbidden', 'This device may not admit for this match or stand.');
  return { match: own, standIds };
}

const NONCE_REUSED = {
  error: 'nonce_reused',
  message: 'This device already sent this nonce with another code: nothing was admitted. Use a new nonce for every scan.',
} as const;

/** A scan whose nonce was already used for another code is refused whole (its transaction rolled back). */
async function nonceChecked<T>(scan: () => Promise<T>): Promise<T | typeof NONCE_REUSED> {
  try {
    return await scan();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'nonce_reused') return NONCE_REUSED;
    throw error;
  }
}

const limit = (maxSize: number) =>
  bodyLimit({ maxSize, onError: (c) => fail(c, 413, 'payload_too_large', `At most ${maxSize / 1024} KiB.`) });

/**
 * The device API (docs/device-api.md): pairing, then scans authenticated by the device's token.
 * Every club query is scoped by the club of the device.
 */
export const deviceApiV1 = new Hono<DeviceEnv>()
  .get('/openapi.json', (c) => c.json(openApiDocument()))
  .post('/pair', limit(16 * 1024), async (c) => {
    const input = await body(c, PairRequest);
    if (input instanceof Response) return input;
    const { db } = c.get('deps');
    // A code is guessed like a password: counted per address and from everywhere, before the check.
    const keys: AttemptKey[] = [
      { kind: 'pair', value: clientIp(c) },
      { kind: 'pairAll', value: 'all' },
    ];
    const attempt = await countAttempt(db, keys);
    if (!attempt.allowed) {
      c.header('Retry-After', String(attempt.retryInSeconds));
      return fail(c, 429, 'too_many_requests', 'Too many wrong pairing codes; try again later.');
    }
    try {
      const paired = await pairDevice(db, input.code);
      await forgetAttempt(db, keys);
      return c.json(paired);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await lockAfterFailure(db, keys);
      return fail(c, 404, 'not_found', 'Unknown or expired pairing code.');
    }
  })
  .post('/redeem', deviceAuth, limit(16 * 1024), async (c) => {
    const { db } = c.get('deps');
    const dev = c.get('device');
    const input = await body(c, RedeemRequest);
    if (input instanceof Response) return input;
    const scope = await scanScope(c, input.matchId, input.standId);
    if (scope instanceof Response) return scope;
    const answer = await nonceChecked(() =>
      db.transaction((tx) =>
        redeemTicket(tx, {
          clubId: dev.clubId,
          matchId: input.matchId,
          deviceId: dev.id,
          nonce: input.nonce,
          code: input.code,
          standIds: scope.standIds,
          gatesOpenAt: scope.match.gatesOpenAt,
        }),
      ),
    );
    if ('error' in answer) return fail(c, 409, answer.error, answer.message);
    // Described by the scan itself, except a repeated nonce or another match's ticket: read then.
    const ticket = answer.ticket ?? (answer.ticketId ? await describeTicket(db, dev.clubId, answer.ticketId) : null);
    return c.json({ result: answer.result, ticket } satisfies RedeemResponse);
  })
  .get('/matches', deviceAuth, async (c) => {
    const matches = await listDeviceMatches(c.get('deps').db, c.get('device'));
    return c.json({
      matches: matches.map((m) => ({ ...m, kickoffAt: m.kickoffAt.toISOString(), gatesOpenAt: m.gatesOpenAt?.toISOString() ?? null })),
    } satisfies MatchesResponse);
  })
  .post('/health', deviceAuth, limit(64 * 1024), async (c) => {
    const input = await body(c, HealthReport);
    if (input instanceof Response) return input;
    const recorded = await recordDeviceHealth(c.get('deps').db, c.get('device'), input);
    return c.json({ recorded } satisfies HealthAck);
  })
  .post('/sync', deviceAuth, limit(512 * 1024), async (c) => {
    const { db } = c.get('deps');
    const dev = c.get('device');
    const input = await body(c, SyncRequest);
    if (input instanceof Response) return input;
    const scope = await scanScope(c, input.matchId);
    if (scope instanceof Response) return scope;
    const uploaded = [];
    for (const s of input.scans) {
      // One transaction per scan: a long upload never holds many ticket rows at once.
      const answer = await nonceChecked(() =>
        db.transaction((tx) =>
          recordOfflineScan(tx, {
            clubId: dev.clubId,
            matchId: input.matchId,
            deviceId: dev.id,
            nonce: s.nonce,
            code: s.code,
            standIds: scope.standIds,
            gatesOpenAt: scope.match.gatesOpenAt,
            scannedAt: new Date(s.scannedAt),
            deviceResult: s.result,
          }),
        ),
      );
      if ('error' in answer)
        c.get('deps').logger.warn({ deviceId: dev.id, nonce: s.nonce }, 'offline scan refused: nonce reused with another code');
      uploaded.push(
        'error' in answer ? { nonce: s.nonce, ...answer } : { nonce: s.nonce, result: answer.result, conflict: answer.conflict },
      );
    }
    const [changes, attendance] = await Promise.all([
      listCheckinChanges(db, dev.clubId, input.matchId, input.cursor === null ? null : Number(input.cursor)),
      summarizeAttendance(db, dev.clubId, input.matchId),
    ]);
    return c.json({
      ...changes,
      serverTime: changes.serverTime.toISOString(),
      gatesOpenAt: scope.match.gatesOpenAt?.toISOString() ?? null,
      uploaded,
      attendance: {
        expected: attendance.sold,
        admitted: attendance.admitted,
        stands: attendance.stands.map((s) => ({ id: s.standId, name: s.name, expected: s.sold, admitted: s.admitted })),
      },
    } satisfies SyncResponse);
  });
