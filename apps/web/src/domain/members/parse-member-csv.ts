import { columnsOf, EMAIL, readCsv } from '../csv.ts';

export interface NewMember {
  name: string;
  /** Lower-cased. */
  email: string;
  memberNumber: string;
  /** Its line in the CSV it came from (the file's own numbering), to report a problem by. */
  line?: number;
}

/** Why a line of a member CSV was refused (each said in words by the page). */
export const MEMBER_CSV_PROBLEMS = [
  'name_missing',
  'name_too_long',
  'email_invalid',
  'number_missing',
  'number_too_long',
  'email_twice',
  'number_twice',
  'email_on_list',
  'number_on_list',
  'no_rows',
  'too_many_rows',
] as const;
export type MemberCsvProblem = (typeof MEMBER_CSV_PROBLEMS)[number];
export type MemberCsvResult = { ok: true; members: NewMember[] } | { ok: false; problems: { line: number; problem: MemberCsvProblem }[] };

const HEADERS: Record<'name' | 'email' | 'number', string[]> = {
  name: ['name', 'nom', 'naam', 'member', 'membre', 'lid', 'full name', 'nom complet'],
  email: ['email', 'e-mail', 'mail', 'courriel', 'adresse e-mail', 'e-mailadres'],
  number: ['member number', 'number', 'numéro', 'numero', 'numéro de membre', 'n°', 'nr', 'lidnummer', 'nummer', 'id'],
};

/**
 * Reads a member list as spreadsheets write it (csv.ts): name, e-mail, member number. Every bad line
 * is reported with its number — a missing or bad e-mail, a missing number, an e-mail or number met
 * twice in the file —; nothing is returned to import unless every line is good.
 */
export function parseMemberCsv(text: string): MemberCsvResult {
  const csv = readCsv(text);
  if (!csv.ok) return { ok: false, problems: [{ line: 1, problem: csv.problem }] };
  // Without a header naming all three: name, e-mail, number in that order.
  const columns = columnsOf(csv.header, HEADERS, ['name', 'email', 'number']);
  const problems: { line: number; problem: MemberCsvProblem }[] = [];
  const members: NewMember[] = [];
  const emails = new Set<string>();
  const numbers = new Set<string>();
  for (const { line, cells } of csv.rows) {
    const name = (cells[columns.name] ?? '').trim().replace(/\s+/g, ' ');
    const email = (cells[columns.email] ?? '').trim().toLowerCase();
    const memberNumber = (cells[columns.number] ?? '').trim();
    if (!name) problems.push({ line, problem: 'name_missing' });
    else if (name.length > 120) problems.push({ line, problem: 'name_too_long' });
    if (email.length > 254 || !EMAIL.test(email)) problems.push({ line, problem: 'email_invalid' });
    else if (emails.has(email)) problems.push({ line, problem: 'email_twice' });
    if (!memberNumber) problems.push({ line, problem: 'number_missing' });
    else if (memberNumber.length > 40) problems.push({ line, problem: 'number_too_long' });
    else if (numbers.has(memberNumber)) problems.push({ line, problem: 'number_twice' });
    emails.add(email);
    numbers.add(memberNumber);
    members.push({ name, email, memberNumber, line });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, members };
}
