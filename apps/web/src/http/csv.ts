import type { Context } from 'hono';
import type { AppEnv } from './types.ts';

/** A cell: text, a count, an amount of money (written per dialect), or nothing. */
export type CsvCell = string | number | { cents: number } | null | undefined;

/**
 * Two dialects. `standard`: RFC 4180 — comma, amounts with a point, UTF-8 — for programs and
 * LibreOffice. `excel`: what Excel opens with a double click on a Belgian computer, whose list
 * separator is ";" and decimal sign ",": semicolons, "12,50", and a BOM so it reads UTF-8 accents.
 */
export type CsvDialect = 'standard' | 'excel';

/**
 * CSV for spreadsheets (CRLF line ends in both dialects). A cell that a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR) is prefixed with an apostrophe: a buyer's name must never become code
 * in a club's spreadsheet.
 */
export function toCsv(rows: CsvCell[][], dialect: CsvDialect = 'standard'): string {
  const separator = dialect === 'excel' ? ';' : ',';
  const cell = (value: CsvCell) => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return String(value);
    if (typeof value === 'object') {
      const amount = (value.cents / 100).toFixed(2);
      return dialect === 'excel' ? amount.replace('.', ',') : amount;
    }
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const text = `${rows.map((row) => row.map(cell).join(separator)).join('\r\n')}\r\n`;
  return dialect === 'excel' ? `\uFEFF${text}` : text;
}

/** Answers a CSV download in the dialect the link asked for (`?format=excel`), never cached. */
export function sendCsv(c: Context<AppEnv>, filename: string, rows: CsvCell[][]) {
  const dialect: CsvDialect = c.req.query('format') === 'excel' ? 'excel' : 'standard';
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(toCsv(rows, dialect));
}
