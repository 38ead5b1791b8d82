import type { ScanResult } from '@footarena/gate-protocol';
import { parseShortCode } from '@footarena/ticket-code';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { scan, scanConflict, ticket } from '../../db/schema/index.ts';
import type { Ctx } from '../context.ts';
import { firstAnswer, judgeScan, type RedeemAnswer, recordScan, type ScanInput, typedScan } from './redeem-ticket.ts';

export interface OfflineAnswer extends RedeemAnswer {
  /** The device let in someone whose entry does not count: already admitted elsewhere, revoked… */
  conflict: boolean;
}

/**
 * A scan a device made offline, uploaded by its next sync (invariant 4). A refusal on the spot is
 * only logged. An admission is judged again at the device's time: the first scan of a ticket wins
 * (an earlier offline entry takes the place of a later one), and a second admission, or one of a
 * ticket the server refuses, is recorded as a conflict for the club to see. A repeated (device,
 * nonce) returns the first answer and changes nothing.
 */
export async function recordOfflineScan(
  tx: Tx,
  { now = new Date() }: Ctx<'now'>,
  uploaded: ScanInput & { scannedAt: Date; deviceResult: ScanResult },
): Promise<OfflineAnswer> {
  // A short code typed offline is logged as typed, under its canonical spelling.
  const typed = parseShortCode(uploaded.code);
  const input = typed.kind === 'other' ? uploaded : typedScan(uploaded, typed);
  const seen = await firstAnswer(tx, input);
  if (seen) {
    // This scan reached the server online but its answer came too late: the device decided offline
    // with the same nonce. If it let the person in where the server had refused, that is a conflict.
    if (input.deviceResult === 'ok' && seen.result !== 'ok') await flagLateAdmission(tx, input, seen);
    return offlineAnswer(seen, input.deviceResult);
  }
  // A device clock ahead of the server's cannot put an entry in the future.
  const at = input.scannedAt.getTime() > now.getTime() ? now : input.scannedAt;
  const verdict = await judgeScan(tx, input, at);
  const extra = { scannedAt: at, offline: true, deviceResult: input.deviceResult };
  if (input.deviceResult !== 'ok') {
    // Nobody went in: the log keeps what the steward saw.
    const answer = { result: input.deviceResult, ticketId: verdict.ticketId };
    return offlineAnswer((await recordScan(tx, input, answer, extra)) ?? answer, input.deviceResult);
  }
  // The ticket row is locked so that uploads from two devices, or a refund, decide one after the other.
  const [held] =
    verdict.result === 'admissible'
      ? await tx
          .select({ status: ticket.status, usedAt: ticket.usedAt, usedByDevice: ticket.usedByDevice, exitedAt: ticket.exitedAt })
          .from(ticket)
          .where(eq(ticket.id, verdict.ticketId))
          .for('update')
      : [];
  if (input.direction === 'out') {
    // Someone let out (re-entry) is no conflict whatever the server thinks: nobody got in.
    const inside = held?.status === 'valid' && held.usedAt !== null && held.exitedAt === null;
    const result = verdict.result !== 'admissible' ? verdict.result : inside ? 'ok' : held?.status === 'valid' ? 'not_inside' : 'revoked';
    const answer = { result, ticketId: verdict.ticketId };
    const first = await recordScan(tx, input, answer, extra);
    if (first) return { ...first, conflict: false };
    if (result === 'ok') await tx.update(ticket).set({ exitedAt: at }).where(eq(ticket.id, verdict.ticketId!));
    return { ...answer, conflict: false };
  }
  if (input.allowReentry && held?.status === 'valid' && held.usedAt && held.exitedAt && at.getTime() >= held.exitedAt.getTime()) {
    // Back in after going out (re-entry): the ticket is inside again; its first entry stays.
    const answer = { result: 'ok' as const, ticketId: verdict.ticketId };
    const first = await recordScan(tx, input, answer, extra);
    if (first) return offlineAnswer(first, 'ok');
    await tx.update(ticket).set({ exitedAt: null }).where(eq(ticket.id, verdict.ticketId!));
    return { ...answer, conflict: false };
  }
  if (verdict.result !== 'admissible' || held?.status !== 'valid') {
    const answer = { result: verdict.result === 'admissible' ? ('revoked' as const) : verdict.result, ticketId: verdict.ticketId };
    const first = await recordScan(tx, input, answer, extra);
    if (first) return offlineAnswer(first, 'ok');
    await tx.insert(scanConflict).values({
      clubId: input.clubId,
      matchId: input.matchId,
      ticketId: answer.ticketId,
      reason: answer.result,
      alsoByDevice: input.deviceId,
      alsoAt: at,
    });
    return { ...answer, conflict: true };
  }

  const earlier = held?.usedAt && held.usedByDevice ? { device: held.usedByDevice, at: held.usedAt } : null;
  const wins = !earlier || at.getTime() < earlier.at.getTime();
  const answer: RedeemAnswer = { result: wins ? 'ok' : 'already_used', ticketId: verdict.ticketId };
  const first = await recordScan(tx, input, answer, extra);
  if (first) return offlineAnswer(first, 'ok');
  if (wins)
    await tx
      .update(ticket)
      .set({ usedAt: at, usedByDevice: input.deviceId })
      .where(and(eq(ticket.id, verdict.ticketId), eq(ticket.status, 'valid')));
  if (earlier) {
    const [admitted, also] = wins ? [{ device: input.deviceId, at }, earlier] : [earlier, { device: input.deviceId, at }];
    await tx.insert(scanConflict).values({
      clubId: input.clubId,
      matchId: input.matchId,
      ticketId: verdict.ticketId,
      reason: 'already_used',
      admittedByDevice: admitted.device,
      admittedAt: admitted.at,
      alsoByDevice: also.device,
      alsoAt: also.at,
    });
  }
  return { ...answer, conflict: !wins };
}

/** Marks the scan as admitted offline after all, once, and records the conflict with the entry that counts. */
async function flagLateAdmission(tx: Tx, input: ScanInput & { scannedAt: Date }, seen: RedeemAnswer) {
  const flagged = await tx
    .update(scan)
    .set({ offline: true, deviceResult: 'ok' })
    .where(and(eq(scan.deviceId, input.deviceId), eq(scan.nonce, input.nonce), isNull(scan.deviceResult)))
    .returning({ scannedAt: scan.scannedAt });
  if (flagged.length === 0) return; // already flagged by an earlier upload of the same scan
  const [entry] = seen.ticketId
    ? await tx.select({ usedAt: ticket.usedAt, usedByDevice: ticket.usedByDevice }).from(ticket).where(eq(ticket.id, seen.ticketId))
    : [];
  await tx.insert(scanConflict).values({
    clubId: input.clubId,
    matchId: input.matchId,
    ticketId: seen.ticketId,
    reason: seen.result,
    admittedByDevice: seen.result === 'already_used' ? (entry?.usedByDevice ?? null) : null,
    admittedAt: seen.result === 'already_used' ? (entry?.usedAt ?? null) : null,
    alsoByDevice: input.deviceId,
    alsoAt: flagged[0]!.scannedAt,
  });
}

const offlineAnswer = (answer: RedeemAnswer, deviceResult: ScanResult): OfflineAnswer => ({
  ...answer,
  conflict: deviceResult === 'ok' && answer.result !== 'ok',
});
