// Reading a CSV as spreadsheets write it (guest lists, member lists): a header row, "," or ";"
// (Excel in Belgium writes ";"), quoted fields, a UTF-8 BOM, CRLF; line numbers as the file's own.

export const MAX_CSV_ROWS = 2000;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The header's cells and the data rows (blank ones left out), each with the line it starts on
 * (header = 1); `too_many_rows` / `no_rows` when there is nothing to import or too much.
 */
export function readCsv(
  text: string,
): { ok: true; header: string[]; rows: { line: number; cells: string[] }[] } | { ok: false; problem: 'no_rows' | 'too_many_rows' } {
  const [header, ...body] = splitCsv(text.replace(/^\uFEFF/, ''));
  const rows = body.filter((r) => r.cells.some((cell) => cell.trim() !== ''));
  if (rows.length === 0) return { ok: false, problem: 'no_rows' };
  if (rows.length > MAX_CSV_ROWS) return { ok: false, problem: 'too_many_rows' };
  return { ok: true, header: header?.cells ?? [], rows };
}

/**
 * Which cell holds what: named by the header when it names every required column (header words in
 * the three languages), else the columns in the order given.
 */
export function columnsOf<K extends string>(header: string[], words: Record<K, string[]>, required: NoInfer<K>[]): Record<K, number> {
  const cells = header.map((h) => h.trim().toLowerCase());
  const keys = Object.keys(words) as K[];
  const found = Object.fromEntries(keys.map((key) => [key, cells.findIndex((w) => words[key].includes(w))])) as Record<K, number>;
  if (required.every((key) => found[key] >= 0)) return found;
  return Object.fromEntries(keys.map((key, i) => [key, i])) as Record<K, number>;
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
