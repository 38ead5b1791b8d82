import { z } from 'zod';

// The device API shared by the web app and the gates (version 1): requests are strict (an unknown
// field is an error, not ignored), answers carry one of the fixed result codes.

export const SCAN_RESULTS = [
  'ok',
  'already_used',
  'wrong_match',
  'wrong_club',
  'revoked',
  'unknown',
  'not_open_yet',
  'bad_signature',
  'wrong_stand',
  /** An exit scan (re-entry) of a ticket that is not inside: never entered, or already out. */
  'not_inside',
] as const;
export type ScanResult = (typeof SCAN_RESULTS)[number];

/** Which way a scan lets a person go: in (every match), or out (a match that allows re-entry). */
export const SCAN_DIRECTIONS = ['in', 'out'] as const;
export type ScanDirection = (typeof SCAN_DIRECTIONS)[number];

export const PairRequest = z.strictObject({
  /** The one-time code the club's back office showed, valid 15 minutes. */
  code: z.string().trim().min(6).max(32),
});
export type PairRequest = z.infer<typeof PairRequest>;

export const PairResponse = z.strictObject({
  deviceId: z.uuid(),
  /** Shown once: the device keeps it; only its hash is stored. */
  token: z.string().min(32),
  clubId: z.string(),
  name: z.string(),
});
export type PairResponse = z.infer<typeof PairResponse>;

/** Printable ASCII, 8 to 64 characters: a counter or a random id (a UUID, say). */
const Nonce = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

export const RedeemRequest = z.strictObject({
  /** The text of the ticket's QR code, or its short code as typed (`K7M-Q4P-9XT`; dashes, spaces and case do not matter). */
  code: z.string().min(1).max(512),
  /** Unique per scan on this device: a repeated nonce with the same code returns the first answer; with another code, 409. */
  nonce: Nonce,
  matchId: z.uuid(),
  /** The stand this entrance serves, when the steward chose one: tickets of other stands get wrong_stand. */
  standId: z.uuid().optional(),
  /** `out`: the person leaves (only where the match allows re-entry). Default `in`. */
  direction: z.enum(SCAN_DIRECTIONS).optional(),
});
export type RedeemRequest = z.infer<typeof RedeemRequest>;

/** When a ticket entered, and by which device (its name): what `already_used` tells the steward. */
export const Entry = z.strictObject({
  at: z.iso.datetime({ offset: true }),
  device: z.string().nullable(),
});
export type Entry = z.infer<typeof Entry>;

const TicketSummary = z.strictObject({
  id: z.uuid(),
  stand: z.string(),
  category: z.string(),
  /** For the steward to glance at (never the full name). */
  holderFirstName: z.string().nullable(),
});

export const RedeemResponse = z.strictObject({
  result: z.enum(SCAN_RESULTS),
  ticket: TicketSummary.nullable(),
  /** With `already_used`: when and where the ticket entered. */
  entry: Entry.nullable().optional(),
  /** `check_code`: a typed short code whose check character is wrong (a typo): nothing was looked up. */
  hint: z.enum(['check_code']).optional(),
});
export type RedeemResponse = z.infer<typeof RedeemResponse>;

const Stand = z.strictObject({ id: z.uuid(), name: z.string() });

export const MatchesResponse = z.strictObject({
  /** Whether the club lets this device sell at the gate (box office); absent: it may not. */
  canSell: z.boolean().optional(),
  /** The club's matches this device may admit for, from those that kicked off up to 12 hours ago. */
  matches: z.array(
    z.strictObject({
      id: z.uuid(),
      title: z.string(),
      kickoffAt: z.iso.datetime({ offset: true }),
      gatesOpenAt: z.iso.datetime({ offset: true }).nullable(),
      /** The stands open for this match that this device may admit. */
      stands: z.array(Stand),
      /** "Children under N enter free": N, or null when the club did not turn it on (absent from older servers). */
      freeEntryUnder: z.number().int().nullable().optional(),
    }),
  ),
});
export type MatchesResponse = z.infer<typeof MatchesResponse>;

/** Earlier than any real scan: a device whose clock says so has lost its time. */
const EARLIEST_SCAN = Date.UTC(2020, 0, 1);

/** Scans a device made while offline, sent with the next sync. */
export const OfflineScan = z.strictObject({
  code: z.string().min(1).max(512),
  nonce: Nonce,
  /** The device's clock when it scanned (a time later than the server's is taken as the server's). */
  scannedAt: z.iso
    .datetime({ offset: true })
    .refine((text) => Date.parse(text) >= EARLIEST_SCAN, 'a device clock before 2020 is not set: sync it first'),
  /** What the device decided on the spot: `ok` means it let the person in (or out, for `direction: out`). */
  result: z.enum(SCAN_RESULTS),
  /** `out`: an exit scan (re-entry). Default `in`. */
  direction: z.enum(SCAN_DIRECTIONS).optional(),
});
export type OfflineScan = z.infer<typeof OfflineScan>;

export const MAX_SYNC_SCANS = 500;

export const SyncRequest = z.strictObject({
  matchId: z.uuid(),
  /** The cursor of the previous answer, or null for the complete lists. */
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, 'not a cursor from a previous sync') // milliseconds, within the range of a date
    .nullable(),
  scans: z.array(OfflineScan).max(MAX_SYNC_SCANS),
});
export type SyncRequest = z.infer<typeof SyncRequest>;

/** A guest of one of the match's guest lists: who, on which list, in which stand, how many places. */
const GuestFacts = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  /** The guest list's name (Sponsors, Press…). */
  list: z.string(),
  standId: z.uuid(),
  stand: z.string(),
  places: z.number().int(),
});

export const SyncResponse = z.strictObject({
  /** Send it back with the next sync to get only what changed since this one. */
  cursor: z.string(),
  serverTime: z.iso.datetime({ offset: true }),
  gatesOpenAt: z.iso.datetime({ offset: true }).nullable(),
  /** Every key the club ever signed tickets with (keyId → raw Ed25519 public key, base64url). */
  keys: z.record(z.string(), z.string()),
  /** Ticket ids of this match revoked (refunded, re-issued), since the cursor. */
  revoked: z.array(z.uuid()),
  /** Ticket ids of this match already admitted, since the cursor. */
  used: z.array(z.uuid()),
  /**
   * The admitted tickets of `used`, with when and by which device they (first) entered, and whether they
   * are out now (re-entry): a device replaces what it knew of each.
   */
  entries: z.array(
    z.strictObject({ id: z.uuid(), at: z.iso.datetime({ offset: true }), device: z.string().nullable(), outside: z.boolean() }),
  ),
  /**
   * Short code → ticket id, for the tickets of this match made or changed since the cursor (all of them
   * without one), and the short codes of the season passes of `passes` (→ the pass's row).
   */
  shortCodes: z.record(z.string(), z.uuid()),
  /**
   * The season products covering this match, complete in every answer: a genuine code signed for one of
   * them (a season pass) is judged here by the pass's ticket row. Absent from servers before season tickets.
   */
  seasonProducts: z.array(z.uuid()).optional(),
  /**
   * Season pass id → the pass's ticket row on this match (the valid one, else the latest), for passes
   * whose rows changed since the cursor: a device replaces what it knew of each. A covering product's
   * pass missing here was sold after the sync, and is presumed valid.
   */
  passes: z.record(z.uuid(), z.uuid()).optional(),
  /** Whether the match allows re-entry (the scanner shows Entry/Exit). */
  allowReentry: z.boolean(),
  /**
   * The server's answer to each uploaded scan, in order; conflict: the device let in someone it should
   * not have. A scan whose nonce this device already used for another code is refused with an error
   * instead and changes nothing (drop it: sending it again gets the same refusal).
   */
  uploaded: z.array(
    z.union([
      z.strictObject({ nonce: z.string(), result: z.enum(SCAN_RESULTS), conflict: z.boolean() }),
      z.strictObject({ nonce: z.string(), error: z.literal('nonce_reused'), message: z.string() }),
    ]),
  ),
  /** Tickets sold (expected) and admitted, for the match and per stand. */
  attendance: z.strictObject({
    expected: z.number().int(),
    admitted: z.number().int(),
    stands: z.array(
      z.strictObject({
        id: z.uuid(),
        name: z.string(),
        expected: z.number().int(),
        admitted: z.number().int(),
        inside: z.number().int().optional(),
      }),
    ),
    /** Admitted and not out now (re-entry; equals `admitted` when nobody went out). */
    inside: z.number().int().optional(),
  }),
  /**
   * The match's guest lists, complete in every answer, for admitting guests by name offline: a place
   * admitted offline is an offline scan of one of the guest's ticket codes (uploaded like any scan;
   * first scan wins). Absent from servers before guest lists.
   */
  guests: z.array(GuestFacts.extend({ tickets: z.array(z.strictObject({ id: z.uuid(), code: z.string() })) })).optional(),
});
export type SyncResponse = z.infer<typeof SyncResponse>;

export const SEARCH_MIN_LENGTH = 3;
export const SEARCH_MAX_RESULTS = 20;

/** A steward looks up a ticket of the match by the buyer's name (account or guest) or the order reference. */
export const SearchRequest = z.strictObject({
  matchId: z.uuid(),
  query: z.string().trim().min(SEARCH_MIN_LENGTH).max(100),
});
export type SearchRequest = z.infer<typeof SearchRequest>;

export const TICKET_STATES = ['valid', 'used', 'revoked'] as const;

export const SearchResponse = z.strictObject({
  /** At most SEARCH_MAX_RESULTS tickets of this match, valid ones first. */
  tickets: z.array(
    z.strictObject({
      id: z.uuid(),
      holder: z.string().nullable(),
      reference: z.string(),
      stand: z.string(),
      category: z.string(),
      state: z.enum(TICKET_STATES),
    }),
  ),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

/** Admits one ticket found by search: the same single atomic admission as a scan, logged as a manual one. */
export const AdmitRequest = z.strictObject({
  ticketId: z.uuid(),
  nonce: Nonce,
  matchId: z.uuid(),
  standId: z.uuid().optional(),
});
export type AdmitRequest = z.infer<typeof AdmitRequest>;

/** A guest, as the steward finds them by name at the gate. */
export const Guest = GuestFacts.extend({
  /** Places of this guest already admitted. */
  entered: z.number().int(),
});
export type Guest = z.infer<typeof Guest>;

export const MIN_GUEST_SEARCH = 2;

/** GET /guests?matchId=…&q=…: guests of the match whose name contains q (at least 2 characters). */
export const GuestSearchQuery = z.strictObject({
  matchId: z.uuid(),
  q: z.string().trim().min(MIN_GUEST_SEARCH).max(80),
});
export type GuestSearchQuery = z.infer<typeof GuestSearchQuery>;

export const GuestSearchResponse = z.strictObject({ guests: z.array(Guest) });
export type GuestSearchResponse = z.infer<typeof GuestSearchResponse>;

export const GuestAdmitRequest = z.strictObject({
  matchId: z.uuid(),
  guestId: z.uuid(),
  /** How many of the guest's places enter now. */
  places: z.number().int().min(1).max(50),
  /** Unique per tap; place i is logged as `nonce.i`. The same tap sent again replays its answer. */
  nonce: Nonce.max(56),
  standId: z.uuid().optional(),
});
export type GuestAdmitRequest = z.infer<typeof GuestAdmitRequest>;

export const GuestAdmitResponse = z.strictObject({
  /** Places admitted by this tap. */
  admitted: z.number().int(),
  /** Why a place was not admitted (already_used: no place left, wrong_stand…), or null. */
  refused: z.enum(SCAN_RESULTS).nullable(),
  places: z.number().int(),
  /** Places of this guest admitted so far, this tap's included. */
  entered: z.number().int(),
});
export type GuestAdmitResponse = z.infer<typeof GuestAdmitResponse>;

/** One child entering free on a stand (the match's "children under N enter free"); online only. */
export const FreeEntryRequest = z.strictObject({
  matchId: z.uuid(),
  standId: z.uuid(),
  nonce: Nonce,
  /**
   * Counted offline at this time (the device's clock), uploaded now: the seat comes from the seats the
   * device reserved while online (POST /box-office/quota), never from the stand directly.
   */
  countedAt: z.iso
    .datetime({ offset: true })
    .refine((text) => Date.parse(text) >= EARLIEST_SCAN, 'a device clock before 2020 is not set: sync it first')
    .optional(),
});
export type FreeEntryRequest = z.infer<typeof FreeEntryRequest>;

export const FreeEntryResponse = z.strictObject({
  /** The free ticket issued and admitted for this entry. */
  ticketId: z.uuid(),
  /** This nonce was already counted: nothing more was taken. */
  repeated: z.boolean(),
});
export type FreeEntryResponse = z.infer<typeof FreeEntryResponse>;

/** What a gate tells the club about itself, every 30 s (and at once after a problem). */
export const GATE_STATES = [
  'starting',
  'closed',
  'checking',
  'opening',
  'open',
  'passing',
  'passed',
  'closing',
  'holding',
  'fault',
  'stopped',
] as const;
/** Passages the club should know of: admitted but nobody went through, someone followed, the passage stayed occupied. */
export const PASSAGE_EVENTS = ['not_passed', 'tailgating', 'occupied_too_long'] as const;
export const MAX_HEALTH_EVENTS = 200;

export const HealthReport = z.strictObject({
  /** The gate's software version. */
  version: z.string().min(1).max(40),
  state: z.enum(GATE_STATES),
  /** The match it admits for, if it has one. */
  matchId: z.uuid().nullable(),
  /** Whether its last call to the server went through, and since when it has been so. */
  online: z.boolean(),
  since: z.iso.datetime({ offset: true }),
  /** Offline scans waiting to be uploaded. */
  queued: z.number().int().min(0),
  sensor: z.enum(['ok', 'silent']),
  /** The last problem, in words, or null. */
  lastError: z.string().max(500).nullable(),
  /** Passage events since the previous report (sent again until acknowledged; `id` makes a repeat harmless). */
  events: z
    .array(
      z.strictObject({
        id: z.uuid(),
        kind: z.enum(PASSAGE_EVENTS),
        matchId: z.uuid(),
        ticketId: z.uuid().nullable(),
        at: z.iso.datetime({ offset: true }),
      }),
    )
    .max(MAX_HEALTH_EVENTS),
});
export type HealthReport = z.infer<typeof HealthReport>;

export const HealthAck = z.strictObject({
  /** The ids of the events now recorded (repeats included): the gate forgets them. */
  recorded: z.array(z.uuid()),
});
export type HealthAck = z.infer<typeof HealthAck>;

// The box office: a device the club lets sell at the gate (docs/device-api.md §9).

export const PRICE_CATEGORIES = ['adult', 'youth', 'child', 'member', 'senior'] as const;
export const MAX_GATE_SALE_TICKETS = 50;

/** One line of a basket at the gate: a stand of the match, a category, how many. The price is the match's. */
export const GateLine = z.strictObject({
  matchStandId: z.uuid(),
  category: z.enum(PRICE_CATEGORIES),
  quantity: z.number().int().min(1).max(MAX_GATE_SALE_TICKETS),
});
export type GateLine = z.infer<typeof GateLine>;

/** The device's own id for a sale: the same id sent again is the same sale (recorded once). */
const ClientSaleId = Nonce;

export const GateSaleRequest = z.strictObject({
  matchId: z.uuid(),
  clientSaleId: ClientSaleId,
  lines: z.array(GateLine).min(1).max(10),
  /** cash: paid now, the people admitted at once; phone: the buyer pays on their own phone (a QR code of the payment page). */
  method: z.enum(['cash', 'phone']),
});
export type GateSaleRequest = z.infer<typeof GateSaleRequest>;

export const GateSaleResponse = z.strictObject({
  orderId: z.uuid(),
  reference: z.string(),
  /** paid (cash, or the phone payment completed), pending (waiting for the buyer), expired or cancelled (seats back). */
  status: z.enum(['pending', 'paid', 'expired', 'cancelled', 'refunded']),
  method: z.enum(['cash', 'phone']),
  totalCents: z.number().int(),
  tickets: z.number().int(),
  admitted: z.number().int(),
  /** The payment page for the buyer's phone (phone sales), and the same as an SVG QR code. */
  payUrl: z.string().nullable(),
  payQrSvg: z.string().nullable(),
  /** True when this clientSaleId had already been recorded: this is that sale. */
  replayed: z.boolean(),
});
export type GateSaleResponse = z.infer<typeof GateSaleResponse>;

export const GateCatalogResponse = z.strictObject({
  /** Seats per stand a selling device keeps for offline cash sales (the club's setting). */
  quotaSeats: z.number().int(),
  stands: z.array(
    z.strictObject({
      matchStandId: z.uuid(),
      name: z.string(),
      seatsLeft: z.number().int(),
      /** Seats of this device's quota on the stand it may still sell offline. */
      quotaLeft: z.number().int(),
      prices: z.array(z.strictObject({ category: z.enum(PRICE_CATEGORIES), priceCents: z.number().int() })),
    }),
  ),
  /** The device's open shift for this match: its cash sales so far, per category. */
  shift: z
    .strictObject({
      openedAt: z.iso.datetime({ offset: true }),
      categories: z.array(z.strictObject({ category: z.enum(PRICE_CATEGORIES), tickets: z.number().int(), cents: z.number().int() })),
      expectedCents: z.number().int(),
    })
    .nullable(),
});
export type GateCatalogResponse = z.infer<typeof GateCatalogResponse>;

export const QuotaRequest = z.strictObject({ matchId: z.uuid() });
export type QuotaRequest = z.infer<typeof QuotaRequest>;

export const QuotaResponse = z.strictObject({
  quotaSeats: z.number().int(),
  /** What the device may sell offline per stand, now. */
  quotas: z.array(z.strictObject({ matchStandId: z.uuid(), standId: z.uuid(), left: z.number().int() })),
});
export type QuotaResponse = z.infer<typeof QuotaResponse>;

export const MAX_OFFLINE_SALES = 200;

/** Cash sales made offline from the device's quota, uploaded with the next connection. */
export const OfflineSalesRequest = z.strictObject({
  matchId: z.uuid(),
  sales: z
    .array(
      z.strictObject({
        clientSaleId: ClientSaleId,
        lines: z.array(GateLine).min(1).max(10),
        soldAt: z.iso
          .datetime({ offset: true })
          .refine((text) => Date.parse(text) >= EARLIEST_SCAN, 'a device clock before 2020 is not set: sync it first'),
      }),
    )
    .max(MAX_OFFLINE_SALES),
});
export type OfflineSalesRequest = z.infer<typeof OfflineSalesRequest>;

export const OfflineSalesResponse = z.strictObject({
  /** Per uploaded sale, in order: recorded (or recorded before: replayed), or refused with the reason (nothing recorded). */
  sales: z.array(
    z.union([
      z.strictObject({ clientSaleId: z.string(), reference: z.string(), replayed: z.boolean() }),
      z.strictObject({ clientSaleId: z.string(), error: z.enum(['quota_exceeded', 'not_found', 'forbidden']), message: z.string() }),
    ]),
  ),
});
export type OfflineSalesResponse = z.infer<typeof OfflineSalesResponse>;

export const ShiftCloseRequest = z.strictObject({
  matchId: z.uuid(),
  /** The cash the steward counted in the drawer, in cents. */
  countedCents: z.number().int().min(0).max(100_000_000),
  /** Who counted it (recorded in the club's log). */
  stewardName: z.string().trim().min(1).max(100),
});
export type ShiftCloseRequest = z.infer<typeof ShiftCloseRequest>;

export const ShiftCloseResponse = z.strictObject({
  categories: z.array(z.strictObject({ category: z.enum(PRICE_CATEGORIES), tickets: z.number().int(), cents: z.number().int() })),
  expectedCents: z.number().int(),
  countedCents: z.number().int(),
  differenceCents: z.number().int(),
  /** Quota seats given back to the stands. */
  seatsReturned: z.number().int(),
});
export type ShiftCloseResponse = z.infer<typeof ShiftCloseResponse>;

export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'payload_too_large',
  'unsupported_media_type',
  /** This device already sent this nonce with another code: nothing was admitted. */
  'nonce_reused',
  /** A free entry on a stand with no seat left: nothing was counted. */
  'stand_full',
  /** A free entry for a match without "children under N enter free". */
  'free_entry_off',
  'too_many_requests',
  /** Box office: no seats left for this sale on a stand; the sale is not recorded. */
  'not_enough_seats',
  /** Box office: the match is not on sale (scheduled, played) or was cancelled. */
  'sale_closed',
  /** Box office: an offline sale beyond the seats this device reserved. */
  'quota_exceeded',
] as const;
export const ErrorResponse = z.strictObject({ error: z.enum(ERROR_CODES), message: z.string() });
export type ErrorResponse = z.infer<typeof ErrorResponse>;
