import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { matchTitle } from '../../domain/catalog/match-title.ts';
import { DomainError } from '../../domain/errors.ts';
import { listMyOrders } from '../../domain/sales/list-my-orders.ts';
import { findMySeasonPass } from '../../domain/seasons/find-my-season-pass.ts';
import { groupMyTickets, locateTicket } from '../../domain/tickets/group-my-tickets.ts';
import { listMyPasses } from '../../domain/tickets/list-my-passes.ts';
import { listMyTickets } from '../../domain/tickets/list-my-tickets.ts';
import { passTicketOn } from '../../domain/tickets/pass-ticket-on.ts';
import { reissueTicket } from '../../domain/tickets/reissue-ticket.ts';
import { resendTickets } from '../../domain/tickets/resend-tickets.ts';
import { assetUrl } from '../../views/asset-url.ts';
import type { ShownTicket } from '../../views/components/ticket-facts.tsx';
import { ticketQrSvg } from '../../views/components/ticket-qr.tsx';
import { render } from '../../views/layouts/layout.tsx';
import { PassOnPage } from '../../views/pages/account/pass-on-page.tsx';
import { TicketPage } from '../../views/pages/account/ticket-page.tsx';
import { type ShownPass, TicketsHead, TicketsPage } from '../../views/pages/account/tickets-page.tsx';
import { type CalendarMatch, renderMatchIcs } from '../../views/tickets/ticket-files.ts';
import { webManifest } from '../assets.ts';
import { domainMessage } from '../errors.tsx';
import { parseForm } from '../forms.ts';
import { requireUser } from '../middleware/access.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf, operationContext } from '../operation.ts';
import { sendOrderPdf } from '../order-pdf.ts';
import { emailField, nameField } from '../public/auth-schemas.ts';
import { safeRedirectPath } from '../redirect.ts';
import type { AppEnv } from '../types.ts';

/** Where "My tickets" lives: the scope of its service worker and its installed app. */
const SCOPE = '/account/tickets';
/** What the offline copy needs besides the pages: the files those pages load (see client/tickets-sw.ts). */
/** What a ticket page needs besides itself, under today's hashed names (the copy is replaced wholesale). */
const offlineAssets = () => ['app.css', 'icon.svg', 'tickets.js'].map(assetUrl);

const passOnForm = z.object({ name: nameField, email: emailField, confirm: z.string().optional() });

/** A supporter's tickets, each with its match named as everywhere else. */
async function myTickets(c: Context<AppEnv>, only: { ticketId?: string } = {}): Promise<ShownTicket[]> {
  const tickets = await listMyTickets(c.get('deps').db, c.get('user')!.id, only);
  return tickets.map((tk) => ({ ...tk, title: matchTitle(tk.isHome, tk.club, tk.opponent) }));
}

/** A supporter's season passes, shown like tickets (listMyPasses). */
async function myPasses(c: Context<AppEnv>): Promise<ShownPass[]> {
  const passes = await listMyPasses(c.get('deps').db, c.get('user')!.id);
  return passes.map(({ pass, ...tk }) => ({ ...tk, next: pass.next }));
}

/** The signed-in buyer's own order; anyone else's is not found. */
async function ownOrder(c: Context<AppEnv>, reference: string) {
  const [mine] = await listMyOrders(c.get('deps').db, c.get('user')!.id, { reference });
  if (!mine) throw new DomainError('not_found');
  return mine;
}

/** Answers matches as a calendar file (renderMatchIcs). */
function sendIcs(c: Context<AppEnv>, filename: string, matches: readonly CalendarMatch[]) {
  c.header('Content-Type', 'text/calendar; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  return c.body(renderMatchIcs(matches, c.get('deps').config.baseURL));
}

/**
 * "My tickets": the tickets by match and order, one ticket full screen for scanning, and what makes
 * it an installable app that keeps the upcoming tickets on the phone for a stadium without network.
 */
export const ticketRoutes = new Hono<AppEnv>()
  .get('/manifest.webmanifest', (c) => webManifest(c, { name: c.get('t')('tickets.title'), scope: SCOPE, themeColor: '#0a6b3d' }))
  .get('/sw.js', (c) => {
    const worker = c.get('deps').clientAssets['tickets-sw.js']!;
    // Its scope is SCOPE itself (the list has no trailing slash), one level above the script.
    // Never cached (no-store, as everything under /account): a new worker reaches the phones at once.
    return c.body(worker.body as string, 200, { 'Content-Type': worker.type, 'Service-Worker-Allowed': SCOPE });
  })
  // Sign-out passes through here on its way out: the service worker drops this device's copy of the
  // tickets when it sees this address (it is in its scope). The server only forwards the flash.
  .get('/forget', (c) => {
    const next = safeRedirectPath(c.req.query('next'), '/');
    const flash = c.get('flash');
    return flash ? redirectWithFlash(c, next, flash.kind, flash.text) : c.redirect(next, 303);
  })
  .use(requireUser)
  .get('/', async (c) => {
    const groups = groupMyTickets(await myTickets(c));
    const seasons = groupMyTickets(await myPasses(c));
    const page = (
      <TicketsPage upcoming={groups.filter((g) => !g.past)} past={groups.filter((g) => g.past)} seasons={seasons} renderedAt={new Date()} />
    );
    return render(c, page, { title: c.get('t')('tickets.title'), head: <TicketsHead /> });
  })
  // What the service worker keeps for offline use, replacing its whole copy: this list is the truth,
  // so a refunded or re-issued ticket leaves the phone at the next refresh.
  .get('/offline.json', async (c) => {
    // Passes too: a season code is shown at the gate like a ticket.
    const upcoming = [...(await myTickets(c)), ...(await myPasses(c))].filter((tk) => tk.status === 'valid' && !tk.past);
    return c.json({ pages: [SCOPE, ...upcoming.map((tk) => `${SCOPE}/${tk.id}`)], assets: offlineAssets() });
  })
  // A season order's is its passes' (decision 021), as in its mail.
  .get('/orders/:reference/tickets.pdf', async (c) => sendOrderPdf(c, (await ownOrder(c, c.req.param('reference'))).id))
  .post('/orders/:reference/resend', async (c) => {
    const o = await ownOrder(c, c.req.param('reference'));
    await c.get('deps').db.transaction((tx) => resendTickets(tx, operationContext(c), { actor: actorOf(c), orderId: o.id }));
    return redirectWithFlash(c, SCOPE, 'success', c.get('t')('tickets.resent', { email: o.email }));
  })
  .get('/:ticketId/match.ics', async (c) => {
    const { db } = c.get('deps');
    const userId = c.get('user')!.id;
    const id = c.req.param('ticketId');
    const [tk] = await listMyTickets(db, userId, { ticketId: id });
    // A ticket of theirs, bought or passed on to them: its match.
    if (tk) return sendIcs(c, 'match.ics', [{ ...tk, title: matchTitle(tk.isHome, tk.club, tk.opponent) }]);
    // A season pass: every covered match its holder still goes to (decision 021); empty once none is left.
    const pass = await findMySeasonPass(db, userId, id);
    if (pass?.status !== 'valid') throw new DomainError('not_found');
    return sendIcs(
      c,
      'season.ics',
      pass.matches.filter((m) => m.attending).map((m) => ({ ...m, matchId: m.id })),
    );
  })
  .post('/:ticketId/reissue', async (c) => {
    const id = await c
      .get('deps')
      .db.transaction((tx) => reissueTicket(tx, operationContext(c), { actor: actorOf(c), ticketId: c.req.param('ticketId') }));
    return redirectWithFlash(c, `${SCOPE}/${id}`, 'success', c.get('t')('tickets.reissued'));
  })
  // Passing a ticket on: who gets it, then a confirmation, then the new code goes to them.
  .get('/:ticketId/pass-on', async (c) => {
    const [tk] = await myTickets(c, { ticketId: c.req.param('ticketId') });
    if (tk?.status !== 'valid') throw new DomainError('not_found');
    return render(c, <PassOnPage ticket={tk} confirm={null} />, { title: c.get('t')('passOn.title') });
  })
  .post('/:ticketId/pass-on', async (c) => {
    const ticketId = c.req.param('ticketId');
    const [tk] = await myTickets(c, { ticketId });
    if (tk?.status !== 'valid') throw new DomainError('not_found');
    const form = await parseForm(c, passOnForm);
    const title = c.get('t')('passOn.title');
    if (!form.ok) {
      c.status(400);
      return render(c, <PassOnPage ticket={tk} confirm={null} values={form.values} errors={form.errors} />, { title });
    }
    const holder = { name: form.data.name, email: form.data.email };
    if (form.data.confirm !== '1') return render(c, <PassOnPage ticket={tk} confirm={holder} />, { title });
    try {
      await c.get('deps').db.transaction((tx) => passTicketOn(tx, operationContext(c), { actor: actorOf(c), ticketId, holder }));
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found') throw error;
      c.status(409);
      return render(c, <PassOnPage ticket={tk} confirm={null} values={form.values} errors={{ _form: domainMessage(c, error) }} />, {
        title,
      });
    }
    return redirectWithFlash(c, SCOPE, 'success', c.get('t')('passOn.done', { name: holder.name }));
  })
  .get('/:ticketId', async (c) => {
    const ticketId = c.req.param('ticketId');
    const found = locateTicket(groupMyTickets(await myTickets(c)), ticketId);
    // A season pass is shown by the same page, found among the passes when no ticket has this id.
    const pass = found ? null : locateTicket(groupMyTickets(await myPasses(c)), ticketId);
    const shown = found ?? pass;
    if (!shown) throw new DomainError('not_found');
    const { ticket: tk, position, count, previous, next } = shown;
    const qr = tk.status === 'valid' ? await ticketQrSvg(tk.code) : null;
    const page = (
      <TicketPage
        ticket={tk}
        qr={qr}
        position={position}
        count={count}
        previousId={previous?.id ?? null}
        nextId={next?.id ?? null}
        renderedAt={new Date()}
        season={pass ? pass.ticket : undefined}
      />
    );
    return render(c, page, { title: tk.title, head: <TicketsHead />, minimal: true });
  });
