import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { seasonLoan } from '../../db/schema/index.ts';
import { type Person, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { passSeatOn } from '../tickets/pass-seat-on.ts';
import { activeSigningKey } from '../tickets/signing-key.ts';
import { ownPassSeat } from './own-pass-seat.ts';

/**
 * The holder takes a lent match back, until the friend's ticket is used: that ticket is revoked by the
 * guarded UPDATE of passSeatOn (valid and not entered), so a scan of it racing this undo either enters
 * first — and the undo fails with `ticket_used` — or finds it revoked; never both. The seat gets a new
 * row of the pass, which the season code enters again.
 */
export async function undoSeasonLoan(
  tx: Tx,
  { config, now = new Date() }: Ctx<'config' | 'now'>,
  input: { actor: Person; passId: string; matchId: string },
) {
  const { pass } = await ownPassSeat(tx, input.actor, input.passId, input.matchId, now);
  const [loan] = await tx
    .select()
    .from(seasonLoan)
    .where(and(eq(seasonLoan.passId, pass.id), eq(seasonLoan.matchId, input.matchId), isNull(seasonLoan.undoneAt)))
    .for('update');
  if (!loan) throw new DomainError('not_found');
  const key = await activeSigningKey(tx, pass.clubId, config.ticketSealingKey);
  const back = await passSeatOn(tx, { ticketId: loan.ticketId, holder: { email: null, name: null }, seasonPassId: pass.id }, key).catch(
    (error: unknown) => {
      throw error instanceof DomainError && error.code === 'ticket_used' ? new DomainError('loan_used') : error;
    },
  );
  await tx.update(seasonLoan).set({ undoneAt: now }).where(eq(seasonLoan.id, loan.id));
  await recordActivity(tx, {
    clubId: pass.clubId,
    actor: input.actor,
    action: 'season.loan_undone',
    subject: { orderId: pass.orderId, matchId: input.matchId },
  });
  return { ticketId: back.id };
}
