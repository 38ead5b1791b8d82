import { randomUUID } from 'node:crypto';
import { codeFor, VERDICT_CASES } from '@footarena/checkin-rules/cases';
import { generateKeyPair } from '@footarena/ticket-code';
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
      };
      const code = codeFor(tc.code, { ticketId, matchId, otherMatchId }, { club, otherClub });
      expect((await offlineVerdict(code, data, { clubId: 'club', matchId }, now)).result).toBe(tc.offline);
    });
  }
});
