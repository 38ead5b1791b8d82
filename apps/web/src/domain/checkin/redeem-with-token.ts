import { parseShortCode } from '@footarena/ticket-code';
import { sql } from 'drizzle-orm';
import type { Autocommit } from '../../db/client.ts';
import type { ScanDirection } from '../../db/schema/index.ts';
import { device, match } from '../../db/schema/index.ts';
import type { Ctx } from '../context.ts';
import { deviceActive } from '../devices/device-active.ts';
import { hashSecret } from '../devices/device-secrets.ts';
import { scopeStands } from '../devices/list-device-matches.ts';
import { DomainError } from '../errors.ts';
import { findPassTicketByShortCode, resolvePassCode } from './find-pass-ticket.ts';
import { checkCode, foundCode, judgeAndLog, readScanFacts, seenJson, type TicketLookup, typedScan } from './redeem-ticket.ts';

interface DeviceContext {
  device: { id: string; clubId: string; matchIds: string[] | null; standIds: string[] | null };
  /** The match the scan names, when it is the device's club's. */
  match: { gatesOpenAt: string | null; allowReentry: boolean } | null;
  seen: Parameters<typeof judgeAndLog>[4];
}

const BY_TOKEN = {
  context: sql<DeviceContext | null>`(select json_build_object(
      'device', json_build_object('id', ${device.id}, 'clubId', ${device.clubId}, 'matchIds', ${device.matchIds}, 'standIds', ${device.standIds}),
      'match', (select json_build_object('gatesOpenAt', m.gates_open_at, 'allowReentry', m.allow_reentry) from ${match} m
                where m.id = ${sql.placeholder('matchId')}::uuid and m.club_id = ${device.clubId}),
      'seen', ${seenJson(sql`${device.id}`)})
    from ${device} where ${device.tokenHash} = ${sql.placeholder('tokenHash')} and ${deviceActive})`,
};

/** What the steward presents: a code (its QR read, or its short code typed), or a ticket found by a search. */
type Presented = { code: string } | { ticketId: string };

/**
 * A scan sent to the device API, with the device known only by its token: the device (active: not
 * revoked, a staff browser only while its person is on the staff), the match and the stands it may
 * admit, the first answer to the nonce and the ticket are read in one statement, then redeemTicket's
 * rules apply. Nothing is cached: a device revoked a moment ago, by any process, is refused here.
 * Null when the token is no active device's. The device, named by its token, is the scan's actor.
 */
export async function redeemWithToken(
  db: Autocommit,
  { now = new Date() }: Ctx<'now'>,
  request: { token: string; nonce: string; matchId: string; standId?: string; direction?: ScanDirection } & Presented,
) {
  // A ticket found by a search, or a short code typed by the steward, is looked up within the scanned
  // match (a typo never is); a QR code is verified with the club keys first.
  const searched = 'ticketId' in request ? request.ticketId : null;
  const text = 'code' in request ? request.code : '';
  const typed = parseShortCode(text);
  // The device is not known yet (read below with the ticket): a season pass's code is resolved within the
  // club of the key that signed it, which judgeAndLog then checks against the device's.
  const signed = searched === null && typed.kind === 'other' ? await checkCode(db, text) : null;
  const code = signed?.keyClubId ? await resolvePassCode(db, signed, { clubId: signed.keyClubId, matchId: request.matchId }) : signed;
  const lookup: TicketLookup | null =
    searched !== null
      ? { matchId: request.matchId, ticketId: searched }
      : typed.kind === 'short'
        ? { matchId: request.matchId, shortCode: typed.code }
        : code?.ticketId
          ? { ticketId: code.ticketId }
          : null;
  const params = { tokenHash: hashSecret(request.token), matchId: request.matchId, nonce: request.nonce };
  let facts = await readScanFacts(db, 'scan_facts_by_token', lookup, BY_TOKEN, params);
  if (!facts.context) return null;
  const { device: dev, match: own, seen } = facts.context;
  if (!own) throw new DomainError('not_found');
  if (!facts.ticket && typed.kind === 'short') {
    // Not a ticket's short code: perhaps a season pass's, typed at a match its product covers.
    const pass = await findPassTicketByShortCode(db, { clubId: dev.clubId, matchId: request.matchId }, typed.code);
    if (pass) facts = await readScanFacts(db, 'scan_facts_by_token', { ticketId: pass.id }, BY_TOKEN, params);
  }
  const standIds = scopeStands(dev, request.matchId, request.standId);
  if (standIds === 'forbidden') throw new DomainError('forbidden');
  const scanned = {
    clubId: dev.clubId,
    matchId: request.matchId,
    deviceId: dev.id,
    nonce: request.nonce,
    // A search's admission is logged (and its nonce bound) under the ticket it names.
    code: searched !== null ? `ticket:${searched}` : text,
    standIds,
    gatesOpenAt: own.gatesOpenAt === null ? null : new Date(own.gatesOpenAt),
    direction: request.direction,
    allowReentry: own.allowReentry,
  };
  const input = code ? scanned : searched !== null ? { ...scanned, method: 'search' as const } : typedScan(scanned, typed);
  const checked = code ?? foundCode(facts.ticket, scanned);
  return { deviceId: dev.id, clubId: dev.clubId, answer: await judgeAndLog(db, input, checked, facts.ticket, seen, now) };
}
