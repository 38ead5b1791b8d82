import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { match, organization, seasonProduct, stand, user } from '../../db/schema/index.ts';
import { matchTitle } from '../catalog/match-title.ts';
import { type Outbox, QUEUES, type TemplateMail } from '../outbox.ts';
import { seasonProductTitle } from '../seasons/season-rules.ts';

/**
 * Tells a buyer their money is coming back, in their language, greeted by name and with the match
 * named: one mail job in the caller's transaction (it goes out only if the refund commits).
 */
export async function sendRefundMail(
  tx: Tx,
  outbox: Outbox,
  input: {
    order: {
      email: string;
      userId: string | null;
      matchId: string | null;
      seasonProductId: string | null;
      reference: string;
      buyerName: string | null;
      buyerLocale: string | null;
    };
    template: TemplateMail['template'];
    amountCents: number;
    url: string;
    /** How many tickets a partial refund gave back. */
    count?: number;
    dates?: TemplateMail['dates'];
    note?: string;
  },
) {
  const { order } = input;
  const [m] = !order.matchId
    ? []
    : await tx
        .select({ isHome: match.isHome, opponent: match.opponentName, club: organization.name })
        .from(match)
        .innerJoin(organization, eq(organization.id, match.clubId))
        .where(eq(match.id, order.matchId));
  // A season order names its product ("Season ticket 2026–27 · North stand"), in the same place.
  const [season] = !order.seasonProductId
    ? []
    : await tx
        .select({ name: seasonProduct.name, season: seasonProduct.season, stand: stand.name })
        .from(seasonProduct)
        .innerJoin(stand, eq(stand.id, seasonProduct.standId))
        .where(eq(seasonProduct.id, order.seasonProductId));
  const [buyer] = order.userId ? await tx.select({ locale: user.locale, name: user.name }).from(user).where(eq(user.id, order.userId)) : [];
  await outbox.send(tx, QUEUES.mail, {
    to: order.email,
    template: input.template,
    locale: buyer?.locale ?? order.buyerLocale ?? undefined, // a guest's: the language they bought in
    params: {
      url: input.url,
      reference: order.reference,
      match: m ? matchTitle(m.isHome, m.club, m.opponent) : season ? seasonProductTitle(season) : '',
      // A season order refunded for one cancelled match names both.
      ...(m && season ? { season: seasonProductTitle(season) } : {}),
      ...((buyer?.name ?? order.buyerName) ? { name: (buyer?.name ?? order.buyerName)! } : {}),
      ...(input.count === undefined ? {} : { count: String(input.count) }),
    },
    money: { amount: input.amountCents },
    ...(input.dates ? { dates: input.dates } : {}),
    ...(input.note ? { note: input.note } : {}),
  } satisfies TemplateMail);
}
