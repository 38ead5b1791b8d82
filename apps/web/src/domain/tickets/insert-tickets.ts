import { randomBytes } from 'node:crypto';
import { SHORT_CODE_RANDOM_BYTES, shortCodeFromBytes } from '@footarena/ticket-code';
import type { Executor } from '../../db/client.ts';
import { seasonPass, ticket } from '../../db/schema/index.ts';

type NewTicket = Omit<typeof ticket.$inferInsert, 'shortCode'>;
type NewPass = Omit<typeof seasonPass.$inferInsert, 'shortCode'>;

/** A random short code (what a person types when the QR cannot be read): never derived from the id. */
export function drawShortCode(): string {
  for (;;) {
    const code = shortCodeFromBytes(randomBytes(SHORT_CODE_RANDOM_BYTES));
    if (code) return code;
  }
}

/**
 * Every new code of a seat goes in through here: each ticket gets a random short code, unique in its
 * match (the unique index decides). A code drawn twice skips that row without failing the transaction,
 * and that row is tried again with a new draw.
 */
export function insertTickets<T extends NewTicket & { id: string }>(tx: Executor, rows: T[], draw: () => string = drawShortCode) {
  return withShortCodes(rows, draw, (drawn) =>
    tx
      .insert(ticket)
      .values(drawn)
      .onConflictDoNothing({ target: [ticket.matchId, ticket.shortCode] })
      .returning({ id: ticket.id, shortCode: ticket.shortCode }),
  );
}

/** Season passes, the same way: a short code unique within the product (decision 021). */
export function insertSeasonPasses<T extends NewPass & { id: string }>(tx: Executor, rows: T[], draw: () => string = drawShortCode) {
  return withShortCodes(rows, draw, (drawn) =>
    tx
      .insert(seasonPass)
      .values(drawn)
      .onConflictDoNothing({ target: [seasonPass.productId, seasonPass.shortCode] })
      .returning({ id: seasonPass.id, shortCode: seasonPass.shortCode }),
  );
}

async function withShortCodes<T extends { id: string }>(
  rows: T[],
  draw: () => string,
  insert: (drawn: (T & { shortCode: string })[]) => Promise<{ id: string; shortCode: string }[]>,
): Promise<(T & { shortCode: string })[]> {
  const codes = new Map<string, string>();
  let pending = rows;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === 8) throw new Error('could not draw unique short codes');
    for (const row of await insert(pending.map((row) => ({ ...row, shortCode: draw() })))) codes.set(row.id, row.shortCode);
    pending = pending.filter((row) => !codes.has(row.id));
  }
  return rows.map((row) => ({ ...row, shortCode: codes.get(row.id)! }));
}
