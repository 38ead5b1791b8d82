import {
  type GateCatalogResponse,
  GateSaleRequest,
  type GateSaleResponse,
  OfflineSalesRequest,
  type OfflineSalesResponse,
  QuotaRequest,
  type QuotaResponse,
  ShiftCloseRequest,
  type ShiftCloseResponse,
} from '@footarena/gate-protocol';
import { Hono } from 'hono';
import { closeShift } from '../../domain/boxoffice/close-shift.ts';
import { findGateCatalog } from '../../domain/boxoffice/find-gate-catalog.ts';
import { reserveQuota } from '../../domain/boxoffice/reserve-quota.ts';
import { type DeviceActor, saleAnswer, sellAtGate } from '../../domain/boxoffice/sell-at-gate.ts';
import { gatePayPath } from '../../domain/boxoffice/start-gate-payment.ts';
import { DomainError } from '../../domain/errors.ts';
import { ticketQrSvg } from '../../views/components/ticket-qr.tsx';
import type { AppEnv } from '../types.ts';
import { jsonBody, limit } from './body.ts';
import { refusalOf } from './errors.ts';
import type { DeviceEnv } from './v1.ts';

/** A cancelled match is, for the steward at the gate, a match not on sale. */
const asGateError = (error: unknown) =>
  error instanceof DomainError && error.code === 'match_cancelled' ? new DomainError('sale_closed') : error;

const deviceActor = (c: { get(key: 'device'): DeviceEnv['Variables']['device'] }): DeviceActor => ({
  kind: 'device',
  device: c.get('device'),
});

/** What a sale needs of the app (a device's request is no person's: operationContext takes a page's). */
function gateContext(c: { get(key: 'deps'): AppEnv['Variables']['deps'] }) {
  const { outbox, payments, config } = c.get('deps');
  return { outbox, payments, config: config.sales, baseURL: config.baseURL };
}

/** A sale as the steward's screen shows it; a phone sale with its payment page as a link and a QR code. */
async function saleJson(
  c: { get(key: 'deps'): AppEnv['Variables']['deps'] },
  answer: Awaited<ReturnType<typeof saleAnswer>>,
  replayed: boolean,
) {
  const payUrl = answer.payToken ? `${c.get('deps').config.baseURL}${gatePayPath(answer.payToken)}` : null;
  return {
    orderId: answer.orderId,
    reference: answer.reference,
    status: answer.status,
    method: answer.method,
    totalCents: answer.totalCents,
    tickets: answer.tickets,
    admitted: answer.admitted,
    payUrl,
    payQrSvg: payUrl && answer.status === 'pending' ? String(await ticketQrSvg(payUrl)) : null,
    replayed,
  } satisfies GateSaleResponse;
}

/**
 * The box office of a device the club lets sell (docs/device-api.md §9): its catalog for a match, a sale
 * (cash, or on the buyer's phone) and its state, the offline quota, offline sales uploaded, the end of
 * the shift. Mounted under /api/v1/box-office behind the device's token.
 */
export const boxOfficeApi = new Hono<DeviceEnv>()
  .get('/matches/:matchId', async (c) => {
    const catalog = await findGateCatalog(c.get('deps').db, c.get('device'), c.req.param('matchId'));
    return c.json({
      ...catalog,
      shift: catalog.shift && { ...catalog.shift, openedAt: catalog.shift.openedAt.toISOString() },
    } satisfies GateCatalogResponse);
  })
  .post('/sales', limit(16 * 1024), jsonBody(GateSaleRequest), async (c) => {
    const { db } = c.get('deps');
    const input = c.req.valid('json');
    const sold = await db
      .transaction((tx) =>
        sellAtGate(tx, gateContext(c), {
          actor: deviceActor(c),
          matchId: input.matchId,
          clientSaleId: input.clientSaleId,
          lines: input.lines,
          method: input.method,
        }),
      )
      .catch((error: unknown) => {
        throw asGateError(error);
      });
    return c.json(await saleJson(c, sold, sold.replayed));
  })
  // The steward's screen asks until the buyer has paid on their phone (then the sale is admitted) or gave up.
  .get('/sales/:orderId', async (c) => {
    const { db, config } = c.get('deps');
    const answer = await saleAnswer(db, c.req.param('orderId'), config.sales.ticketSealingKey, c.get('device').id);
    return c.json(await saleJson(c, answer, false));
  })
  .post('/quota', limit(16 * 1024), jsonBody(QuotaRequest), async (c) => {
    const reserved = await c
      .get('deps')
      .db.transaction((tx) => reserveQuota(tx, {}, { actor: deviceActor(c), matchId: c.req.valid('json').matchId }))
      .catch((error: unknown) => {
        throw asGateError(error);
      });
    return c.json({ quotaSeats: reserved.size, quotas: reserved.quotas } satisfies QuotaResponse);
  })
  .post('/offline-sales', limit(256 * 1024), jsonBody(OfflineSalesRequest), async (c) => {
    const { db } = c.get('deps');
    const input = c.req.valid('json');
    const answers: OfflineSalesResponse['sales'] = [];
    for (const sale of input.sales) {
      try {
        // One transaction per sale: a refused one leaves the others recorded.
        const sold = await db.transaction((tx) =>
          sellAtGate(tx, gateContext(c), {
            actor: deviceActor(c),
            matchId: input.matchId,
            clientSaleId: sale.clientSaleId,
            lines: sale.lines,
            method: 'cash',
            offline: { soldAt: new Date(sale.soldAt) },
          }),
        );
        answers.push({ clientSaleId: sale.clientSaleId, reference: sold.reference, replayed: sold.replayed });
      } catch (error) {
        const refusal = refusalOf(error);
        if (refusal?.error !== 'quota_exceeded' && refusal?.error !== 'not_found' && refusal?.error !== 'forbidden') throw error;
        answers.push({ clientSaleId: sale.clientSaleId, error: refusal.error, message: refusal.message });
      }
    }
    return c.json({ sales: answers } satisfies OfflineSalesResponse);
  })
  .post('/shift/close', limit(16 * 1024), jsonBody(ShiftCloseRequest), async (c) => {
    const input = c.req.valid('json');
    const closed = await c.get('deps').db.transaction((tx) => closeShift(tx, {}, { actor: deviceActor(c), ...input }));
    return c.json({
      categories: closed.categories,
      expectedCents: closed.expectedCents,
      countedCents: closed.countedCents,
      differenceCents: closed.differenceCents,
      seatsReturned: closed.seatsReturned,
    } satisfies ShiftCloseResponse);
  });
