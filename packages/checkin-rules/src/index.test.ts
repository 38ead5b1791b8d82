import { checkCharacter, generateKeyPair, parseShortCode, verify } from '@footarena/ticket-code';
import { describe, expect, it } from 'vitest';
import { codeFor, seasonListsFor, VERDICT_CASES } from './cases.ts';
import { judgeCode, judgeOffline, judgeOfflineTyped, judgeTicket, type ScanScope } from './index.ts';

const club = generateKeyPair();
const otherClub = generateKeyPair();
const matchId = '11111111-1111-4111-8111-111111111111';
const otherMatchId = '22222222-2222-4222-8222-222222222222';
const ticketId = '33333333-3333-4333-8333-333333333333';
const now = new Date('2027-03-06T14:00:00Z');

describe('the scan verdict', () => {
  for (const tc of VERDICT_CASES) {
    it(`answers ${tc.online} online and ${tc.offline} offline for ${tc.name}`, () => {
      const code = codeFor(tc.code, { ticketId, matchId, otherMatchId }, { club, otherClub });
      const scope: ScanScope = {
        clubId: 'club',
        matchId,
        standIds: ['stand-main'],
        gatesOpenAt: tc.gates === 'open' ? new Date(now.getTime() - 60_000) : new Date(now.getTime() + 60_000),
      };
      // The server knows every club's keys and the ticket's row.
      const keys = { [club.keyId]: club.publicKey, [otherClub.keyId]: otherClub.publicKey };
      // The server resolves a pass code of a covering product to its row on this match (when it has one).
      const season = seasonListsFor(tc, ticketId);
      const checked = verify(code, keys);
      const passRow = checked.ok && season.seasonProducts.includes(checked.matchId) ? (season.passes[checked.ticketId] ?? null) : null;
      const verified = checked.ok && passRow ? { ...checked, ticketId: passRow, matchId } : checked;
      const online = judgeCode({ verified, keyClubId: keyClub(code, keys) }, scope);
      const ticket =
        tc.ticket === 'missing'
          ? null
          : {
              revoked: tc.ticket === 'revoked',
              used: tc.ticket === 'used' || tc.ticket === 'admitted_here',
              standId: tc.stand === 'admitted' ? 'stand-main' : 'stand-north',
            };
      expect(online.result === 'lookup' ? judgeTicket(online.ticketId, ticket, scope, now).result : online.result).toBe(tc.online);

      // A device holds its club's keys and the lists of its last sync.
      const lists = {
        revoked: new Set(tc.ticket === 'revoked' ? [ticketId] : []),
        used: new Set(tc.ticket === 'used' ? [ticketId] : []),
        ownAdmissions: new Set(tc.ticket === 'admitted_here' ? [ticketId] : []),
        seasonProducts: new Set(season.seasonProducts),
        passes: new Map(Object.entries(season.passes)),
      };
      expect(judgeOffline(verify(code, { [club.keyId]: club.publicKey }), lists, scope, now).result).toBe(tc.offline);
    });
  }

  it('names the ticket only when the code is genuine', () => {
    const scope: ScanScope = { clubId: 'club', matchId, standIds: null, gatesOpenAt: null };
    const lists = { revoked: new Set<string>(), used: new Set<string>(), ownAdmissions: new Set<string>() };
    const forged = codeFor('tampered', { ticketId, matchId, otherMatchId }, { club, otherClub });
    expect(judgeOffline(verify(forged, { [club.keyId]: club.publicKey }), lists, scope, now)).toEqual({
      result: 'bad_signature',
      ticketId: null,
    });
    const genuine = codeFor('genuine', { ticketId, matchId, otherMatchId }, { club, otherClub });
    expect(judgeOffline(verify(genuine, { [club.keyId]: club.publicKey }), lists, scope, now)).toEqual({ result: 'ok', ticketId });
  });
});

describe('a short code typed offline', () => {
  const scope: ScanScope = { clubId: 'club', matchId, standIds: null, gatesOpenAt: null };
  const short = `ABCDEFGH${checkCharacter('ABCDEFGH')}`;
  const lists = (over: { used?: string[]; revoked?: string[] } = {}) => ({
    revoked: new Set(over.revoked ?? []),
    used: new Set(over.used ?? []),
    ownAdmissions: new Set<string>(),
    shortCodes: new Map([[short, ticketId]]),
  });

  it('is judged on the ticket the synced short codes name, like its QR', () => {
    expect(judgeOfflineTyped(parseShortCode(`abc-def-gh${short[8]!.toLowerCase()}`), lists(), scope, now)).toEqual({
      result: 'ok',
      ticketId,
    });
    expect(judgeOfflineTyped(parseShortCode(short), lists({ used: [ticketId] }), scope, now).result).toBe('already_used');
    expect(judgeOfflineTyped(parseShortCode(short), lists({ revoked: [ticketId] }), scope, now).result).toBe('revoked');
  });

  it('is unknown when it is a typo or not in the lists: a short code cannot be presumed sold', () => {
    expect(judgeOfflineTyped(parseShortCode(`ABCDEFHG${short[8]}`), lists(), scope, now)).toEqual({ result: 'unknown', ticketId: null });
    const other = `ABCDEFGJ${checkCharacter('ABCDEFGJ')}`;
    expect(judgeOfflineTyped(parseShortCode(other), lists(), scope, now)).toEqual({ result: 'unknown', ticketId: null });
  });
});

describe('re-entry', () => {
  const open: ScanScope = { clubId: 'club', matchId, standIds: null, gatesOpenAt: null, allowReentry: true };
  const single: ScanScope = { ...open, allowReentry: false };
  const facts = (used: boolean, outside: boolean) => ({ revoked: false, used, standId: null, outside });

  it('lets a ticket inside out, and back in once it is out; never in twice', () => {
    expect(judgeTicket(ticketId, facts(true, false), open, now, 'out').result).toBe('ok');
    expect(judgeTicket(ticketId, facts(true, true), open, now, 'out').result).toBe('not_inside');
    expect(judgeTicket(ticketId, facts(false, false), open, now, 'out').result).toBe('not_inside');
    expect(judgeTicket(ticketId, facts(true, true), open, now, 'in').result).toBe('ok');
    expect(judgeTicket(ticketId, facts(true, false), open, now, 'in').result).toBe('already_used');
  });

  it('is single entry as ever where the match does not allow it', () => {
    expect(judgeTicket(ticketId, facts(true, true), single, now, 'in').result).toBe('already_used');
    expect(judgeTicket(ticketId, facts(true, false), single, now, 'out').result).toBe('not_inside');
    expect(judgeTicket(ticketId, { ...facts(true, true), revoked: true }, open, now, 'in').result).toBe('revoked');
  });
});

/** The club whose key signed a code, as the server reads it from its key table. */
function keyClub(code: string, keys: Record<string, string>) {
  const verified = verify(code, keys);
  if (!verified.ok) return null;
  return verified.keyId === club.keyId ? 'club' : 'other';
}
