/**
 * The gradebook's table: a row per student, a column per exercise, each cell the best score with
 * attempts, and badges for pending, failed-to-grade, late and overridden; a cell's button opens
 * that student's submissions. N.B. BROWSER CODE.
 */
import type { Cell, Gradebook } from '../../contract/labs.ts';
import { t, type Locale } from '../i18n/index.ts';
import { el } from '../dom/el.ts';

/** Called with the student and the exercise of the cell whose button was pressed. */
export type OpenCell = (studentId: string, name: string, exerciseId: string) => void;

function cellView(locale: Locale, studentId: string, name: string, cell: Cell, open: OpenCell): HTMLElement {
  const td = el('td', { 'data-exercise': cell.exerciseId });
  if (cell.attempts === 0) {
    td.append(el('span', { class: 'lab-none' }, t(locale, 'lab.gb.cell.none')));
    return td;
  }
  const label =
    cell.score === null
      ? t(locale, 'lab.gb.cell.pending', { attempts: cell.attempts })
      : t(locale, 'lab.gb.cell', { score: cell.score, max: cell.maxScore ?? 0, attempts: cell.attempts });
  const button = el('button', { type: 'button', class: 'lab-cell' }, label);
  button.addEventListener('click', () => open(studentId, name, cell.exerciseId));
  td.append(button);
  if (cell.pending > 0)
    td.append(
      el('span', { class: 'pg-badge lab-pending' }, t(locale, 'lab.gb.pending', { n: cell.pending })),
    );
  if (cell.failed > 0)
    td.append(
      el(
        'span',
        { class: 'pg-badge lab-failed-badge' },
        t(locale, 'lab.gb.failed.badge', { n: cell.failed }),
      ),
    );
  if (cell.late) td.append(el('span', { class: 'pg-badge lab-late' }, t(locale, 'lab.late')));
  if (cell.overridden) td.append(el('span', { class: 'pg-badge' }, '✎'));
  return td;
}

/** The table in a focusable scroll region (a phone scrolls it, never the page). */
export function gradebookTable(book: Gradebook, locale: Locale, open: OpenCell): HTMLElement {
  const wrap = el('div', {
    class: 'lab-table-wrap',
    tabindex: '0',
    role: 'region',
    'aria-label': t(locale, 'lab.gb.title'),
  });
  const table = el('table', { class: 'lab-table' });
  table.append(el('caption', {}, book.lab.title));
  const head = el('tr');
  head.append(el('th', { scope: 'col' }, t(locale, 'lab.gb.student')));
  for (const ex of book.lab.exercises) head.append(el('th', { scope: 'col' }, ex.title));
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const row of book.rows) {
    const tr = el('tr', { 'data-student': row.student.studentId });
    const who = el('th', { scope: 'row' });
    who.append(
      el('span', {}, row.student.name),
      el('span', { class: 'lab-sid' }, ` ${row.student.studentId}`),
    );
    if (row.student.email) who.append(el('span', { class: 'lab-email' }, ` ${row.student.email}`));
    tr.append(who);
    for (const cell of row.cells)
      tr.append(cellView(locale, row.student.studentId, row.student.name, cell, open));
    tbody.append(tr);
  }
  table.append(thead, tbody);
  wrap.append(table);
  return wrap;
}
