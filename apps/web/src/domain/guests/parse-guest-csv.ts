import type { NewGuest } from './add-guests.ts';

/** Why a line of a guest CSV was refused (each said in words by the page). */
export const CSV_PROBLEMS = ['name_missing', 'name_too_long', 'email_invalid', 'places_invalid', 'no_rows', 'too_many_rows'] as const;
export type CsvProblem = (typeof CSV_PROBLEMS)[number];

export const MAX_GUEST_PLACES = 50;
export const MAX_CSV_ROWS = 2000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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
  const rows = splitCsv(text.replace(/^\uFEFF/, ''));
  const [header, ...body] = rows;
  const columns = columnsOf(header?.cells ?? []);
  const problems: { line: number; problem: CsvProblem }[] = [];
  const guests: NewGuest[] = [];
  const data = body.filter((r) => r.cells.some((cell) => cell.trim() !== ''));
  if (data.length === 0) return { ok: false, problems: [{ line: 1, problem: 'no_rows' }] };
  if (data.length > MAX_CSV_ROWS) return { ok: false, problems: [{ line: 1, problem: 'too_many_rows' }] };
  for (const { line, cells } of data) {
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

/** Which cell holds what: named by the header when it names them, else name, e-mail, places in that order. */
function columnsOf(header: string[]) {
  const words = header.map((h) => h.trim().toLowerCase());
  const find = (key: keyof typeof HEADERS) => words.findIndex((w) => HEADERS[key].includes(w));
  const [name, email, places] = [find('name'), find('email'), find('places')];
  if (name >= 0 && places >= 0) return { name, email: email >= 0 ? email : -1, places };
  return { name: 0, email: 1, places: 2 };
}

/** Rows of cells with the line each starts on; the separator is the header's (";" when it has more of them). */
function splitCsv(text: string): { line: number; cells: string[] }[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === sep) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}
