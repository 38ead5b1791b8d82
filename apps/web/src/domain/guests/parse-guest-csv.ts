import { columnsOf, EMAIL, readCsv } from '../csv.ts';
import type { NewGuest } from './add-guests.ts';

/** Why a line of a guest CSV was refused (each said in words by the page). */
export const CSV_PROBLEMS = ['name_missing', 'name_too_long', 'email_invalid', 'places_invalid', 'no_rows', 'too_many_rows'] as const;
export type CsvProblem = (typeof CSV_PROBLEMS)[number];

export const MAX_GUEST_PLACES = 50;

// Header words in the three languages (and the usual spreadsheet ones) for each column.
const HEADERS: Record<'name' | 'email' | 'places', string[]> = {
  name: ['name', 'nom', 'naam', 'guest', 'invité', 'invite', 'gast', 'full name', 'nom complet'],
  email: ['email', 'e-mail', 'mail', 'courriel', 'adresse e-mail', 'e-mailadres'],
  places: ['places', 'place', 'seats', 'plaatsen', 'aantal', 'nombre', 'number', 'tickets', 'billets'],
};

/**
 * Reads a guest CSV as spreadsheets write it: a header row, then name, e-mail (optional), places;
 * separated by "," or ";" (Excel in Belgium writes ";"), quoted fields, a UTF-8 BOM, CRLF. Every bad
 * line is reported with its number (the file's own, header = 1); nothing is returned to import unless
 * every line is good.
 */
export function parseGuestCsv(
  text: string,
): { ok: true; guests: NewGuest[] } | { ok: false; problems: { line: number; problem: CsvProblem }[] } {
  const csv = readCsv(text);
  if (!csv.ok) return { ok: false, problems: [{ line: 1, problem: csv.problem }] };
  // Without a header naming name and places: name, e-mail, places in that order.
  const columns = columnsOf(csv.header, HEADERS, ['name', 'places']);
  const problems: { line: number; problem: CsvProblem }[] = [];
  const guests: NewGuest[] = [];
  for (const { line, cells } of csv.rows) {
    const name = (cells[columns.name] ?? '').trim().replace(/\s+/g, ' ');
    const email = (cells[columns.email] ?? '').trim();
    const placesText = (cells[columns.places] ?? '').trim();
    const places = /^\d{1,3}$/.test(placesText) ? Number(placesText) : Number.NaN;
    if (!name) problems.push({ line, problem: 'name_missing' });
    else if (name.length > 120) problems.push({ line, problem: 'name_too_long' });
    if (email && (email.length > 254 || !EMAIL.test(email))) problems.push({ line, problem: 'email_invalid' });
    if (!(places >= 1 && places <= MAX_GUEST_PLACES)) problems.push({ line, problem: 'places_invalid' });
    guests.push({ name, email: email ? email.toLowerCase() : null, places });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, guests };
}
