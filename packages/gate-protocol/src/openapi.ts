import { z } from 'zod';
import {
  AdmitRequest,
  ErrorResponse,
  FreeEntryRequest,
  FreeEntryResponse,
  GateCatalogResponse,
  GateSaleRequest,
  GateSaleResponse,
  GuestAdmitRequest,
  GuestAdmitResponse,
  GuestSearchResponse,
  HealthAck,
  HealthReport,
  MatchesResponse,
  OfflineSalesRequest,
  OfflineSalesResponse,
  PairRequest,
  PairResponse,
  QuotaRequest,
  QuotaResponse,
  RedeemRequest,
  RedeemResponse,
  SearchRequest,
  SearchResponse,
  ShiftCloseRequest,
  ShiftCloseResponse,
  SyncRequest,
  SyncResponse,
} from './index.ts';

// The OpenAPI 3.1 document is derived from the same schemas the server validates with, so the
// published contract cannot drift from what the API accepts and answers.

const component = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io });
  return rest;
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ content: { 'application/json': { schema: ref(name) } } });
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: ERROR_DESCRIPTIONS[s], ...json('ErrorResponse') }]));
const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed JSON, a missing or unknown field, or a value out of range; nothing changed.',
  401: 'No valid device token (missing, wrong, or the device was revoked).',
  403: 'This device may not admit for this match or stand (its restrictions in the back office), or may not sell at the gate (box office).',
  404: 'Unknown resource for this club (pairing code expired or used, match of another club).',
  409: 'nonce_reused: this device already sent this nonce with another code; nothing was admitted. For free entries also stand_full (no seat left) and free_entry_off. Box office: not_enough_seats, sale_closed, quota_exceeded; nothing was sold.',
  413: 'Body larger than 16 KiB (64 KiB for health, 512 KiB for sync).',
  415: 'Content-Type is not application/json.',
  429: 'Too many wrong pairing codes from this address, or from everywhere; wait the seconds in Retry-After.',
};

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'FootArena device API',
      version: '1',
      description: 'Pairing, ticket redemption, offline sync and health reports for steward phones and gates. See docs/device-api.md.',
    },
    servers: [{ url: '/api/v1' }],
    components: {
      securitySchemes: { deviceToken: { type: 'http', scheme: 'bearer', description: 'The token returned by /pair.' } },
      schemas: {
        PairRequest: component(PairRequest, 'input'),
        PairResponse: component(PairResponse, 'output'),
        RedeemRequest: component(RedeemRequest, 'input'),
        RedeemResponse: component(RedeemResponse, 'output'),
        SearchRequest: component(SearchRequest, 'input'),
        SearchResponse: component(SearchResponse, 'output'),
        AdmitRequest: component(AdmitRequest, 'input'),
        MatchesResponse: component(MatchesResponse, 'output'),
        SyncRequest: component(SyncRequest, 'input'),
        SyncResponse: component(SyncResponse, 'output'),
        HealthReport: component(HealthReport, 'input'),
        HealthAck: component(HealthAck, 'output'),
        GuestSearchResponse: component(GuestSearchResponse, 'output'),
        GuestAdmitRequest: component(GuestAdmitRequest, 'input'),
        GuestAdmitResponse: component(GuestAdmitResponse, 'output'),
        FreeEntryRequest: component(FreeEntryRequest, 'input'),
        FreeEntryResponse: component(FreeEntryResponse, 'output'),
        GateCatalogResponse: component(GateCatalogResponse, 'output'),
        GateSaleRequest: component(GateSaleRequest, 'input'),
        GateSaleResponse: component(GateSaleResponse, 'output'),
        QuotaRequest: component(QuotaRequest, 'input'),
        QuotaResponse: component(QuotaResponse, 'output'),
        OfflineSalesRequest: component(OfflineSalesRequest, 'input'),
        OfflineSalesResponse: component(OfflineSalesResponse, 'output'),
        ShiftCloseRequest: component(ShiftCloseRequest, 'input'),
        ShiftCloseResponse: component(ShiftCloseResponse, 'output'),
        ErrorResponse: component(ErrorResponse, 'output'),
      },
    },
    paths: {
      '/pair': {
        post: {
          operationId: 'pair',
          summary: 'Exchange a one-time pairing code (15 minutes) for a long-lived device token.',
          requestBody: { required: true, ...json('PairRequest') },
          responses: {
            '200': { description: 'Paired; keep the token secret.', ...json('PairResponse') },
            ...errors(400, 404, 413, 415, 429),
          },
        },
      },
      '/redeem': {
        post: {
          operationId: 'redeem',
          summary: 'Admit a ticket once. A repeated nonce with the same code returns the first answer and changes nothing.',
          security: [{ deviceToken: [] }],
          requestBody: { required: true, ...json('RedeemRequest') },
          responses: {
            '200': { description: 'The scan result; every scan, admitted or refused, is recorded.', ...json('RedeemResponse') },
            ...errors(400, 401, 403, 404, 409, 413, 415),
          },
        },
      },
      '/search': {
        post: {
          operationId: 'search',
          summary: "Find tickets of the match by the buyer's name or the order reference (at least 3 characters, at most 20 tickets).",
          security: [{ deviceToken: [] }],
          requestBody: { required: true, ...json('SearchRequest') },
          responses: {
            '200': { description: 'Tickets of this match and club only, those still to enter first.', ...json('SearchResponse') },
            ...errors(400, 401, 403, 404, 413, 415),
          },
        },
      },
      '/admit': {
        post: {
          operationId: 'admit',
          summary: 'Admit a ticket found by /search, by hand: the same single admission as /redeem, recorded as a manual admission.',
          security: [{ deviceToken: [] }],
          requestBody: { required: true, ...json('AdmitRequest') },
          responses: {
            '200': { description: 'The result, as /redeem answers it.', ...json('RedeemResponse') },
            ...errors(400, 401, 403, 404, 409, 413, 415),
          },
        },
      },
      '/matches': {
        get: {
          operationId: 'matches',
          summary: 'The matches this device may admit for, with their stands.',
          security: [{ deviceToken: [] }],
          responses: { '200': { description: 'Current and upcoming matches.', ...json('MatchesResponse') }, ...errors(401) },
        },
      },
      '/sync': {
        post: {
          operationId: 'sync',
          summary:
            'Upload scans made offline (first scan wins; conflicts are recorded) and fetch what offline checks need: keys, revoked and used tickets since a cursor, attendance.',
          security: [{ deviceToken: [] }],
          requestBody: { required: true, ...json('SyncRequest') },
          responses: {
            '200': { description: 'Lists since the cursor and the answer to each uploaded scan.', ...json('SyncResponse') },
            ...errors(400, 401, 403, 404, 413, 415),
          },
        },
      },
      '/guests': {
        get: {
          operationId: 'searchGuests',
          summary:
            "Guests of the match's guest lists whose name contains q (at least 2 characters), with their places and how many entered.",
          security: [{ deviceToken: [] }],
          parameters: [
            { name: 'matchId', in: 'query', required: true, schema: { type: 'string', format: 'uuid' } },
            { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 2, maxLength: 80 } },
          ],
          responses: {
            '200': { description: 'At most 20 guests, by name.', ...json('GuestSearchResponse') },
            ...errors(400, 401, 403, 404),
          },
        },
      },
      '/guests/admit': {
        post: {
          operationId: 'admitGuest',
          summary: "Admit 1..n places of a guest by name: each place is one of the guest's tickets, admitted once like a scan.",
          security: [{ deviceToken: [] }],
          requestBody: { required: true, ...json('GuestAdmitRequest') },
          responses: {
            '200': { description: 'Places admitted by this tap and so far.', ...json('GuestAdmitResponse') },
            ...errors(400, 401, 403, 404, 413, 415),
          },
        },
      },
      '/box-office/matches/{matchId}': {
        get: {
          operationId: 'boxOfficeCatalog',
          summary: 'Box office: the prices, seats left and offline quota of each stand this selling device serves, and its open shift.',
          security: [{ deviceToken: [] }],
          parameters: [{ name: 'matchId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '200': { description: 'What Sell mode shows.', ...json('GateCatalogResponse') }, ...errors(401, 403, 404) },
        },
      },
      '/box-office/sales': {
        post: {
          operationId: 'boxOfficeSell',
          summary:
            'Box office: a sale at the match’s prices. cash: paid and admitted at once; phone: seats held, the answer carries the payment page (URL and QR code). A repeated clientSaleId returns that sale.',
          security: [{ deviceToken: [] }],
          requestBody: { required: true, ...json('GateSaleRequest') },
          responses: { '200': { description: 'The sale.', ...json('GateSaleResponse') }, ...errors(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      '/box-office/sales/{orderId}': {
        get: {
          operationId: 'boxOfficeSale',
          summary: 'Box office: a sale of this device, asked again until a phone payment completes (paid, admitted) or lapses.',
          security: [{ deviceToken: [] }],
          parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '200': { description: 'The sale now.', ...json('GateSaleResponse') }, ...errors(401, 404) },
        },
      },
      '/box-office/quota': {
        post: {
          operationId: 'boxOfficeQuota',
          summary: 'Box office: reserve (top up) this device’s seats per stand for offline cash sales, up to the club’s setting.',
          security: [{ deviceToken: [] }],
          requestBody: { required: true, ...json('QuotaRequest') },
          responses: {
            '200': { description: 'What the device may sell offline per stand.', ...json('QuotaResponse') },
            ...errors(400, 401, 403, 404, 409),
          },
        },
      },
      '/box-office/offline-sales': {
        post: {
          operationId: 'boxOfficeOfflineSales',
          summary: 'Box office: upload cash sales made offline; each from the quota, recorded once per clientSaleId, or refused alone.',
          security: [{ deviceToken: [] }],
          requestBody: { required: true, ...json('OfflineSalesRequest') },
          responses: {
            '200': { description: 'The answer to each sale, in order.', ...json('OfflineSalesResponse') },
            ...errors(400, 401, 403, 404, 413, 415),
          },
        },
      },
      '/free-entry': {
        post: {
          operationId: 'freeEntry',
          summary:
            "Count one free entry (a child under the match's age) on a stand: one seat within capacity, a ticket issued and admitted. With countedAt: counted offline, from the device's quota.",
          security: [{ deviceToken: [] }],
          requestBody: { required: true, ...json('FreeEntryRequest') },
          responses: {
            '200': { description: 'Counted (or, for a repeated nonce, already counted).', ...json('FreeEntryResponse') },
            ...errors(400, 401, 403, 404, 409, 413, 415),
          },
        },
      },
      '/box-office/shift/close': {
        post: {
          operationId: 'boxOfficeCloseShift',
          summary:
            'Box office: the cash counted at the end of the shift against what its cash sales should have brought; unsold quota seats go back.',
          security: [{ deviceToken: [] }],
          requestBody: { required: true, ...json('ShiftCloseRequest') },
          responses: {
            '200': { description: 'Expected per category, counted, difference.', ...json('ShiftCloseResponse') },
            ...errors(400, 401, 403, 404),
          },
        },
      },
      '/health': {
        post: {
          operationId: 'health',
          summary: "A gate's health (state, network, queue, sensor, last problem) and its passage events, every 30 s; shown to the club.",
          security: [{ deviceToken: [] }],
          requestBody: { required: true, ...json('HealthReport') },
          responses: {
            '200': { description: 'The ids of the events recorded (repeats included): the gate forgets them.', ...json('HealthAck') },
            ...errors(400, 401, 413, 415),
          },
        },
      },
    },
  };
}
