import {
  AdmitRequest,
  FreeEntryRequest,
  type FreeEntryResponse,
  GuestAdmitRequest,
  type GuestAdmitResponse,
  GuestSearchQuery,
  type GuestSearchResponse,
  type HealthAck,
  HealthReport,
  type MatchesResponse,
  PairRequest,
  RedeemRequest,
  type RedeemResponse,
  SearchRequest,
  type SearchResponse,
  SyncRequest,
  type SyncResponse,
} from '@footarena/gate-protocol';
import { openApiDocument } from '@footarena/gate-protocol/openapi';
import { parseShortCode } from '@footarena/ticket-code';
import { type Context, Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import { countAttempt } from '../../domain/accounts/count-attempt.ts';
import { forgetAttempt } from '../../domain/accounts/forget-attempt.ts';
import { lockAfterFailure } from '../../domain/accounts/lock-after-failure.ts';
import type { AttemptKey } from '../../domain/accounts/sign-in-policy.ts';
import { maySell } from '../../domain/boxoffice/gate-seller.ts';
import { countFreeEntry } from '../../domain/checkin/count-free-entry.ts';
import { describeTicket } from '../../domain/checkin/describe-ticket.ts';
import { listCheckinChanges } from '../../domain/checkin/list-checkin-changes.ts';
import { recordOfflineScan } from '../../domain/checkin/record-offline-scan.ts';
import { redeemWithToken } from '../../domain/checkin/redeem-with-token.ts';
import { searchMatchTickets } from '../../domain/checkin/search-match-tickets.ts';
import { summarizeAttendance } from '../../domain/checkin/summarize-attendance.ts';
import { authenticateDevice, tokenShaped } from '../../domain/devices/authenticate-device.ts';
import { findScanScope } from '../../domain/devices/find-scan-scope.ts';
import { listDeviceMatches } from '../../domain/devices/list-device-matches.ts';
import { pairDevice } from '../../domain/devices/pair-device.ts';
import { recordDeviceHealth } from '../../domain/devices/record-device-health.ts';
import { DomainError } from '../../domain/errors.ts';
import { admitGuest } from '../../domain/guests/admit-guest.ts';
import { listOfflineGuests, searchGuests } from '../../domain/guests/search-guests.ts';
import { clientIp } from '../client-ip.ts';
import type { AppEnv } from '../types.ts';
import { jsonBody, limit } from './body.ts';
import { boxOfficeApi } from './box-office.ts';
import { answerError, refusalOf } from './errors.ts';

export type DeviceEnv = AppEnv & { Variables: { device: NonNullable<Awaited<ReturnType<typeof authenticateDevice>>>; token: string } };

const bearerOf = (header: string | undefined) => /^Bearer (\S+)$/.exec(header ?? '')?.[1];

/** Every call but pairing carries the device's token; a revoked device is refused at once. */
const deviceAuth = createMiddleware<DeviceEnv>(async (c, next) => {
  const token = bearerOf(c.req.header('authorization'));
  const dev = token ? await authenticateDevice(c.get('deps').db, token) : null;
  if (!dev) throw new HTTPException(401, { message: 'A valid device token is required.' });
  c.set('device', dev);
  await next();
});

/** A call that authenticates its device itself: a token is there, well formed (else 401 at once). */
const bearerToken = createMiddleware<DeviceEnv>(async (c, next) => {
  const token = bearerOf(c.req.header('authorization'));
  if (!token || !tokenShaped(token)) throw new HTTPException(401, { message: 'A valid device token is required.' });
  c.set('token', token);
  await next();
});

/**
 * One scan or admission by a device known by its token (redeemWithToken), answered as the contract says:
 * the ticket described, and for `already_used` when and where it entered.
 */
async function redeemAnswer(c: Context<DeviceEnv>, request: RedeemRequest | AdmitRequest) {
  const { db } = c.get('deps');
  const redeemed = await redeemWithToken(db, {}, { ...request, token: c.get('token') });
  if (!redeemed) throw new HTTPException(401, { message: 'A valid device token is required.' });
  const { answer, clubId } = redeemed;
  // Described by the scan itself, except a repeated nonce or another match's ticket: read then.
  const ticket = answer.ticket ?? (answer.ticketId ? await describeTicket(db, clubId, answer.ticketId) : null);
  return {
    result: answer.result,
    ticket,
    ...(answer.entry ? { entry: { at: answer.entry.at.toISOString(), device: answer.entry.device } } : {}),
  } satisfies RedeemResponse;
}

/**
 * The device API (docs/device-api.md): pairing, then scans authenticated by the device's token.
 * Every club query is scoped by the club of the device. Each body is bounded before it is read, then
 * validated (body.ts); every refusal is thrown and answered once, as {error, message} (errors.ts).
 */
export const deviceApiV1 = new Hono<DeviceEnv>()
  .get('/openapi.json', (c) => c.json(openApiDocument()))
  .post('/pair', limit(16 * 1024), jsonBody(PairRequest), async (c) => {
    const input = c.req.valid('json');
    const { db } = c.get('deps');
    // A code is guessed like a password: counted per address and from everywhere, before the check.
    const keys: AttemptKey[] = [
      { kind: 'pair', value: clientIp(c) },
      { kind: 'pairAll', value: 'all' },
    ];
    const attempt = await countAttempt(db, keys);
    if (!attempt.allowed) {
      c.header('Retry-After', String(attempt.retryInSeconds));
      throw new HTTPException(429, { message: 'Too many wrong pairing codes; try again later.' });
    }
    try {
      const paired = await pairDevice(db, {}, { code: input.code });
      await forgetAttempt(db, keys);
      return c.json(paired);
    } catch (error) {
      if (error instanceof DomainError) await lockAfterFailure(db, keys);
      throw error;
    }
  })
  // The device is authenticated by the scan's own first statement (redeemWithToken): a missing or
  // malformed token is refused before the body is read, an unknown or revoked one after.
  .post('/redeem', bearerToken, limit(16 * 1024), jsonBody(RedeemRequest), async (c) => {
    const request = c.req.valid('json');
    const answer = await redeemAnswer(c, request);
    return c.json(parseShortCode(request.code).kind === 'typo' ? { ...answer, hint: 'check_code' as const } : answer);
  })
  // A ticket found by a search, admitted by hand: the same admission as a scan, logged as a search's.
  .post('/admit', bearerToken, limit(16 * 1024), jsonBody(AdmitRequest), async (c) => c.json(await redeemAnswer(c, c.req.valid('json'))))
  .post('/search', deviceAuth, limit(16 * 1024), jsonBody(SearchRequest), async (c) => {
    const { db } = c.get('deps');
    const dev = c.get('device');
    const { matchId, query } = c.req.valid('json');
    await findScanScope(db, dev, matchId);
    const tickets = await searchMatchTickets(db, dev.clubId, matchId, query);
    return c.json({ tickets } satisfies SearchResponse);
  })
  .get('/matches', deviceAuth, async (c) => {
    const { db } = c.get('deps');
    const [matches, canSell] = await Promise.all([listDeviceMatches(db, c.get('device')), maySell(db, c.get('device'))]);
    return c.json({
      canSell,
      matches: matches.map((m) => ({ ...m, kickoffAt: m.kickoffAt.toISOString(), gatesOpenAt: m.gatesOpenAt?.toISOString() ?? null })),
    } satisfies MatchesResponse);
  })
  .post('/health', deviceAuth, limit(64 * 1024), jsonBody(HealthReport), async (c) => {
    const recorded = await recordDeviceHealth(c.get('deps').db, {}, { device: c.get('device'), report: c.req.valid('json') });
    return c.json({ recorded } satisfies HealthAck);
  })
  .post('/sync', deviceAuth, limit(512 * 1024), jsonBody(SyncRequest), async (c) => {
    const { db, logger } = c.get('deps');
    const dev = c.get('device');
    const input = c.req.valid('json');
    const scope = await findScanScope(db, dev, input.matchId);
    const uploaded: SyncResponse['uploaded'] = [];
    for (const s of input.scans) {
      try {
        // One transaction per scan: a long upload never holds many ticket rows at once.
        const answer = await db.transaction((tx) =>
          recordOfflineScan(
            tx,
            {},
            {
              clubId: dev.clubId,
              matchId: input.matchId,
              deviceId: dev.id,
              nonce: s.nonce,
              code: s.code,
              standIds: scope.standIds,
              gatesOpenAt: scope.match.gatesOpenAt,
              scannedAt: new Date(s.scannedAt),
              deviceResult: s.result,
              direction: s.direction,
              allowReentry: scope.match.allowReentry,
            },
          ),
        );
        uploaded.push({ nonce: s.nonce, result: answer.result, conflict: answer.conflict });
      } catch (error) {
        // A reused nonce refuses that scan alone, in the answer's list; the others still count.
        const refusal = refusalOf(error);
        if (refusal?.error !== 'nonce_reused') throw error;
        logger.warn({ deviceId: dev.id, nonce: s.nonce }, 'offline scan refused: nonce reused with another code');
        uploaded.push({ nonce: s.nonce, error: refusal.error, message: refusal.message });
      }
    }
    const [changes, attendance, guests] = await Promise.all([
      listCheckinChanges(db, dev.clubId, input.matchId, input.cursor === null ? null : Number(input.cursor)),
      summarizeAttendance(db, dev.clubId, input.matchId),
      listOfflineGuests(db, dev.clubId, input.matchId),
    ]);
    return c.json({
      ...changes,
      serverTime: changes.serverTime.toISOString(),
      entries: changes.entries.map((e) => ({ ...e, at: e.at.toISOString() })),
      gatesOpenAt: scope.match.gatesOpenAt?.toISOString() ?? null,
      allowReentry: scope.match.allowReentry,
      uploaded,
      attendance: {
        expected: attendance.sold,
        admitted: attendance.admitted,
        inside: attendance.inside,
        stands: attendance.stands.map((s) => ({ id: s.standId, name: s.name, expected: s.sold, admitted: s.admitted, inside: s.inside })),
      },
      guests,
    } satisfies SyncResponse);
  })
  // Guests admitted by name: found by the steward (walled by the device's club and the match), then
  // 1..n places admitted, each by the same statement as a scanned QR.
  .get('/guests', deviceAuth, async (c) => {
    const query = GuestSearchQuery.safeParse({ matchId: c.req.query('matchId'), q: c.req.query('q') });
    if (!query.success) throw new HTTPException(400, { message: 'matchId (a UUID) and q (2 to 80 characters) are required.' });
    const { db } = c.get('deps');
    const dev = c.get('device');
    await findScanScope(db, dev, query.data.matchId);
    return c.json({ guests: await searchGuests(db, dev.clubId, query.data.matchId, query.data.q) } satisfies GuestSearchResponse);
  })
  .post('/guests/admit', deviceAuth, limit(16 * 1024), jsonBody(GuestAdmitRequest), async (c) => {
    const { db } = c.get('deps');
    const dev = c.get('device');
    const input = c.req.valid('json');
    const scope = await findScanScope(db, dev, input.matchId, input.standId);
    const answer = await admitGuest(
      db,
      {},
      {
        clubId: dev.clubId,
        matchId: input.matchId,
        deviceId: dev.id,
        guestId: input.guestId,
        places: input.places,
        nonce: input.nonce,
        standIds: scope.standIds,
        gatesOpenAt: scope.match.gatesOpenAt,
      },
    );
    return c.json(answer satisfies GuestAdmitResponse);
  })
  // A child entering free: online only (the seat is taken on the stand row; docs/device-api.md).
  .post('/free-entry', deviceAuth, limit(16 * 1024), jsonBody(FreeEntryRequest), async (c) => {
    const { db, outbox, config } = c.get('deps');
    const dev = c.get('device');
    const input = c.req.valid('json');
    const scope = await findScanScope(db, dev, input.matchId);
    const counted = await db.transaction((tx) =>
      countFreeEntry(
        tx,
        { outbox, config: config.sales },
        {
          clubId: dev.clubId,
          matchId: input.matchId,
          deviceId: dev.id,
          standId: input.standId,
          nonce: input.nonce,
          standIds: scope.standIds,
          countedAt: input.countedAt ? new Date(input.countedAt) : undefined,
        },
      ),
    );
    if (!counted.ticketId) throw new HTTPException(409, { message: 'This nonce was used for something else.' });
    return c.json({ ticketId: counted.ticketId, repeated: counted.repeated } satisfies FreeEntryResponse);
  })
  .use('/box-office/*', deviceAuth)
  .route('/box-office', boxOfficeApi)
  // Anything else under /api/v1, a wrong method included, is a JSON 404, never the site's page.
  .all('*', (c) => {
    throw new HTTPException(404, { message: `No ${c.req.method} ${c.req.path} in the device API; see /api/v1/openapi.json.` });
  })
  .onError(answerError);
