import { randomUUID } from 'node:crypto';
import { codeFor, seasonListsFor, VERDICT_CASES } from '@footarena/checkin-rules/cases';
import { checkCharacter, generateKeyPair } from '@footarena/ticket-code';
import { describe, expect, it } from 'vitest';
import { offlineVerdict } from './offline-verdict.ts';

// The scanner's offline check runs on WebCrypto, as in the phone's browser (Node has the same API).
describe('the shared verdict table (@footarena/checkin-rules), in the browser scanner offline', () => {
  const club = generateKeyPair();
  const otherClub = generateKeyPair();
  const matchId = randomUUID();
  const otherMatchId = randomUUID();

  for (const tc of VERDICT_CASES) {
    it(`answers ${tc.offline} for ${tc.name}`, async () => {
      const ticketId = randomUUID();
      const now = new Date();
      const data = {
        keys: { [club.keyId]: club.publicKey },
        revoked: tc.ticket === 'revoked' ? [ticketId] : [],
        // The scanner keeps its own admissions with the synced ones.
        used: tc.ticket === 'used' || tc.ticket === 'admitted_here' ? [ticketId] : [],
        gatesOpenAt: new Date(now.getTime() + (tc.gates === 'open' ? -60_000 : 3_600_000)).toISOString(),
        ...seasonListsFor(tc, ticketId),
      };
      const code = codeFor(tc.code, { ticketId, matchId, otherMatchId }, { club, otherClub });
      expect((await offlineVerdict(code, data, { clubId: 'club', matchId }, now)).result).toBe(tc.offline);
    });
  }
});

describe('a short code typed in the browser scanner offline', () => {
  const matchId = randomUUID();
  const ticketId = randomUUID();
  const short = `ABCDEFGH${checkCharacter('ABCDEFGH')}`;
  const data = (over: { used?: string[]; outside?: string[]; allowReentry?: boolean } = {}) => ({
    keys: {},
    revoked: [],
    used: over.used ?? [],
    gatesOpenAt: null,
    shortCodes: { [short]: ticketId },
    outside: over.outside ?? [],
    allowReentry: over.allowReentry ?? false,
  });
  const now = new Date();

  it('is judged on the ticket it names in the synced short codes, typed in any spelling', async () => {
    expect(await offlineVerdict(` abc-def-gh${short.at(-1)!.toLowerCase()}`, data(), { clubId: 'c', matchId }, now)).toEqual({
      result: 'ok',
      ticketId,
    });
    expect((await offlineVerdict(short, data({ used: [ticketId] }), { clubId: 'c', matchId }, now)).result).toBe('already_used');
  });

  it('is unknown when mistyped or not synced', async () => {
    expect(await offlineVerdict(`ABCDEFHG${short.at(-1)}`, data(), { clubId: 'c', matchId }, now)).toEqual({
      result: 'unknown',
      ticketId: null,
    });
    expect((await offlineVerdict(`ABCDEFGJ${checkCharacter('ABCDEFGJ')}`, data(), { clubId: 'c', matchId }, now)).result).toBe('unknown');
  });

  it('lets a ticket out and back in where the match allows re-entry', async () => {
    const inside = data({ used: [ticketId], allowReentry: true });
    expect((await offlineVerdict(short, inside, { clubId: 'c', matchId }, now, 'out')).result).toBe('ok');
    const out = data({ used: [ticketId], outside: [ticketId], allowReentry: true });
    expect((await offlineVerdict(short, out, { clubId: 'c', matchId }, now, 'in')).result).toBe('ok');
    expect((await offlineVerdict(short, { ...out, allowReentry: false }, { clubId: 'c', matchId }, now, 'in')).result).toBe('already_used');
  });
});
