/**
 * The submissions the grading queue gave up on, above the gradebook, each with who, what, when,
 * why, and a button that puts it back in the queue. N.B. BROWSER CODE.
 */
import type { Gradebook, SubmissionSummary } from '../../contract/labs.ts';
import { t, type Locale } from '../i18n/index.ts';
import { failureReason } from './failure-reason.ts';
import { el } from '../dom/el.ts';
import { formatInstant } from '../i18n/index.ts';

/** Re-queues `submission`; the button stays disabled while it is sent, and again if it fails. */
export type Requeue = (submission: SubmissionSummary, button: HTMLButtonElement) => void;

/** The section, or null when no submission failed to grade. */
export function failedList(book: Gradebook, locale: Locale, requeue: Requeue): HTMLElement | null {
  const failed = book.submissions.filter((s) => s.state === 'failed');
  if (failed.length === 0) return null;
  const box = el('section', { class: 'lab-failed', 'aria-labelledby': 'lab-failed-title' });
  const list = el('ul', { class: 'lab-failed-list' });
  for (const s of failed) {
    const student = book.rows.find((r) => r.student.studentId === s.studentId)?.student;
    const li = el('li', { 'data-submission': s.id });
    const again = el('button', { type: 'button', class: 'pg-button' }, t(locale, 'lab.gb.requeue'));
    again.addEventListener('click', () => requeue(s, again));
    li.append(
      document.createTextNode(
        `${t(locale, 'lab.gb.failed.item', {
          name: student?.name ?? s.studentId,
          id: s.studentId,
          exercise: book.lab.exercises.find((e) => e.id === s.exerciseId)?.title ?? s.exerciseId,
          time: formatInstant(s.submittedAt, locale),
          reason: failureReason(locale, s.failure),
        })} `,
      ),
      again,
    );
    list.append(li);
  }
  box.append(
    el('h3', { id: 'lab-failed-title' }, t(locale, 'lab.gb.failed.title')),
    el('p', {}, t(locale, 'lab.gb.failed.intro')),
    list,
  );
  return box;
}
