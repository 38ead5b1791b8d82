import { parse, verify } from '@footarena/ticket-code';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { clubSigningKey, match, type ScanResult, scan, ticket } from '../../db/schema/index.ts';

/** How long before the gates open a ticket is refused as "not open yet". */
export const EARLY_MINUTES = 0;

export interface RedeemAnswer {
  result: ScanResult;
  ticketId: string | null;
}

/**
 * A scan at the gate (invariant 3). The code is verified with the club's keys (a forged code never
 * reaches the database), then the ticket is admitted by one atomic UPDATE that only succeeds while
 * it is valid and unused: of two gates scanning it at the same moment, one gets `ok`, the other
 * `already_used`. Every scan is recorded with its result; a repeated (device, nonce) returns the
 * first answer and changes nothing.
 */
export async function redeemTicket(
  tx: Tx,
  input: { clubId: string; matchId: string; deviceId: string; nonce: string; code: string },
  now = new Date(),
): Promise<RedeemAnswer> {
  const [seen] = await tx
    .select({ result: scan.result, ticketId: scan.ticketId })
    .from(scan)
    .where(and(eq(scan.deviceId, input.deviceId), eq(scan.nonce, input.nonce)));
  if (seen) return seen;

  const answer = await judge(tx, input, now);
  const recorded = await tx
    .insert(scan)
    .values({
      clubId: input.clubId,
      matchId: input.matchId,
      deviceId: input.deviceId,
      nonce: input.nonce,
      ticketId: answer.ticketId,
      result: answer.result,
      scannedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: scan.id });
  if (recorded.length === 0) {
    // The same request, sent twice at once: the first one recorded decides the answer.
    const [first] = await tx
      .select({ result: scan.result, ticketId: scan.ticketId })
      .from(scan)
      .where(and(eq(scan.deviceId, input.deviceId), eq(scan.nonce, input.nonce)));
    return first ?? answer;
  }
  return answer;
}

async function judge(tx: Tx, input: { clubId: string; matchId: string; deviceId: string; code: string }, now: Date): Promise<RedeemAnswer> {
  const parsed = parse(input.code);
  if (!parsed.ok) return { result: 'unknown', ticketId: null };
  const keys = await tx
    .select({ keyId: clubSigningKey.keyId, clubId: clubSigningKey.clubId, publicKey: clubSigningKey.publicKey })
    .from(clubSigningKey)
    .where(eq(clubSigningKey.keyId, parsed.keyId));
  const key = keys[0];
  if (!key) return { result: 'bad_signature', ticketId: null };
  const verified = verify(input.code, { [key.keyId]: key.publicKey });
  if (!verified.ok) return { result: 'bad_signature', ticketId: null };
  if (key.clubId !== input.clubId) return { result: 'wrong_club', ticketId: null };
  if (verified.matchId !== input.matchId) return { result: 'wrong_match', ticketId: verified.ticketId };
  const [found] = await tx.select({ status: ticket.status, usedAt: ticket.usedAt }).from(ticket).where(eq(ticket.id, verified.ticketId));
  if (!found) return { result: 'unknown', ticketId: verified.ticketId };
  if (found.status === 'revoked') return { result: 'revoked', ticketId: verified.ticketId };
  const [m] = await tx.select({ gatesOpenAt: match.gatesOpenAt }).from(match).where(eq(match.id, input.matchId));
  if (m?.gatesOpenAt && now.getTime() < m.gatesOpenAt.getTime() - EARLY_MINUTES * 60_000)
    return { result: 'not_open_yet', ticketId: verified.ticketId };
  const admitted = await tx
    .update(ticket)
    .set({ usedAt: now, usedByDevice: input.deviceId })
    .where(and(eq(ticket.id, verified.ticketId), isNull(ticket.usedAt), eq(ticket.status, 'valid')))
    .returning({ id: ticket.id });
  return { result: admitted.length > 0 ? 'ok' : 'already_used', ticketId: verified.ticketId };
}
