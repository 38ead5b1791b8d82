import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { findMySeasonPass } from '../../domain/seasons/find-my-season-pass.ts';
import { giveBackSeasonSeat } from '../../domain/seasons/give-back-season-seat.ts';
import { lendSeasonSeat } from '../../domain/seasons/lend-season-seat.ts';
import { undoSeasonLoan } from '../../domain/seasons/undo-season-loan.ts';
import { formatMoney } from '../../i18n/index.ts';
import { render } from '../../views/layouts/layout.tsx';
import { SeasonPage } from '../../views/pages/account/season-page.tsx';
import { domainMessage } from '../errors.tsx';
import { parseForm } from '../forms.ts';
import { requireUser } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import type { AppEnv } from '../types.ts';

const lendForm = z.object({ email: z.email().max(254), name: z.string().trim().max(100).optional() });

/** Back to the pass's page, at the match, with what happened (a refusal in words). */
async function backTo(c: Context<AppEnv>, done: () => Promise<string>) {
  const page = `/account/season/${c.req.param('passId')}#m-${c.req.param('matchId')}`;
  try {
    return redirectWithFlash(c, page, 'success', await done());
  } catch (error) {
    if (error instanceof DomainError && error.code !== 'not_found') return redirectWithFlash(c, page, 'error', domainMessage(c, error));
    throw error;
  }
}

/** A holder's season ticket (decision 021): its matches, lending one, taking it back, freeing the seat. */
export const seasonRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get('/:passId', async (c) => {
    const pass = await findMySeasonPass(c.get('deps').db, c.get('user')!.id, c.req.param('passId'));
    if (!pass) throw new DomainError('not_found');
    return render(c, <SeasonPage pass={pass} />, { title: c.get('t')('season.title') });
  })
  .post('/:passId/:matchId/lend', async (c) => {
    const form = await parseForm(c, lendForm);
    // A malformed e-mail: said on the page, nothing lent.
    if (!form.ok) return redirectWithFlash(c, `/account/season/${c.req.param('passId')}`, 'error', c.get('t')('error.email'));
    const { email, name } = form.data;
    return backTo(c, async () => {
      const input = { actor: actorOf(c), passId: c.req.param('passId'), matchId: c.req.param('matchId'), email, name: name || null };
      await c.get('deps').db.transaction((tx) => lendSeasonSeat(tx, operationContext(c), input));
      return c.get('t')('season.lent', { email });
    });
  })
  .post('/:passId/:matchId/undo', (c) =>
    backTo(c, async () => {
      const input = { actor: actorOf(c), passId: c.req.param('passId'), matchId: c.req.param('matchId') };
      await c.get('deps').db.transaction((tx) => undoSeasonLoan(tx, operationContext(c), input));
      return c.get('t')('season.undone');
    }),
  )
  .post('/:passId/:matchId/give-back', (c) =>
    backTo(c, async () => {
      const input = { actor: actorOf(c), passId: c.req.param('passId'), matchId: c.req.param('matchId') };
      const { creditCents } = await c.get('deps').db.transaction((tx) => giveBackSeasonSeat(tx, operationContext(c), input));
      return c.get('t')('season.givenBack', { amount: formatMoney(creditCents, c.get('locale')) });
    }),
  );
