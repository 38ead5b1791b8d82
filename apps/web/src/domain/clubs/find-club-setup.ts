import { and, asc, count, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { clubPaymentAccount, match, stand, venue } from '../../db/schema/index.ts';

/** The steps from a new club to its first match on sale, in order. */
export const SETUP_STEPS = ['venue', 'stands', 'payouts', 'match', 'onSale'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/**
 * How far a club is in setting itself up to sell (the dashboard's checklist): its first venue, a
 * stand in it, payouts (needed only when payments go through Stripe), a first upcoming match, and
 * that match on sale. `nextMatchId` is the first upcoming match not yet on sale, to put on sale.
 */
export async function findClubSetup(
  db: Executor,
  clubId: string,
  { payoutsNeeded, now = new Date() }: { payoutsNeeded: boolean; now?: Date },
) {
  const upcoming = and(eq(match.clubId, clubId), gt(match.kickoffAt, now), ne(match.status, 'cancelled'));
  const [[venues], [stands], [account], [matches], [onSale], [toSell]] = await Promise.all([
    db.select({ n: count() }).from(venue).where(eq(venue.clubId, clubId)),
    db
      .select({ n: count() })
      .from(stand)
      .where(and(eq(stand.clubId, clubId), isNull(stand.archivedAt))),
    db.select({ ready: clubPaymentAccount.chargesEnabled }).from(clubPaymentAccount).where(eq(clubPaymentAccount.clubId, clubId)),
    db.select({ n: count() }).from(match).where(upcoming),
    db
      .select({ n: count() })
      .from(match)
      .where(and(upcoming, eq(match.status, 'on_sale'))),
    db
      .select({ id: match.id })
      .from(match)
      .where(and(upcoming, eq(match.status, 'scheduled')))
      .orderBy(asc(match.kickoffAt))
      .limit(1),
  ]);
  const done: Record<SetupStep, boolean> = {
    venue: (venues?.n ?? 0) > 0,
    stands: (stands?.n ?? 0) > 0,
    payouts: !payoutsNeeded || account?.ready === true,
    match: (matches?.n ?? 0) > 0,
    onSale: (onSale?.n ?? 0) > 0,
  };
  return {
    steps: SETUP_STEPS.map((step) => ({ step, done: done[step] })),
    next: SETUP_STEPS.find((step) => !done[step]) ?? null,
    nextMatchId: toSell?.id ?? null,
  };
}

export type ClubSetup = Awaited<ReturnType<typeof findClubSetup>>;
