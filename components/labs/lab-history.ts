/**
 * A student's history of one exercise in a lab: each submission with when it arrived and how it
 * stands (score, queued, grading, failed, late, overridden), the best score that counts, and a
 * submission's state as a sentence for the exercise's live status line. N.B. BROWSER CODE.
 */
import type { StudentStanding, SubmissionSummary } from '../../contract/labs.ts';
import { t, type Locale } from '../i18n/index.ts';
import { el } from '../dom/el.ts';
import { formatInstant } from '../i18n/index.ts';

/** Where a submission stands, in words. */
export function stateText(s: SubmissionSummary, locale: Locale): string {
  const time = formatInstant(s.submittedAt, locale);
  if (s.state === 'grading') return t(locale, 'lab.state.grading', { time });
  if (s.state === 'failed') return t(locale, 'lab.state.failed', { time });
  if (s.failure) return t(locale, 'lab.state.retrying', { time });
  return s.position === null
    ? t(locale, 'lab.state.queued.noposition', { time })
    : t(locale, 'lab.state.queued', { time, position: s.position });
}

/** One submission's line of the history. */
function historyItem(s: SubmissionSummary, locale: Locale): HTMLElement {
  const li = el('li', { 'data-submission': s.id, 'data-state': s.state });
  const standingText =
    s.countedScore !== null
      ? `${s.countedScore} / ${s.maxScore}`
      : s.state === 'failed'
        ? t(locale, 'lab.history.failed')
        : s.state === 'grading'
          ? t(locale, 'lab.history.grading')
          : t(locale, 'lab.history.queued');
  li.append(
    el('time', { datetime: s.submittedAt }, formatInstant(s.submittedAt, locale)),
    document.createTextNode(` — ${standingText}`),
  );
  if (s.late) li.append(el('span', { class: 'pg-badge lab-late' }, t(locale, 'lab.late')));
  if (s.override) {
    const { score, comment } = s.override;
    li.append(
      el('span', { class: 'lab-override' }, ` ${t(locale, 'lab.gb.overridden', { score, comment })}`),
    );
  }
  return li;
}

/** Redraws `box` with the student's submissions of `exerciseId`, newest first. */
export function renderHistory(
  box: HTMLElement,
  exerciseId: string,
  standing: StudentStanding,
  locale: Locale,
): void {
  const mine = standing.submissions.filter((s) => s.exerciseId === exerciseId).reverse();
  const cell = standing.cells.find((c) => c.exerciseId === exerciseId);
  const heading = el('h4', {}, t(locale, 'lab.history'));
  if (mine.length === 0) {
    box.replaceChildren(heading, el('p', {}, t(locale, 'lab.history.none')));
    return;
  }
  const list = el('ol', { class: 'lab-history-list', reversed: '' });
  list.append(...mine.map((s) => historyItem(s, locale)));
  const best = el(
    'p',
    { class: 'lab-best' },
    t(locale, 'lab.best', { score: cell?.score ?? 0, max: cell?.maxScore ?? 0 }),
  );
  box.replaceChildren(heading, best, list);
}
