/**
 * Pure: the gradebook as CSV (RFC 4180: comma separated, CRLF, quotes doubled). Cells that a
 * spreadsheet would run as a formula (starting with = + - @, tab or CR) get a leading apostrophe,
 * because student names are typed by students.
 */

/** The export's columns, in order; stable because instructors script against them. */
export const GRADEBOOK_COLUMNS = [
  'lab',
  'student_id',
  'name',
  'email',
  'exercise',
  'score',
  'max_score',
  'attempts',
  'submitted_at',
  'late',
] as const;

export type GradebookCsvRow = Record<(typeof GRADEBOOK_COLUMNS)[number], string | number | boolean | null>;

/** Returns one cell, quoted when it must be and defused when it could be a formula. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Returns the whole file: a header line, then one line per row, each ending in CRLF. */
export function gradebookCsv(rows: readonly GradebookCsvRow[]): string {
  const lines = [GRADEBOOK_COLUMNS.join(',')];
  for (const row of rows) lines.push(GRADEBOOK_COLUMNS.map((c) => csvCell(row[c])).join(','));
  return lines.map((l) => `${l}\r\n`).join('');
}
